skill-serverless-functions = Funciones sin servidor
    .summary = AWS Lambda, Cloud Functions, arranques en frío
    .summary = AWS Lambda, Cloud Functions
