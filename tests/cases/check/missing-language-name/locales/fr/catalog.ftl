level-junior = Junior
level-senior = Senior
