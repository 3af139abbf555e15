language-name = Русский

ui-skill-roles = { $count ->
        [one] Роль
       *[other] Роли
    }
