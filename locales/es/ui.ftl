### Textos de la interfaz: todo lo que una página muestra aparte del contenido del catálogo.

## El idioma, para el selector de idioma.

language-name = Español

## Fechas. $day, $month (1 a 12) y $year son números.

ui-date = { $day }/{ $month }/{ $year }

## Todas las páginas: nombre del sitio, navegación y ayudas de accesibilidad.

ui-site-title = Rutas profesionales
# Enlace al principio de cada página, visible con el teclado, que salta la navegación.
ui-skip-to-content = Saltar al contenido
# El enlace de vuelta al índice, en la barra de navegación.
ui-nav-index = Todas las habilidades y roles
# Encabezado de la lista de otros idiomas en que está la página.
ui-nav-languages = Idiomas
# La página raíz, donde el lector elige idioma; se muestra una vez en cada idioma.
ui-choose-language = Elige un idioma

## Página de habilidad: la cabecera con el perfil y los recuentos.

ui-skill-domain = Dominio
ui-skill-profile = Perfil de habilidad
# Sobre el número de roles que necesitan la habilidad. $count: ese número.
ui-skill-roles = { $count ->
        [one] Rol
       *[other] Roles
    }
ui-skill-roles-note = donde aparece esta habilidad
# Sobre el número de niveles en que algún rol necesita la habilidad. $count: ese número.
ui-skill-levels = { $count ->
        [one] Nivel
       *[other] Niveles
    }
ui-skill-levels-note = ruta de crecimiento estructurada
# Sobre el número de requisitos obligatorios. $count: ese número.
ui-skill-mandatory = { $count ->
        [one] Requisito obligatorio
       *[other] Requisitos obligatorios
    }
# Bajo el número de requisitos obligatorios. $count: cuántos requisitos son opcionales.
ui-skill-optional-rest = { $count ->
        [0] ninguno opcional
        [one] el otro opcional
       *[other] los otros { $count } opcionales
    }
# Antes de la fecha de la última revisión. $date: la fecha, ya formateada por ui-date.
ui-skill-updated = Actualizado el { $date }

## Página de habilidad: las tablas por nivel.

# Leyenda del selector de nivel, que muestra la tabla de un nivel cada vez.
ui-level-selector = Selecciona tu nivel actual y compara las expectativas.
# La opción del selector de nivel que muestra todos los niveles.
ui-level-all = Todos los niveles
# $first y $last: los nombres del primer y del último nivel.
ui-level-growth = La tabla muestra cómo crece la profundidad desde { $first } hasta { $last }.
# Encabezados de columna de cada tabla.
ui-table-role = Rol
ui-table-mandatory = Obligatorio
ui-table-description = Descripción
# Lo leen los lectores de pantalla en la columna "Obligatorio" de un requisito opcional, que se ve vacía.
ui-table-optional = Opcional
# Título de una tabla. $skill: el nombre de la habilidad; $level: el del nivel.
ui-table-caption = { $skill }: { $level }

## Página de rol: la ruta profesional de un rol, nivel a nivel.

# Título de la página. $role: el nombre del rol.
ui-role-title = Ruta profesional: { $role }
ui-role-intro = Las habilidades que este rol necesita en cada nivel, obligatorias y opcionales.
# Bajo cada nivel. $mandatory y $optional: cuántas habilidades son obligatorias y opcionales.
ui-role-level-summary = { $mandatory ->
        [one] 1 obligatoria
       *[other] { $mandatory } obligatorias
    }, { $optional ->
        [one] 1 opcional
       *[other] { $optional } opcionales
    }
ui-role-no-skills = Ninguna habilidad en este nivel.
# Encabezado de la columna del nombre de la habilidad.
ui-table-skill = Habilidad

## Página índice.

ui-index-title = Habilidades y rutas profesionales
ui-index-skills = Habilidades por dominio
# $count: el número de habilidades del catálogo.
ui-index-skill-count = { $count ->
        [one] { $count } habilidad
       *[other] { $count } habilidades
    }
ui-index-roles = Rutas profesionales por rol

## Marcas de traducción: texto cuya traducción puede no estar al día.

# Se muestra al señalar una traducción hecha de un texto inglés que ha cambiado desde entonces.
ui-stale-hint = Puede que esta traducción no esté al día

## Página de estado de la traducción, para traductores: qué está traducido, desactualizado o pendiente.

# El título de la página, y el enlace a ella al pie del índice.
ui-status-title = Estado de la traducción
# $translated: cuántos textos están traducidos; $total: cuántos textos hay;
# $fallback: cuántos se muestran aún en inglés.
ui-status-summary = { $translated } de { $total } textos traducidos; { $fallback ->
        [one] uno se muestra
       *[other] { $fallback } se muestran
    } en inglés.
ui-status-by-kind = Por tipo de texto
ui-status-by-file = Por archivo
# Encabezados de columna de las dos tablas.
ui-status-kind = Tipo
ui-status-file = Archivo
ui-status-total = Textos
ui-status-translated = Traducidos
ui-status-fallback = En inglés
ui-status-stale = Desactualizados
# Traducidos, pero aún sin registrar como revisados frente al inglés.
ui-status-unreviewed = Sin revisar
# Traducciones de textos que el inglés ya no tiene.
ui-status-obsolete = Obsoletos
# Los tipos de texto, de más a menos visible.
ui-status-kind-interface = Interfaz
ui-status-kind-names = Niveles, roles, dominios y grupos
ui-status-kind-skill-names = Nombres de habilidades
ui-status-kind-summaries = Resúmenes de habilidades
ui-status-kind-descriptions = Descripciones de requisitos
ui-status-kind-other = Otros
# Encabezado de la lista de los próximos textos que traducir. $count: cuántos quedan en total.
ui-status-next = { $count ->
        [one] El último texto que traducir
       *[other] Lo próximo que traducir (quedan { $count })
    }
ui-status-nothing-left = Todo está traducido.
ui-status-stale-heading = Traducciones desactualizadas
ui-status-none-stale = Ninguna traducción está desactualizada.
# Encabezados de columna de las listas: el identificador del mensaje y el inglés de entonces y de ahora.
ui-status-message = Mensaje
ui-status-was = Inglés entonces
ui-status-now = Inglés ahora

## Exportaciones: encabezados de columna de las hojas CSV y XLSX (una fila por habilidad, rol y nivel).

ui-export-group = Grupo
ui-export-level = Nivel
# Sus celdas dicen "Obligatorio" u "Opcional", como las páginas.
ui-export-necessity = Requisito
