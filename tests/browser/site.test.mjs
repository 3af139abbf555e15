// The rendered site as a reader meets it: served over HTTP under a sub-path with a strict
// Content-Security-Policy, driven in Chromium (playwright-core, the Debian chromium binary),
// checked with axe-core in light and dark, at phone width and in print; plus the Markdown
// (markdownlint) and every link and anchor of the output, offline.
//
// Sites: LADDER_DIST (default target/ci-dist), LADDER_RTL (default target/ci-case/right-to-left),
// LADDER_TRICKY (target/ci-case/tricky-text), LADDER_PSEUDO (target/ci-case/pseudolocales)
// and LADDER_SEARCH (default target/ci-case/search: Spanish content with accents), rendered by
// .ci/run. Screenshots go to target/browser-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname, extname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DIST = resolve(root, process.env.LADDER_DIST || 'target/ci-dist');
const RTL = resolve(root, process.env.LADDER_RTL || 'target/ci-case/right-to-left');
const SEARCH = resolve(root, process.env.LADDER_SEARCH || 'target/ci-case/search');
const TRICKY = resolve(root, process.env.LADDER_TRICKY || 'target/ci-case/tricky-text');
const PSEUDO = resolve(root, process.env.LADDER_PSEUDO || 'target/ci-case/pseudolocales');
const ARTIFACTS = resolve(root, 'target/browser-artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CSP = "default-src 'self'";
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.md': 'text/markdown; charset=utf-8', '.txt': 'text/plain', '.xml': 'application/xml' };

// Serves /site/… from DIST, /rtl/… from RTL and /search/… from SEARCH, 404.html for a missing
// file, with the CSP.
function serve() {
  const mounts = { site: DIST, rtl: RTL, search: SEARCH, tricky: TRICKY, pseudo: PSEUDO };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const [, mount, ...rest] = path.split('/');
    const base = mounts[mount];
    let file = base && resolve(base, rest.join('/') || 'index.html');
    const headers = { 'Content-Security-Policy': CSP };
    if (file && file.startsWith(base) && existsSync(file) && (await stat(file)).isFile()) {
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
      response.end(await readFile(file));
    } else {
      response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      response.end(base ? await readFile(join(base, '404.html')) : 'not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

let server, browser, origin;
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve();
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
});

// A page that fails the test on any script error or CSP violation.
async function open(url, { width = 1280, colorScheme = 'light', javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') { problems.push(message.text()); } });
  await page.goto(url.startsWith('file:') ? url : origin + url);
  return { page, problems, close: () => context.close() };
}

const SKILL = '/site/en/skills/serverless-functions.html';
const visibleLevels = (page) => page.$$eval('section.level', (s) => s.filter((x) => x.offsetParent !== null).map((x) => x.dataset.level));

test('choosing two levels compares them side by side, marks changes and updates the URL', async () => {
  const { page, problems, close } = await open(SKILL);
  assert.equal(await page.isVisible('#compare-form'), true);
  assert.deepEqual(await visibleLevels(page), ['junior', 'middle', 'senior', 'lead', 'principal']);
  await page.selectOption('#compare-from', 'middle');
  await page.selectOption('#compare-to', 'senior');
  assert.equal(await page.isVisible('#compare table'), true);
  assert.deepEqual(await visibleLevels(page), []);
  assert.match(page.url(), /\?from=middle&to=senior$/);
  const rows = await page.$$eval('#compare tbody tr', (trs) => trs.map((tr) => [tr.dataset.key, tr.cells[3].textContent]));
  assert.equal(rows.length, 4);
  const mandatory = rows.filter(([, change]) => change.includes('Becomes mandatory')).map(([key]) => key);
  assert.deepEqual(mandatory, ['ai-product-engineer', 'infrastructure-engineer']);
  assert.match(await page.textContent('#compare-status'), /Middle → Senior/);
  // The language links carry the choice.
  assert.match(await page.getAttribute('.languages a[hreflang="es"]', 'href'), /serverless-functions\.html\?from=middle&to=senior$/);
  // One level alone shows that level only.
  await page.selectOption('#compare-to', '');
  assert.deepEqual(await visibleLevels(page), ['middle']);
  assert.match(page.url(), /\?from=middle$/);
  assert.deepEqual(problems, []);
  await close();
});

test('a shared URL restores the choice, and the language switcher keeps it on the same page', async () => {
  const { page, problems, close } = await open(`${SKILL}?from=junior&to=principal`);
  assert.equal(await page.inputValue('#compare-from'), 'junior');
  assert.equal(await page.inputValue('#compare-to'), 'principal');
  assert.equal(await page.isVisible('#compare table'), true);
  await page.click('.languages a[hreflang="es"]');
  await page.waitForLoadState();
  assert.equal(new URL(page.url()).pathname, '/site/es/skills/serverless-functions.html');
  assert.equal(new URL(page.url()).search, '?from=junior&to=principal');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.isVisible('#compare table'), true);
  assert.match(await page.textContent('#compare caption'), /Junior → Principal/);
  await page.screenshot({ path: join(ARTIFACTS, 'skill-es-compare-1280.png'), fullPage: true });
  // An unknown level in the URL is ignored.
  await page.goto(`${origin}/site/es/skills/serverless-functions.html?from=nope&to=lead`);
  assert.deepEqual(await visibleLevels(page), ['lead']);
  assert.deepEqual(problems, []);
  await close();
});

test('keyboard: the level lists are labelled and reachable, and the skip link moves focus to the content', async () => {
  const { page, close } = await open(SKILL);
  assert.equal(await page.$eval('#compare-from', (e) => e.labels[0].textContent), 'Current level');
  assert.equal(await page.$eval('#compare-to', (e) => e.labels[0].textContent), 'Target level');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.focus('#compare-from');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#compare-from'), 'middle');
  await close();
});

test('without JavaScript every level shows in order and the form stays hidden', async () => {
  const { page, close } = await open(SKILL, { javaScriptEnabled: false });
  assert.equal(await page.isVisible('#compare-form'), false);
  assert.deepEqual(await visibleLevels(page), ['junior', 'middle', 'senior', 'lead', 'principal']);
  await close();
});

test('print shows every level, whatever is selected, and no navigation or form', async () => {
  const { page, close } = await open(`${SKILL}?from=middle&to=senior`);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await visibleLevels(page), ['junior', 'middle', 'senior', 'lead', 'principal']);
  for (const selector of ['.site-header', '.breadcrumb', '#compare-form', '#compare']) {
    assert.equal(await page.isVisible(selector), false, selector);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'skill-en-print.png'), fullPage: true });
  await page.pdf({ path: join(ARTIFACTS, 'skill-en.pdf'), format: 'A4' });
  await close();
});

const PAGE_TYPES = (lang) => [
  `${lang}/index.html`, `${lang}/skills/serverless-functions.html`, `${lang}/roles/cloud-engineer.html`,
  `${lang}/overview.html`, `${lang}/moves.html`, `${lang}/moves.html?from=cloud-engineer--middle&to=platform-engineer--senior`,
];
const RTL_PAGES = ['ar/index.html', 'ar/skills/unit-testing.html', 'ar/overview.html', 'ar/translation-status.html'];
async function rtlRole() {
  const roles = await readdir(join(RTL, 'ar/roles'));
  return `ar/roles/${roles.find((f) => f.endsWith('.html'))}`;
}
async function allPages() {
  return [
    '/site/index.html', '/site/404.html', '/site/es/translation-status.html',
    ...PAGE_TYPES('en').map((p) => `/site/${p}`), ...PAGE_TYPES('es').map((p) => `/site/${p}`),
    ...PAGE_TYPES('ru').map((p) => `/site/${p}`),
    ...RTL_PAGES.map((p) => `/rtl/${p}`), `/rtl/${await rtlRole()}`, '/rtl/ar/moves.html',
    '/search/es/moves.html?from=cloud-engineer--middle&to=platform-engineer--senior',
    // The other cases: markup-like and very long text, a regional locale, and the pseudolocales
    // (40 % longer, and mirrored right to left).
    ...['en', 'es-MX'].flatMap((lang) => [`${lang}/index.html`, `${lang}/skills/html-and-markdown.html`,
      `${lang}/roles/dev.html`, `${lang}/overview.html`, `${lang}/moves.html?from=dev--junior&to=ops--senior`]).map((p) => `/tricky/${p}`),
    '/tricky/es-MX/translation-status.html',
    ...['en-XA', 'ar-XB'].flatMap((lang) => [`${lang}/index.html`, `${lang}/skills/serverless-functions.html`,
      `${lang}/roles/cloud-engineer.html`, `${lang}/overview.html`, `${lang}/moves.html`,
      `${lang}/moves.html?from=cloud-engineer--middle&to=ai-product-engineer--senior`]).map((p) => `/pseudo/${p}`),
  ];
}

test('nothing overflows at 375 px: the page never scrolls sideways', async () => {
  for (const url of await allPages()) {
    for (const query of url.includes('/skills/') ? ['', '?from=junior&to=senior'] : ['']) {
      const { page, close } = await open(url + query, { width: 375 });
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= inner, `${url}${query}: ${scroll} px wide in a ${inner} px window`);
      if (url === SKILL) {
        await page.screenshot({ path: join(ARTIFACTS, `skill-en-375${query ? '-compare' : ''}.png`), fullPage: true });
      }
      await close();
    }
  }
});

test('screenshots at 1280 and 375 px, light and dark, of every page type', async () => {
  const shots = [[SKILL, 'skill-en'], ['/site/en/roles/cloud-engineer.html', 'role-en'], ['/site/en/overview.html', 'overview-en'],
    ['/site/index.html', 'chooser'], ['/rtl/ar/skills/unit-testing.html', 'skill-ar'],
    ['/site/en/moves.html?from=cloud-engineer--middle&to=platform-engineer--senior', 'moves-en']];
  for (const [url, name] of shots) {
    for (const width of [1280, 375]) {
      for (const colorScheme of ['light', 'dark']) {
        const { page, close } = await open(url, { width, colorScheme });
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}-${colorScheme}.png`), fullPage: true });
        await close();
      }
    }
  }
});

test('axe-core finds no violation on any page type, light and dark, ltr and rtl', async () => {
  const found = [];
  for (const url of await allPages()) {
    for (const colorScheme of ['light', 'dark']) {
      for (const query of url.includes('/skills/') ? ['', '?from=middle&to=senior'] : ['']) {
        const { page, close } = await open(url + query, { colorScheme });
        // axe is added as an evaluated script (not a <script> tag), which the CSP allows.
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
        found.push(...violations.map((v) => `${url}${query} [${colorScheme}] ${v}`));
        await close();
      }
    }
  }
  assert.deepEqual(found, []);
});

test('the right-to-left page mirrors: the skip link covers nothing, fallback text keeps its direction', async () => {
  const { page, close } = await open('/rtl/ar/skills/unit-testing.html', { width: 375 });
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.keyboard.press('Tab');
  const skip = await page.$eval('.skip-link', (e) => e.getBoundingClientRect().toJSON());
  const languages = await page.$eval('.languages', (e) => e.getBoundingClientRect().toJSON());
  const overlap = !(skip.bottom <= languages.top || languages.bottom <= skip.top || skip.right <= languages.left || languages.right <= skip.left);
  assert.equal(overlap, false, 'the focused skip link covers the language links');
  const misaligned = await page.$$eval('[dir="ltr"]', (elements) => elements
    .filter((e) => getComputedStyle(e).display === 'block' && getComputedStyle(e).textAlign !== 'start' && getComputedStyle(e).textAlign !== 'left')
    .map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(misaligned, []);
  await close();
});

// Offline: every href and src of the HTML and every link of the Markdown resolves to a file of
// the output, and every #fragment of an HTML link to an id of its target.
function files(dir) {
  return readdirSyncRecursive(dir);
}
function readdirSyncRecursive(dir) {
  const out = [];
  for (const entry of require('node:fs').readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { out.push(...readdirSyncRecursive(path)); } else { out.push(path); }
  }
  return out;
}
const ids = new Map();
function idsOf(file) {
  if (!ids.has(file)) {
    const text = readFileSync(file, 'utf8');
    ids.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return ids.get(file);
}

test('no broken link or anchor in the output', () => {
  const broken = [];
  for (const dir of [DIST, RTL, SEARCH]) {
    for (const file of files(dir)) {
      const ext = extname(file);
      if (ext !== '.html' && ext !== '.md') { continue; }
      const text = readFileSync(file, 'utf8');
      const links = ext === '.html'
        ? [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))
        : [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
      for (const link of links) {
        if (/^[a-z]+:/i.test(link)) { continue; }
        const [path, fragment] = link.split('#');
        const target = path ? resolve(dirname(file), path.split('?')[0]) : file;
        if (path.endsWith('/') || !existsSync(target)) {
          broken.push(`${relative(root, file)}: ${link}`);
        } else if (fragment && extname(target) === '.html' && !idsOf(target).has(fragment)) {
          broken.push(`${relative(root, file)}: ${link} (no id "${fragment}")`);
        }
      }
    }
  }
  assert.deepEqual(broken, []);
});

test('markdownlint finds nothing in the Markdown pages', () => {
  const cli = join(here, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const globs = [DIST, RTL, SEARCH].map((dir) => `${relative(root, dir).split(sep).join('/')}/**/*.md`);
  try {
    execFileSync(process.execPath, [cli, '--config', join(root, '.markdownlint-cli2.yaml'), ...globs], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    assert.fail(String(error.stdout) + String(error.stderr));
  }
});

test('every Markdown table row has exactly its header\'s number of cells', () => {
  const bad = [];
  for (const dir of [DIST, RTL, SEARCH]) {
    for (const file of files(dir).filter((f) => f.endsWith('.md'))) {
      let columns = 0;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.startsWith('|')) { columns = 0; continue; }
        const cells = line.replace(/\\\|/g, '').slice(1, -1).split('|').length;
        if (columns === 0) { columns = cells; } else if (cells !== columns) { bad.push(`${relative(root, file)}: ${line.slice(0, 60)}`); }
      }
    }
  }
  assert.deepEqual(bad, []);
});

// Search: typed into the header of any page, folded like the index (accents and case ignored).
async function searchFor(page, text, label = 'Buscar habilidades y roles') {
  const input = page.getByLabel(label);
  await input.fill(text);
  await page.waitForFunction(() => document.getElementById('search-status').textContent !== '');
  return {
    status: await page.textContent('#search-status'),
    results: await page.$$eval('#search-results a', (links) => links.map((a) => [a.textContent, a.href])),
  };
}

test('search: funcion finds "Funciones sin servidor" on the Spanish site, served under a sub-path with the CSP', async () => {
  for (const url of ['/search/es/index.html', '/search/es/skills/cost-reports.html', '/search/es/moves.html']) {
    const { page, problems, close } = await open(url);
    for (const query of ['funcion', 'FUNCIÓN', 'función']) {
      const { status, results } = await searchFor(page, query);
      assert.equal(status, 'Resultados: 1', `${url} ${query}`);
      assert.equal(results[0][0], 'Funciones sin servidor');
      assert.equal(new URL(results[0][1]).pathname, '/search/es/skills/serverless-functions.html');
    }
    // Roles are found by name; nothing found says so.
    assert.deepEqual((await searchFor(page, 'plataforma')).results.map(([name]) => name), ['Ingeniero de plataforma']);
    assert.equal((await searchFor(page, 'zzzz')).status, 'No se encontró nada.');
    // Keyboard: Enter moves to the first result, which is a link.
    await searchFor(page, 'costes');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Informes de costes');
    assert.deepEqual(problems, []);
    await close();
  }
});

test('search works from file://, with no server', async () => {
  for (const path of ['es/index.html', 'es/roles/cloud-engineer.html']) {
    const { page, problems, close } = await open(pathToFileURL(join(SEARCH, path)).href);
    const { status, results } = await searchFor(page, 'funcion');
    assert.equal(status, 'Resultados: 1');
    assert.equal(results[0][1], pathToFileURL(join(SEARCH, 'es/skills/serverless-functions.html')).href);
    await page.click('#search-results a');
    await page.waitForURL(/serverless-functions\.html$/);
    assert.deepEqual(problems, []);
    await close();
  }
});

test('search from the language chooser and from 404.html: the main language\'s (English) index', async () => {
  for (const url of ['/site/index.html', '/search/index.html']) {
    const { page, problems, close } = await open(url);
    assert.equal(await page.getAttribute('#search', 'lang'), 'en');
    const { status, results } = await searchFor(page, 'serverless', 'Search skills and roles');
    // The search case's English still has a count message without plural forms.
    assert.match(status, url.startsWith('/site/') ? /^\d+ results?$/ : /^Results: \d+$/);
    assert.equal(results[0][0].toLowerCase(), 'serverless functions');
    assert.match(new URL(results[0][1]).pathname, /\/en\/skills\/serverless-functions\.html$/);
    assert.deepEqual(problems, []);
    await close();
  }
  // A missing page gets 404.html, whose links start at the top of the site (the search case is
  // rendered without --base-url, so they are relative: the server shows it at the top level).
  const { page, problems, close } = await open('/search/no-such-page.html');
  assert.equal(await page.textContent('h1'), 'Page not found');
  const { status, results } = await searchFor(page, 'cost', 'Search skills and roles');
  assert.equal(status, 'Results: 1');
  assert.equal(new URL(results[0][1]).pathname, '/search/en/skills/cost-reports.html');
  await page.click('#search-results a');
  await page.waitForURL(/cost-reports\.html$/);
  // The one error is the missing page's own status.
  assert.deepEqual(problems, ['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  await close();
});

// An index of `count` documents all matching "alpha", built in the page with the engine
// search.js has just loaded: the count message of a real locale for any number of results.
function fakeIndex(count) {
  return `(function () {
    var index = window.elasticlunr(function () {
      this.addField('title'); this.addField('summary'); this.addField('body'); this.setRef('id');
    });
    var docs = [];
    for (var i = 0; i < ${count}; i++) {
      index.addDoc({ id: String(i), title: 'alpha ' + i, summary: '', body: '' });
      docs.push({ name: 'Alpha ' + i, summary: '', path: 'index.html', kind: 'skill' });
    }
    window.ladderSearchIndex = { index: index.toJSON(), docs: docs };
  }());`;
}

test('the result count takes the plural form of the language: Russian 1, 2, 5, 21', async () => {
  const expected = { 1: 'Найден 1 результат', 2: 'Найдено 2 результата', 5: 'Найдено 5 результатов', 21: 'Найден 21 результат' };
  for (const [count, text] of Object.entries(expected)) {
    const { page, problems, close } = await open('/site/ru/index.html');
    await page.route('**/ru/search-index.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'Content-Security-Policy': CSP }, body: fakeIndex(Number(count)) }));
    const { status, results } = await searchFor(page, 'alpha', 'Поиск по навыкам и ролям');
    assert.equal(status, text);
    assert.equal(results.length, Math.min(Number(count), 20));
    assert.deepEqual(problems, []);
    await close();
  }
  // English and Spanish: one and other.
  for (const [url, label, one, many] of [
    ['/site/en/index.html', 'Search skills and roles', '1 result', '21 results'],
    ['/site/es/index.html', 'Buscar habilidades y roles', '1 resultado', '21 resultados'],
  ]) {
    for (const [count, text] of [[1, one], [21, many]]) {
      const { page, problems, close } = await open(url);
      await page.route('**/search-index.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeIndex(count) }));
      assert.equal((await searchFor(page, 'alpha', label)).status, text);
      assert.deepEqual(problems, []);
      await close();
    }
  }
});

// Moves: one page per locale; moves.js builds the chosen move from the locale's moves-data.js.
const MOVES = '/search/es/moves.html';
const moveLists = (page) => page.$$eval('#move ul, #move p.empty', (lists) => lists.map((list) =>
  [list.classList.contains('move-shared') ? 'shared' : list.classList.contains('move-gain') ? 'gain' : 'leave',
    list.tagName === 'UL' ? [...list.querySelectorAll('li')].map((li) => li.textContent) : []]));

test('moves: a role page links to the moves page starting at its level; choosing a move shows its skills and announces it', async () => {
  const { page, problems, close } = await open('/search/es/roles/cloud-engineer.html');
  await page.click('text=Cambios desde Intermedio');
  await page.waitForURL(/moves\.html\?/);
  assert.equal(await page.isVisible('#move-form'), true);
  assert.equal(await page.inputValue('#move-from'), 'cloud-engineer--middle');
  // Only where it starts was given: it goes one level up, in the same role.
  assert.equal(await page.inputValue('#move-to'), 'cloud-engineer--senior');
  assert.equal(new URL(page.url()).search, '?from=cloud-engineer--middle&to=cloud-engineer--senior');
  await page.selectOption('#move-to', 'platform-engineer--senior');
  assert.equal(await page.textContent('#move h2'), 'De Ingeniero de nube, Intermedio a Ingeniero de plataforma, Sénior');
  assert.deepEqual(await moveLists(page), [
    ['shared', ['Funciones sin servidor: Opcional → Obligatorio']],
    ['gain', ['Portales para desarrolladores: Obligatorio']],
    ['leave', ['Informes de costes: Obligatorio']],
  ]);
  assert.equal(await page.getAttribute('#move-status', 'role'), 'status');
  assert.equal(await page.textContent('#move-status'), 'De Ingeniero de nube, Intermedio a Ingeniero de plataforma, Sénior: '
    + '1 habilidad que ambos roles necesitan, 1 habilidad por adquirir y 1 habilidad que se deja atrás.');
  // Each skill links to the requirement it names: the target's, or the current one's when left behind.
  const links = await page.$$eval('#move li a', (as) => as.map((a) => new URL(a.href).pathname.split('/').pop() + new URL(a.href).hash));
  assert.deepEqual(links, ['serverless-functions.html#platform-engineer--senior', 'developer-portals.html#platform-engineer--senior',
    'cost-reports.html#cloud-engineer--middle']);
  assert.equal(new URL(await page.getAttribute('#move h2 a', 'href'), page.url()).pathname, '/search/es/roles/platform-engineer.html');
  // The address and the language links carry the choice.
  assert.equal(new URL(page.url()).search, '?from=cloud-engineer--middle&to=platform-engineer--senior');
  assert.match(await page.getAttribute('.languages a[hreflang="en"]', 'href'), /moves\.html\?from=cloud-engineer--middle&to=platform-engineer--senior$/);
  await page.click('.languages a[hreflang="en"]');
  await page.waitForURL(/\/en\/moves\.html\?/);
  assert.equal(await page.inputValue('#move-to'), 'platform-engineer--senior');
  assert.equal(await page.textContent('#move h2'), 'From Cloud Engineer, Middle to Platform Engineer, Senior');
  assert.deepEqual((await moveLists(page)).map(([kind, items]) => [kind, items.length]), [['shared', 1], ['gain', 1], ['leave', 1]]);
  await page.screenshot({ path: join(ARTIFACTS, 'moves-en.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});

test('moves: the move the script builds is the one the page renders without it, in every language', async () => {
  for (const url of ['/site/en/moves.html', '/site/es/moves.html', '/site/ru/moves.html', '/search/es/moves.html',
    '/rtl/ar/moves.html', '/pseudo/ar-XB/moves.html', '/tricky/es-MX/moves.html']) {
    const without = await open(url, { javaScriptEnabled: false });
    assert.equal(await without.page.isVisible('#move-form'), false, url);
    assert.equal(await without.page.isVisible('p.no-script'), true, url);
    const rendered = await without.page.$eval('#move', (e) => e.innerText);
    const renderedLangs = await without.page.$$eval('#move [lang]', (es) => es.map((e) => [e.textContent, e.lang]));
    await without.close();
    const { page, problems, close } = await open(url);
    assert.equal(await page.isVisible('#move-form'), true);
    assert.equal(await page.isVisible('p.no-script'), false, url);
    assert.equal(await page.$eval('#move', (e) => e.innerText), rendered, url);
    // Text that fell back keeps its language (the skill names and labels in English on a Spanish page).
    const built = await page.$$eval('#move [lang]', (es) => es.map((e) => [e.textContent, e.lang]));
    for (const [text, lang] of renderedLangs.filter(([, l]) => l !== 'ar')) {
      assert.ok(built.some(([t, l]) => l === lang && (t === text || text.includes(t))), `${url}: ${text} (${lang})`);
    }
    assert.deepEqual(problems, [], url);
    await close();
  }
});

test('moves: counts take the plural form Fluent would choose (Russian: 1 is one, 0 is many)', async () => {
  const { page, problems, close } = await open('/site/ru/moves.html?from=cloud-engineer--junior&to=platform-engineer--senior');
  assert.equal(await page.textContent('#move .move-summary'),
    '1 навык, нужный обеим ролям; 0 навыков, которые нужно освоить; 0 навыков, которые остаются позади.');
  assert.deepEqual(problems, []);
  await close();
});

test('moves: without JavaScript the page shows one move and says why; the lists are labelled and reachable', async () => {
  const { page, close } = await open(MOVES, { javaScriptEnabled: false });
  assert.equal(await page.isVisible('#move-form'), false);
  assert.match(await page.textContent('p.no-script'), /hace falta JavaScript/);
  assert.equal(await page.textContent('#move h2'), 'De Ingeniero de nube, Intermedio a Ingeniero de nube, Sénior');
  await close();
  const keyboard = await open(MOVES);
  assert.equal(await keyboard.page.$eval('#move-from', (e) => e.labels[0].textContent), 'Rol y nivel actuales');
  assert.equal(await keyboard.page.$eval('#move-to', (e) => e.labels[0].textContent), 'Rol y nivel de destino');
  await keyboard.page.focus('#move-to');
  await keyboard.page.keyboard.press('ArrowDown');
  assert.equal(await keyboard.page.inputValue('#move-to'), 'platform-engineer--middle');
  assert.match(await keyboard.page.textContent('#move-status'), /^De Ingeniero de nube, Intermedio a Ingeniero de plataforma, Intermedio: /);
  await keyboard.close();
});

test('moves work from file://, with no server; unknown positions in the address are ignored', async () => {
  const url = pathToFileURL(join(SEARCH, 'es/moves.html')).href;
  const { page, problems, close } = await open(`${url}?from=platform-engineer--middle&to=nope--senior`);
  assert.equal(await page.inputValue('#move-from'), 'platform-engineer--middle');
  assert.equal(await page.inputValue('#move-to'), 'platform-engineer--senior');
  await page.selectOption('#move-to', 'cloud-engineer--middle');
  assert.deepEqual(await moveLists(page), [
    ['shared', ['Funciones sin servidor: Obligatorio → Opcional']],
    ['gain', ['Informes de costes: Obligatorio']],
    ['leave', ['Portales para desarrolladores: Opcional']],
  ]);
  await page.click('#move li a');
  await page.waitForURL(/serverless-functions\.html#cloud-engineer--middle$/);
  assert.deepEqual(problems, []);
  await close();
});

test('moves mirror right to left: the arrow turns round, nothing overflows at 375 px', async () => {
  const { page, problems, close } = await open('/pseudo/ar-XB/moves.html?from=cloud-engineer--middle&to=ai-product-engineer--senior', { width: 375 });
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.$eval('#move .arrow', (e) => getComputedStyle(e).transform), 'matrix(-1, 0, 0, 1, 0, 0)');
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `${scroll} px wide in a ${inner} px window`);
  await page.screenshot({ path: join(ARTIFACTS, 'moves-ar-XB-375.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});
