language-name = English
level-junior = Junior
level-senior = Senior
role-dev = Dev | Ops <hybrid>
role-ops = Ops & "SRE"
domain-web = Web & Markup
group-markup = Tables | Pipes
skill-html-and-markdown = HTML *and* Markdown
    .summary = <script>alert("x")</script>, `code`, [links](http://example.com), &amp;
skill-html-and-markdown--dev--junior =
    # Starts like a heading.
    Second line | with a pipe.
skill-html-and-markdown--dev--senior = 1. Looks like a list item; _emphasis_ and \backslash.
skill-html-and-markdown--ops--senior = - Looks like a bullet.
