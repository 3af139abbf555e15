# Search finds "Funciones sin servidor" by `funcion`, `FUNCIÓN` or `función`.
level-middle = Intermedio
level-senior = Sénior
role-cloud-engineer = Ingeniero de nube
role-platform-engineer = Ingeniero de plataforma
domain-cloud = Nube
group-compute = Cómputo
skill-serverless-functions = Funciones sin servidor
    .summary = Función como servicio: AWS Lambda, Cloud Functions
skill-serverless-functions--cloud-engineer--middle = Despliega funciones con disparadores de eventos.
skill-cost-reports = Informes de costes
    .summary = Facturas de la nube, presupuestos, etiquetas
skill-developer-portals = Portales para desarrolladores
    .summary = Catálogos de servicios, caminos dorados
