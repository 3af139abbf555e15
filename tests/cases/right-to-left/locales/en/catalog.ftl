language-name = English
level-junior = Junior
role-developer = Developer
domain-engineering = Engineering
group-testing = Testing
skill-unit-testing = Unit Testing
    .summary = Test doubles, fixtures, coverage
skill-unit-testing--developer--junior = Writes unit tests for the code they change.
