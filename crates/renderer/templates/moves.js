// Ladder: the moves page. No framework, no inline code: loaded with <script src defer> after the
// locale's moves-data.js (a script assigning window.ladderMoves, since a file:// page cannot
// fetch JSON), so it runs from file:// and under Content-Security-Policy: default-src 'self'.
//
// Two lists choose where a move starts and where it ends, each a role at a level
// (<role>--<level>). The move is built here from the data, one at a time, into #move, in the
// markup the page renders for its one move without the script: a heading linking to the target's
// career path, the counts, then the skills both need, to gain and left behind, mandatory first,
// each linked to the requirement on its skill page. The choice lives in the URL
// (?from=cloud-engineer--middle&to=platform-engineer--senior), so a shared link restores it, and
// the language links carry it, as on skill pages. Every text comes localized from the data.
(function () {
  'use strict';
  var form = document.getElementById('move-form');
  var data = window.ladderMoves;
  if (!form || !data) { return; }
  var from = form.elements.namedItem('from');
  var to = form.elements.namedItem('to');
  var status = document.getElementById('move-status');
  var text = data.text;
  var root = document.documentElement;
  var positions = {};
  data.roles.forEach(function (role, r) {
    data.levels.forEach(function (level, l) { positions[role[0] + '--' + level[0]] = [r, l]; });
  });

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // A text of the data: "text" in the page's language, or [text, index into data.langs].
  function textOf(entry) { return typeof entry === 'string' ? entry : entry[0]; }

  function mark(element, entry) {
    if (typeof entry === 'string') { return element; }
    var lang = data.langs[entry[1]];
    element.lang = lang[0];
    if (lang[1]) { element.dir = lang[1]; }
    return element;
  }

  function element(name, entry, className) {
    var e = document.createElement(name);
    if (entry) { mark(e, entry).textContent = textOf(entry); }
    if (className) { e.className = className; }
    return e;
  }

  // A pattern's placeholders ({to-level}) filled with entries, as plain text.
  function plain(pattern, values) {
    return textOf(pattern).replace(/\{([a-z-]+)\}/g, function (found, name) {
      return has(values, name) ? textOf(values[name]) : found;
    });
  }

  // The same into `parent`, each value in its own language: a name that fell back to English
  // keeps lang="en" inside a Spanish heading, and a Spanish name inside a heading that fell back
  // gets the page's language back.
  function fill(parent, pattern, values) {
    mark(parent, pattern);
    textOf(pattern).split(/(\{[a-z-]+\})/).forEach(function (piece) {
      var name = /^\{([a-z-]+)\}$/.exec(piece);
      if (!name || !has(values, name[1])) {
        if (piece) { parent.appendChild(document.createTextNode(piece)); }
        return;
      }
      var value = values[name[1]];
      if (typeof value !== 'string') {
        parent.appendChild(element('span', value));
      } else if (typeof pattern !== 'string') {
        var span = element('span', value);
        span.lang = root.lang;
        span.dir = root.dir;
        parent.appendChild(span);
      } else {
        parent.appendChild(document.createTextNode(value));
      }
    });
    return parent;
  }

  // "3 skills to gain": the plural form the count's rules pick (as Fluent would have).
  function count(key, n) {
    var counts = text.counts[key];
    var category = 'other';
    try { category = new Intl.PluralRules(counts.rules).select(n); } catch (e) { /* keep other */ }
    var forms = counts.forms;
    var form = forms[category] || forms.other || forms[Object.keys(forms)[0]];
    var filled = textOf(form).split('{count}').join(String(n));
    return typeof form === 'string' ? filled : [filled, form[1]];
  }

  // Per skill: 0 not needed, 1 optional, 2 mandatory, for a role at a level. The data lists the
  // mandatory, then the optional skills, each index as the number skipped since the previous one.
  function needs(position) {
    var found = new Uint8Array(data.skills.length);
    data.needs[position[0]][position[1]].forEach(function (gaps, list) {
      var skill = -1;
      gaps.forEach(function (gap) {
        skill += gap + 1;
        found[skill] = list === 0 ? 2 : 1;
      });
    });
    return found;
  }

  function necessity(level, className) {
    var entry = level === 2 ? text.mandatory : text.optional;
    return element('span', entry, className);
  }

  function item(skill, anchor, now, then) {
    var li = element('li');
    var link = element('a', data.skills[skill][1]);
    link.href = 'skills/' + data.skills[skill][0] + '.html#' + anchor;
    li.appendChild(link);
    li.appendChild(document.createTextNode(': '));
    if (now) { li.appendChild(necessity(now)); }
    if (now && then) {
      li.appendChild(document.createTextNode(' '));
      li.appendChild(element('span', '→', 'arrow'));
      li.appendChild(document.createTextNode(' '));
    }
    if (then) { li.appendChild(necessity(then, now && now !== then ? 'changed' : '')); }
    return li;
  }

  function anchor(position) {
    return data.roles[position[0]][0] + '--' + data.levels[position[1]][0];
  }

  // The move from a to b (each [role index, level index]) as a section, and what to announce.
  function build(a, b) {
    var now = needs(a);
    var then = needs(b);
    // Each list: mandatory first, then optional, each in catalog order.
    var lists = { shared: [[], []], gain: [[], []], leave: [[], []] };
    for (var skill = 0; skill < data.skills.length; skill += 1) {
      if (now[skill] && then[skill]) {
        lists.shared[then[skill] === 2 ? 0 : 1].push(skill);
      } else if (then[skill]) {
        lists.gain[then[skill] === 2 ? 0 : 1].push(skill);
      } else if (now[skill]) {
        lists.leave[now[skill] === 2 ? 0 : 1].push(skill);
      }
    }
    var section = element('section', null, 'move');
    section.id = 'move';
    section.setAttribute('aria-labelledby', 'move-heading');
    var names = {
      from: data.roles[a[0]][1], 'from-level': data.levels[a[1]][1],
      to: data.roles[b[0]][1], 'to-level': data.levels[b[1]][1]
    };
    var heading = element('h2');
    heading.id = 'move-heading';
    var target = element('a');
    target.href = 'roles/' + data.roles[b[0]][0] + '.html#level-' + data.levels[b[1]][0];
    heading.appendChild(fill(target, text.heading, names));
    section.appendChild(heading);
    var counts = {
      shared: count('shared', lists.shared[0].length + lists.shared[1].length),
      gain: count('gain', lists.gain[0].length + lists.gain[1].length),
      leave: count('leave', lists.leave[0].length + lists.leave[1].length)
    };
    section.appendChild(fill(element('p', null, 'move-summary'), text.summary, counts));
    ['shared', 'gain', 'leave'].forEach(function (kind) {
      var h3 = element('h3', text[kind]);
      h3.id = 'move-' + kind;
      section.appendChild(h3);
      var skills = lists[kind][0].concat(lists[kind][1]);
      if (!skills.length) {
        section.appendChild(element('p', text.none, 'empty move-' + kind));
        return;
      }
      var list = element('ul', null, 'move-list move-' + kind);
      skills.forEach(function (s) {
        if (kind === 'shared') { list.appendChild(item(s, anchor(b), now[s], then[s])); }
        if (kind === 'gain') { list.appendChild(item(s, anchor(b), 0, then[s])); }
        if (kind === 'leave') { list.appendChild(item(s, anchor(a), now[s], 0)); }
      });
      section.appendChild(list);
    });
    var summary = plain(text.summary, counts);
    return { section: section, status: plain(text.status, { move: plain(text.heading, names), summary: summary }) };
  }

  // Where a move goes when the address names only where it starts: the next level of the same
  // role, or at the last level the same level of the next role.
  function next(position) {
    if (position[1] + 1 < data.levels.length) { return [position[0], position[1] + 1]; }
    if (data.roles.length > 1) { return [(position[0] + 1) % data.roles.length, position[1]]; }
    return position;
  }

  function key(position) {
    return data.roles[position[0]][0] + '--' + data.levels[position[1]][0];
  }

  function show(announce) {
    var a = positions[from.value];
    var b = positions[to.value];
    if (!a || !b) { return; }
    var built = build(a, b);
    var old = document.getElementById('move');
    if (old) {
      old.parentNode.replaceChild(built.section, old);
    } else {
      form.parentNode.appendChild(built.section);
    }
    if (announce) { status.textContent = built.status; }
    updateLinks();
  }

  // The address and the language links carry the choice.
  function updateLinks() {
    var params = new URLSearchParams(window.location.search);
    params.set('from', from.value);
    params.set('to', to.value);
    var search = '?' + params.toString();
    if (search !== window.location.search) {
      try {
        window.history.replaceState(null, '', window.location.pathname + search + window.location.hash);
      } catch (e) {
        // Some file:// pages refuse history changes; the page still works.
      }
    }
    document.querySelectorAll('.languages a[href]').forEach(function (link) {
      if (!link.dataset.base) { link.dataset.base = link.getAttribute('href').split(/[?#]/)[0]; }
      link.setAttribute('href', link.dataset.base + search);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var start = positions[params.get('from')];
  var end = positions[params.get('to')];
  if (start) {
    from.value = key(start);
    to.value = key(end || next(start));
  } else if (end) {
    to.value = key(end);
  }
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  from.addEventListener('change', function () { show(true); });
  to.addEventListener('change', function () { show(true); });
  show(false);
}());
