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

## Todas las páginas: la descripción que muestran los buscadores, la ruta de navegación, la página que no existe.

# La meta descripción del índice de cada idioma, que muestran los buscadores y las vistas previas de enlaces.
ui-index-description = Lo que cada rol necesita en cada nivel, habilidad por habilidad: requisitos obligatorios y opcionales.
# La meta descripción de la página de un rol. $role: el nombre del rol.
ui-role-description = Las habilidades que { $role } necesita en cada nivel, obligatorias y opcionales.
# Etiqueta de la ruta de enlaces desde el índice hasta la página actual.
ui-nav-breadcrumb = Ruta de navegación
# La página que muestra un servidor para una dirección sin página (404), seguida de la lista de idiomas.
ui-not-found-title = Página no encontrada
ui-not-found-text = No hay ninguna página en esta dirección. Vuelve a empezar desde el índice de tu idioma:

## Página de habilidad: crecimiento y comparación de dos niveles.

# En lugar de ui-level-growth, para una habilidad que solo se necesita en un nivel. $level: el nombre de ese nivel.
ui-level-single = La tabla muestra lo que requiere el nivel { $level }.
# Etiquetas de las dos listas que eligen los niveles que comparar.
ui-compare-from = Nivel actual
ui-compare-to = Nivel objetivo
# Encabezado de la comparación de dos niveles.
ui-compare-heading = Comparar niveles
# Encabezado de la columna de lo que cambia entre los dos niveles, para cada rol.
ui-compare-change = Qué cambia
# En una comparación, para un rol que no necesita la habilidad en uno de los niveles.
ui-compare-absent = No requerido
# Lo que cambia para un rol, o para una habilidad, de un nivel a otro.
ui-change-added = Pasa a ser requerido
ui-change-removed = Deja de ser requerido
ui-change-mandatory = Pasa a ser obligatorio
ui-change-optional = Pasa a ser opcional
ui-change-text = Cambia la descripción
ui-change-none = Sin cambios
# Encabezado de la lista de cambios desde el nivel anterior. $level: el nombre del nivel anterior.
ui-changes-from = Cambios desde { $level }
ui-changes-none = Nada se añade, se quita ni pasa a ser obligatorio u opcional; solo se profundizan las descripciones.

## Página de rol: qué cambia en el nivel siguiente.

# Encabezado. $level: el nombre del nivel siguiente.
ui-role-next = Qué cambia en { $level }

## Vista general: cada habilidad frente a cada rol.

# El título de la página y el enlace a ella desde el índice.
ui-overview-title = Vista general de habilidades por rol
ui-overview-intro = Cuándo necesita cada rol cada habilidad, y cuántos requisitos tiene cada nivel.
# En una celda de la vista general. $level: el primer nivel en el que el rol necesita la habilidad como obligatoria.
ui-matrix-mandatory-from = Obligatoria desde { $level }
# En una celda de la vista general. $level: el primer nivel en el que el rol incluye la habilidad como opcional.
ui-matrix-optional-from = Opcional desde { $level }
# Encabezado de la tabla de requisitos por nivel y rol.
ui-matrix-totals = Requisitos por nivel

## Búsqueda, en la cabecera de cada página HTML.

ui-search-label = Buscar habilidades y roles
ui-search-results = { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
ui-search-none = No se encontró nada.
ui-search-error = La búsqueda no está disponible.

## Cambios de rol: la página de cambios (moves.html) y la página Markdown de cada rol
## (moves/<rol>.md, con --moves).

ui-moves-page-title = Cambios de rol
ui-moves-page-intro = Elija un rol y un nivel que tiene y otro al que podría pasar: la página enumera las habilidades que ambos necesitan y cómo cambia lo que se espera, las habilidades por adquirir y las que se dejan atrás. Las obligatorias van primero.
ui-moves-choose = Elija un cambio
ui-moves-from = Rol y nivel actuales
ui-moves-to = Rol y nivel de destino
ui-moves-position = { $role }, { $level }
ui-moves-no-script = Para elegir un cambio hace falta JavaScript; sin él, esta página solo muestra el cambio de abajo. La ruta profesional de cada rol indica lo que el rol necesita en cada nivel.
ui-moves-from-level = Cambios desde { $level }
ui-moves-title = Cambiar de rol desde { $role }
ui-moves-intro = Desde cada nivel de { $role } hacia cada otro rol, en el mismo nivel y un nivel más arriba: las habilidades que ambos roles necesitan y cómo cambia lo que se espera, las habilidades por adquirir y las que se dejan atrás. Las obligatorias van primero.
ui-moves-link = Cambiar a otro rol
ui-moves-contents = Cambios en esta página
ui-move-heading = De { $from }, { $from-level } a { $to }, { $to-level }
ui-move-shared = Habilidades que ambos roles necesitan
ui-move-gain = Habilidades por adquirir
ui-move-leave = Habilidades que se dejan atrás
ui-move-none = Ninguna.
ui-move-shared-count = { $count ->
        [one] { $count } habilidad que ambos roles necesitan
       *[other] { $count } habilidades que ambos roles necesitan
    }
ui-move-gain-count = { $count ->
        [one] { $count } habilidad por adquirir
       *[other] { $count } habilidades por adquirir
    }
ui-move-leave-count = { $count ->
        [one] { $count } habilidad que se deja atrás
       *[other] { $count } habilidades que se dejan atrás
    }
ui-move-summary = { $shared }, { $gain } y { $leave }.
ui-move-status = { $move }: { $summary }
