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

## Every page: the description search engines show, the breadcrumb, the missing page.

# The meta description of each language's index, shown by search engines and link previews.
ui-index-description = What each role needs at each level, skill by skill: mandatory and optional requirements.
# The meta description of a role's page. $role: the role's name.
ui-role-description = The skills { $role } needs at each level, mandatory and optional.
# Label of the trail of links from the index to the current page.
ui-nav-breadcrumb = Breadcrumb
# The page a server shows for an address with no page (404), followed by the list of languages.
ui-not-found-title = Page not found
ui-not-found-text = There is no page at this address. Start again from the index of your language:

## Skill page: growth, and comparing two levels.

# Instead of ui-level-growth, for a skill needed at one level only. $level: that level's name.
ui-level-single = The table shows what { $level } requires.
# Labels of the two lists that choose the levels to compare.
ui-compare-from = Current level
ui-compare-to = Target level
# Heading of the comparison of two levels.
ui-compare-heading = Compare levels
# Column header of what changes between the two levels, for each role.
ui-compare-change = What changes
# In a comparison, for a role that does not need the skill at one of the levels.
ui-compare-absent = Not required
# What changes for a role, or for a skill, from one level to another.
ui-change-added = Newly required
ui-change-removed = No longer required
ui-change-mandatory = Becomes mandatory
ui-change-optional = Becomes optional
ui-change-text = Description changes
ui-change-none = Unchanged
# Heading of the list of changes since the previous level. $level: the previous level's name.
ui-changes-from = Changes from { $level }
ui-changes-none = Nothing is added, removed, or becomes mandatory or optional; only the descriptions deepen.

## Role page: what changes at the next level.

# Heading. $level: the next level's name.
ui-role-next = What changes at { $level }

## Overview: every skill against every role.

# The page's title, and the link to it from the index.
ui-overview-title = Overview of skills by role
ui-overview-intro = When each role needs each skill, and how many requirements each level holds.
# In a cell of the overview. $level: the first level at which the role needs the skill as mandatory.
ui-matrix-mandatory-from = Mandatory from { $level }
# In a cell of the overview. $level: the first level at which the role lists the skill as optional.
ui-matrix-optional-from = Optional from { $level }
# Heading of the table of requirement counts per level and role.
ui-matrix-totals = Requirements per level

## Search, in the header of every HTML page.

# The label of the search box.
ui-search-label = Search skills and roles
# How many skills and roles were found, as you type. $count: that number (at least 1). Select the
# plural forms your language uses: the page picks the one for the count.
ui-search-results = { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
ui-search-none = Nothing found.
# When the search could not start (its index did not load).
ui-search-error = Search is unavailable.

## Moves between roles: the moves page (moves.html), where a reader picks a move and the page's
## script shows it, and each role's Markdown moves page (moves/<role>.md, rendered with --moves).

# The moves page's title, and the link to it from the index.
ui-moves-page-title = Moves between roles
# Under the moves page's title, and its description.
ui-moves-page-intro = Choose a role and level you hold and one you might move to: the page lists the skills both need and how the expectation changes, the skills to gain, and those left behind. Mandatory skills come first.
# The legend of the two lists that choose a move.
ui-moves-choose = Choose a move
# The label of the list of where a move starts.
ui-moves-from = Current role and level
# The label of the list of where a move ends.
ui-moves-to = Target role and level
# An entry of both lists. $role: a role's name; $level: a level's name.
ui-moves-position = { $role }, { $level }
# Shown when JavaScript is off: the page then shows one move, the first.
ui-moves-no-script = Choosing a move needs JavaScript; without it, this page shows the move below only. Each role's career path lists what the role needs at every level.
# On a role's career path, under each level: the link to the moves page, starting at that level.
# $level: the level's name.
ui-moves-from-level = Moving on from { $level }
# A role's Markdown moves page: its title. $role: the role the moves start from.
ui-moves-title = Moving on from { $role }
# Under the title, and the page's description. $role: the role's name.
ui-moves-intro = From each level of { $role } to each other role, at the same level and one level up: the skills both roles need and how the expectation changes, the skills to gain, and those left behind. Mandatory skills come first.
# The link from a role's career path to the moves page (to its Markdown moves page in Markdown).
ui-moves-link = Moving to another role
# The label of the list of moves at the top of a Markdown moves page.
ui-moves-contents = Moves on this page
# The heading of one move. $from, $to: role names; $from-level, $to-level: level names. On the
# moves page the script fills them in: use them as text, do not select on them.
ui-move-heading = From { $from }, { $from-level } to { $to }, { $to-level }
ui-move-shared = Skills both roles need
ui-move-gain = Skills to gain
ui-move-leave = Skills left behind
ui-move-none = None.
# How many skills each list of a move holds. The moves page's script fills in $count and picks
# the plural form by category (one, few, many, other...): numeric keys such as [0] are not seen.
ui-move-shared-count = { $count ->
        [one] { $count } skill both roles need
       *[other] { $count } skills both roles need
    }
ui-move-gain-count = { $count ->
        [one] { $count } skill to gain
       *[other] { $count } skills to gain
    }
ui-move-leave-count = { $count ->
        [one] { $count } skill left behind
       *[other] { $count } skills left behind
    }
# A move's three counts in one sentence, under its heading. $shared, $gain, $leave: the three
# counts above, written out (texts the script fills in).
ui-move-summary = { $shared }, { $gain }, { $leave }.
# Announced to screen readers when a move is chosen. $move: the move's heading; $summary: the
# sentence above (texts the script fills in).
ui-move-status = { $move }: { $summary }
