### Skills: names, summaries, and what each role needs at each level.
###
### Message ids follow one rule (docs/catalog-format.md):
###   skill-<skill>                   the skill's name, shown as page titles and in lists
###       .summary                    one line under the name: the technologies and topics it covers
###   skill-<skill>--<role>--<level>  what <role> must show at <level>; a cell of the level tables
###
### Descriptions are full sentences; they show in tables, so keep each on one line.

## Serverless Functions (catalog/skills/serverless-functions.yaml)

skill-serverless-functions = Serverless Functions
    .summary = AWS Lambda, Cloud Functions, Yandex Cloud Functions, cold starts, event triggers

## Serverless Functions, junior level: what each role must show

skill-serverless-functions--ai-product-engineer--junior = Understands basic Serverless Functions concepts. Uses ready-made configurations. Performs simple operations under senior guidance.
skill-serverless-functions--cloud-engineer--junior = Understands basic serverless concepts: AWS Lambda, Azure Functions, Google Cloud Functions. Deploys simple functions using CLI or console. Follows existing event trigger configurations and IAM policies.
skill-serverless-functions--infrastructure-engineer--junior = Understands serverless function basics and their role in event-driven infrastructure. Deploys pre-configured Lambda/Cloud Functions using IaC templates. Monitors function invocations and basic error logs.
skill-serverless-functions--platform-engineer--junior = Creates simple Lambda/Cloud Functions for automating platform tasks: webhook handlers, notifications, scheduled jobs. Configures triggers (API Gateway, CloudWatch Events). Understands cold start and execution limits. Tests functions locally via SAM/serverless.

## Serverless Functions, middle level: what each role must show

skill-serverless-functions--ai-product-engineer--middle = Independently configures and manages Serverless Functions. Writes IaC for standard tasks. Understands networking and security basics.
skill-serverless-functions--infrastructure-engineer--middle = Independently configures serverless functions with proper networking, security groups, and environment management. Implements CI/CD pipelines for function deployment. Understands execution model nuances: timeouts, memory, and retry policies.
skill-serverless-functions--platform-engineer--middle = Develops serverless platform components: event-driven processing of infrastructure events, custom resource handlers for CloudFormation/CDK. Optimizes cold starts through provisioned concurrency. Configures observability for serverless (X-Ray, structured logging).

## Serverless Functions, senior level: what each role must show

skill-serverless-functions--ai-product-engineer--senior = Designs serverless inference pipelines for ML models using Lambda, Step Functions, and SageMaker endpoints. Optimizes cold start and memory for model serving. Implements cost-efficient auto-scaling for AI workloads.
skill-serverless-functions--cloud-engineer--senior = Designs infrastructure solutions with Serverless Functions. Optimizes cost and performance. Introduces best practices and security hardening.
skill-serverless-functions--infrastructure-engineer--senior = Designs production-grade serverless infrastructure with multi-region failover, DLQ handling, and observability. Optimizes function performance and cost through right-sizing and provisioned concurrency. Implements security hardening and least-privilege IAM.
skill-serverless-functions--platform-engineer--senior = Designs serverless architecture as part of IDP: event mesh for platform events, step functions for workflow orchestration. Creates framework for typical serverless tasks with templates and CI/CD. Implements canary deployments and traffic shifting for Lambda.

## Serverless Functions, lead level: what each role must show

skill-serverless-functions--ai-product-engineer--lead = Defines infrastructure strategy with Serverless Functions. Establishes IaC standards. Conducts architecture reviews. Optimizes FinOps.
skill-serverless-functions--cloud-engineer--lead = Defines serverless-first infrastructure strategy across the organization. Establishes IaC standards for function deployment, monitoring, and cost governance. Conducts architecture reviews of serverless solutions and optimizes FinOps for compute spend.
skill-serverless-functions--infrastructure-engineer--lead = Defines platform-wide serverless strategy including standards for function design, deployment patterns, and operational runbooks. Establishes FinOps practices for serverless cost optimization. Reviews cross-team serverless architectures for reliability and security.
skill-serverless-functions--platform-engineer--lead = Defines organizational serverless strategy: use cases vs containers, cost model, vendor lock-in analysis. Leads serverless platform creation with self-service for teams. Designs multi-region failover and disaster recovery for serverless workloads.

## Serverless Functions, principal level: what each role must show

skill-serverless-functions--ai-product-engineer--principal = Defines organizational cloud strategy. Evaluates multi-cloud vs single-cloud. Designs enterprise-grade infrastructure. Establishes FinOps practices.
skill-serverless-functions--cloud-engineer--principal = Shapes serverless architecture strategy: Lambda/Cloud Functions for event processing, API Gateway integration, Step Functions for orchestration. Designs patterns — fan-out/fan-in, saga, circuit breaker. Defines serverless applicability boundaries and migration paths.
skill-serverless-functions--infrastructure-engineer--principal = Defines organizational serverless infrastructure strategy: choosing between AWS Lambda, Cloud Functions, Knative for internal platforms. Designs event-driven infrastructure automation architecture through serverless functions, defines cold start optimization standards and cost boundaries for serverless workloads.
skill-serverless-functions--platform-engineer--principal = Shapes vision for event-driven platform: serverless + event mesh + CQRS for scalable distributed systems. Defines portable serverless strategy (Knative, WASI) to avoid vendor lock-in. Evaluates WebAssembly as next-generation serverless runtime.
