### The catalog's vocabulary: level, role, domain and group names.
### Ids follow catalog/*.yaml: `level-<id>`, `role-<id>`, `domain-<id>`, `group-<id>`.

## Seniority levels, from the first step of a career to the last (catalog/levels.yaml).
## Shown as headings of the level tables, in the level selector and in sentences such as
## "from Junior to Principal".

level-junior = Junior
level-middle = Middle
level-senior = Senior
level-lead = Lead
level-principal = Principal

## Roles (catalog/roles.yaml). Shown in the first column of skill tables and as career-path titles.

role-ai-product-engineer = AI Product Engineer
role-cloud-engineer = Cloud Engineer
role-infrastructure-engineer = Infrastructure Engineer
role-platform-engineer = Platform Engineer

## Domains of expertise and the groups of skills inside them (catalog/domains.yaml).
## Shown on the index and at the top of each skill page.

domain-cloud-infrastructure = Cloud & Infrastructure
group-serverless = Serverless
