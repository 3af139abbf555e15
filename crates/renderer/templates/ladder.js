// Ladder: compare two levels on a skill page. No framework, no inline code: loaded with
// <script src defer> so it runs under Content-Security-Policy: default-src 'self'.
//
// The page lists every level in order (all that shows without this script). With a current and
// a target level chosen, the level sections hide and #compare shows both side by side, role by
// role, marking what changes. The choice lives in the URL (?from=middle&to=senior), so a shared
// link restores it, and the language links carry it to the same page in another language.
(function () {
  'use strict';
  var form = document.getElementById('compare-form');
  if (!form) { return; }
  var from = form.elements.namedItem('from');
  var to = form.elements.namedItem('to');
  var status = document.getElementById('compare-status');
  var compare = document.getElementById('compare');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.level[data-level]'));
  var label = form.dataset;

  function section(level) {
    return sections.filter(function (s) { return s.dataset.level === level; })[0];
  }

  function levelName(select, level) {
    var option = Array.prototype.filter.call(select.options, function (o) { return o.value === level; })[0];
    return option ? option.textContent : level;
  }

  // The rows of a level, by role id, in page order.
  function rows(level) {
    var found = new Map();
    var s = section(level);
    if (!s) { return found; }
    s.querySelectorAll('tbody tr[data-key]').forEach(function (tr) {
      found.set(tr.dataset.key, {
        subject: tr.cells[0],
        mandatory: tr.cells[1].classList.contains('mandatory'),
        description: tr.cells[2]
      });
    });
    return found;
  }

  function element(name, text, className) {
    var e = document.createElement(name);
    if (text) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  // A cell showing one level's requirement: necessity, then the description (with its lang).
  function requirementCell(row, levelLabel) {
    var td = element('td');
    td.dataset.label = levelLabel;
    if (!row) {
      td.appendChild(element('span', label.absent, 'absent'));
      return td;
    }
    td.appendChild(element('span', row.mandatory ? label.mandatory : label.optional, 'necessity'));
    var description = element('span');
    if (row.description.lang) { description.lang = row.description.lang; }
    if (row.description.dir) { description.dir = row.description.dir; }
    description.textContent = row.description.textContent;
    td.appendChild(description);
    return td;
  }

  function changesOf(before, after) {
    if (!before && !after) { return []; }
    if (!before) { return [['added', label.added]]; }
    if (!after) { return [['removed', label.removed]]; }
    var found = [];
    if (!before.mandatory && after.mandatory) { found.push(['mandatory', label.becameMandatory]); }
    if (before.mandatory && !after.mandatory) { found.push(['optional', label.becameOptional]); }
    if (before.description.textContent.trim() !== after.description.textContent.trim()) {
      found.push(['text', label.text]);
    }
    return found;
  }

  function buildComparison(a, b) {
    var before = rows(a);
    var after = rows(b);
    var keys = [];
    sections.forEach(function (s) {
      s.querySelectorAll('tbody tr[data-key]').forEach(function (tr) {
        var key = tr.dataset.key;
        if ((before.has(key) || after.has(key)) && keys.indexOf(key) < 0) { keys.push(key); }
      });
    });
    var nameA = levelName(from, a);
    var nameB = levelName(to, b);
    var table = element('table', null, 'comparison');
    var caption = element('caption', label.heading + ': ' + nameA + ' → ' + nameB);
    table.appendChild(caption);
    var colgroup = element('colgroup');
    ['subject', 'level', 'level', 'change'].forEach(function (c) { colgroup.appendChild(element('col', null, c)); });
    table.appendChild(colgroup);
    var head = element('thead');
    var headRow = element('tr');
    [label.subject, nameA, nameB, label.change].forEach(function (text) {
      var th = element('th', text);
      th.scope = 'col';
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = element('tbody');
    keys.forEach(function (key) {
      var x = before.get(key);
      var y = after.get(key);
      var tr = element('tr');
      tr.dataset.key = key;
      var th = element('th');
      th.scope = 'row';
      th.appendChild((y || x).subject.firstElementChild.cloneNode(true));
      tr.appendChild(th);
      tr.appendChild(requirementCell(x, nameA));
      tr.appendChild(requirementCell(y, nameB));
      var changes = changesOf(x, y);
      var td = element('td');
      td.dataset.label = label.change;
      if (changes.length) {
        // Highlighted when more than the description changes.
        if (changes.some(function (change) { return change[0] !== 'text'; })) { tr.className = 'changed'; }
        var list = element('ul');
        changes.forEach(function (change) { list.appendChild(element('li', change[1], 'change-' + change[0])); });
        td.appendChild(list);
      } else {
        td.textContent = label.none;
      }
      tr.appendChild(td);
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  function valid(level) {
    return level && section(level) ? level : '';
  }

  // Shows what the two lists say, and tells screen readers.
  function show(announce) {
    var a = valid(from.value);
    var b = valid(to.value);
    var old = compare.querySelector('table');
    if (old) { old.remove(); }
    var message;
    if (a && b && a !== b) {
      compare.appendChild(buildComparison(a, b));
      compare.hidden = false;
      sections.forEach(function (s) { s.hidden = true; });
      message = label.heading + ': ' + levelName(from, a) + ' → ' + levelName(to, b);
    } else {
      compare.hidden = true;
      var only = a || b;
      sections.forEach(function (s) { s.hidden = Boolean(only) && s.dataset.level !== only; });
      message = only ? levelName(from, only) : from.options[0].textContent;
    }
    if (announce) { status.textContent = message; }
    updateLinks(a, b);
  }

  // The address and the language links carry the choice.
  function updateLinks(a, b) {
    var params = new URLSearchParams(window.location.search);
    params.delete('from');
    params.delete('to');
    if (a) { params.set('from', a); }
    if (b) { params.set('to', b); }
    var query = params.toString();
    var search = query ? '?' + query : '';
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
  from.value = valid(params.get('from'));
  to.value = valid(params.get('to'));
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  from.addEventListener('change', function () { show(true); });
  to.addEventListener('change', function () { show(true); });
  show(false);
}());
