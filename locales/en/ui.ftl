### Interface strings: everything on a page that is not catalog content.

## The language itself, for the language chooser. Write the name as its speakers do.

language-name = English

## Dates. $day, $month (1 to 12) and $year are numbers; write them in the order and form readers
## of this language expect.

ui-date = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $day }, { $year }

## Every page: site name, navigation and accessibility helpers.

ui-site-title = Career paths
# A link at the top of each page, visible to keyboard users, that jumps past the navigation.
ui-skip-to-content = Skip to content
# The link back to the index, in the navigation bar.
ui-nav-index = All skills and roles
# Heading of the list of other languages this page is available in.
ui-nav-languages = Languages
# The root page that lets a reader choose a language; shown once in each language.
ui-choose-language = Choose a language

## Skill page: the header with the skill's profile and counts.

ui-skill-domain = Domain
ui-skill-profile = Skill profile
# Label above the number of roles that need this skill. $count: that number.
ui-skill-roles = { $count ->
        [one] Role
       *[other] Roles
    }
ui-skill-roles-note = where this skill appears
# Label above the number of levels at which some role needs this skill. $count: that number.
ui-skill-levels = { $count ->
        [one] Level
       *[other] Levels
    }
ui-skill-levels-note = structured growth path
# Label above the number of mandatory role-and-level requirements. $count: that number.
ui-skill-mandatory = { $count ->
        [one] Mandatory requirement
       *[other] Mandatory requirements
    }
# Under the number of mandatory requirements. $count: how many requirements are optional.
ui-skill-optional-rest = { $count ->
        [0] none optional
        [one] the other one optional
       *[other] the other { $count } optional
    }
# Before the date the skill was last reviewed. $date: the date, already formatted by ui-date.
ui-skill-updated = Updated { $date }

## Skill page: the level tables.

# Legend of the level selector, which shows one level's table at a time.
ui-level-selector = Select your current level and compare expectations.
# The choice of the level selector that shows every level.
ui-level-all = All levels
# $first and $last: the names of the first and last levels.
ui-level-growth = The table shows how depth grows from { $first } to { $last }.
# Column headers of each level table.
ui-table-role = Role
ui-table-mandatory = Mandatory
ui-table-description = Description
# Read by screen readers in the mandatory column of an optional requirement, which shows empty.
ui-table-optional = Optional
# Caption of a level table. $skill: the skill's name; $level: the level's name.
ui-table-caption = { $skill }: { $level }

## Role page: a role's career path, level by level.

# Page title. $role: the role's name.
ui-role-title = Career path: { $role }
ui-role-intro = The skills this role needs at each level, mandatory and optional.
# Under each level heading. $mandatory and $optional: how many skills are mandatory and optional.
ui-role-level-summary = { $mandatory } mandatory, { $optional } optional
ui-role-no-skills = No skills at this level.
# Column header of the skill name in a role's level tables.
ui-table-skill = Skill

## Index page.

ui-index-title = Skills and career paths
ui-index-skills = Skills by domain
# $count: the number of skills in the catalog.
ui-index-skill-count = { $count ->
        [one] { $count } skill
       *[other] { $count } skills
    }
ui-index-roles = Career paths by role

## Translation marks: text whose translation may be out of date.

# Shown when pointing at a translation made from English text that has changed since.
ui-stale-hint = This translation may be out of date

## Translation status page, for translators: what is translated, out of date and left.

# The page's title, and the link to it at the foot of the index.
ui-status-title = Translation status
# $translated: how many texts are translated; $total: how many texts there are;
# $fallback: how many still show in English.
ui-status-summary = { $translated } of { $total } texts translated; { $fallback ->
        [one] one shows
       *[other] { $fallback } show
    } in English.
ui-status-by-kind = By kind of text
ui-status-by-file = By file
# Column headers of the two tables.
ui-status-kind = Kind
ui-status-file = File
ui-status-total = Texts
ui-status-translated = Translated
ui-status-fallback = In English
ui-status-stale = Out of date
# Translated, but not yet recorded as reviewed against the English.
ui-status-unreviewed = Unreviewed
# Translations of texts English no longer has.
ui-status-obsolete = Obsolete
# The kinds of text, most visible first.
ui-status-kind-interface = Interface
ui-status-kind-names = Levels, roles, domains and groups
ui-status-kind-skill-names = Skill names
ui-status-kind-summaries = Skill summaries
ui-status-kind-descriptions = Requirement descriptions
ui-status-kind-other = Other
# Heading of the list of the next texts to translate. $count: how many are left in all.
ui-status-next = { $count ->
        [one] The last text to translate
       *[other] Next to translate ({ $count } left)
    }
ui-status-nothing-left = Everything is translated.
ui-status-stale-heading = Translations out of date
ui-status-none-stale = No translation is out of date.
# Column headers of the lists: the message id, and the English then and now.
ui-status-message = Message
ui-status-was = English then
ui-status-now = English now

## Exports: column headers of the CSV and XLSX spreadsheets (one row per skill, role and level).

ui-export-group = Group
ui-export-level = Level
# Its cells read like the "Mandatory" and "Optional" columns of the pages.
ui-export-necessity = Requirement
