// Ladder: search skills and roles from the header of every page. No framework, no inline code:
// loaded with <script src defer>, so it runs under Content-Security-Policy: default-src 'self'.
//
// The form says where things are (data-engine, data-index, data-root: relative to the page, so
// it works from file:// and under any sub-path). On first use it loads elasticlunr.min.js and the
// locale's search-index.js (a script assigning window.ladderSearchIndex, since file:// pages
// cannot fetch JSON), then searches as you type. Text is folded as the index was built (Unicode
// NFD, combining marks removed, lower case): "funcion" finds "función".
//
// The result count is a Fluent plural message, formatted when the page was rendered once per plural
// category of its language (data-results-one, data-results-few, ..., data-results-other, the
// number written {count}); the script asks Intl.PluralRules of that language (data-results-plural)
// which category a count takes and puts the number in. No translated pieces are joined here.
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form) { return; }
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var data = form.dataset;
  var LIMIT = 20;
  var state = 'idle';
  var index = null;
  var docs = [];
  var pending = false;

  // "5 results", in the plural form the language uses for the count.
  function counted(count) {
    var category = 'other';
    try {
      category = new Intl.PluralRules(data.resultsPlural).select(count);
    } catch (error) {
      // Without Intl (or with a tag it rejects), the `other` form.
    }
    var key = 'results' + category.charAt(0).toUpperCase() + category.slice(1);
    // A form for every category whole numbers select: Russian has no `other` for them.
    var text = data[key] !== undefined ? data[key] : data.resultsOther !== undefined ? data.resultsOther : data.resultsMany;
    return text.replace('{count}', String(count));
  }

  function fold(text) {
    return String(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  function load(src, done, failed) {
    var script = document.createElement('script');
    script.src = src;
    script.onload = done;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  function failed() {
    state = 'failed';
    status.textContent = data.error;
  }

  function ready() {
    var loaded = window.ladderSearchIndex;
    if (!window.elasticlunr || !loaded) { failed(); return; }
    var engine = window.elasticlunr;
    // The index was built with this pipeline (crates/renderer/src/search.rs): words are runs of
    // letters and digits, folded; no stemmer and no stop words, in every language.
    engine.Pipeline.registerFunction(function (token) { return fold(token) || undefined; }, 'ladder-fold');
    engine.tokenizer.setSeperator(/[^\p{L}\p{N}]+/u);
    index = engine.Index.load(loaded.index);
    docs = loaded.docs;
    state = 'ready';
    if (pending) { search(); }
  }

  function start() {
    if (state !== 'idle') { return; }
    state = 'loading';
    load(data.engine, function () { load(data.index, ready, failed); }, failed);
  }

  function clear() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
  }

  // Results for the query: name and kind, then the summary, each a link to its page.
  function search() {
    var query = fold(input.value).trim();
    clear();
    if (!query) { status.textContent = ''; return; }
    if (state !== 'ready') { pending = true; start(); return; }
    pending = false;
    var found = index.search(query, {
      fields: { title: { boost: 3 }, summary: { boost: 2 }, body: { boost: 1 } },
      bool: 'OR',
      expand: true
    });
    status.textContent = found.length ? counted(found.length) : data.none;
    found.slice(0, LIMIT).forEach(function (result) {
      var doc = docs[Number(result.ref)];
      if (!doc) { return; }
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = data.root + doc.path;
      a.textContent = doc.name;
      li.appendChild(a);
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = ' · ' + (doc.kind === 'role' ? data.role : data.skill);
      li.appendChild(kind);
      if (doc.summary) {
        var summary = document.createElement('span');
        summary.className = 'search-summary';
        summary.textContent = doc.summary;
        li.appendChild(summary);
      }
      list.appendChild(li);
    });
  }

  form.hidden = false;
  input.addEventListener('focus', start);
  input.addEventListener('input', search);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search();
    var first = list.querySelector('a');
    if (first) { first.focus(); }
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { input.value = ''; search(); }
  });
  if (input.value) { search(); }
}());
