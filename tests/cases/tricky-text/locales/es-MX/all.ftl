language-name = Español (México)
level-junior = Júnior
role-ops = Operaciones & "SRE"
skill-html-and-markdown--dev--junior = Traducido | con barra.
