// Search in numbers: the index's size, the time to load it, and the time a query takes, in
// Chromium (playwright-core, the Debian chromium binary), from a rendered site opened from file://.
//
//   cargo xtask gen-catalog --skills 1000 --roles 20 --locales 10 --out /tmp/g
//   cargo xtask render --catalog /tmp/g/catalog --locales /tmp/g/locales --out /tmp/g/out --lang en,es
//   (cd tests/browser && npm ci && node bench-search.mjs /tmp/g/out en)
//
// Prints the figures docs/performance.md quotes. A query is timed inside the page, from setting
// the box's text to search.js having written the results and the count (it searches on `input`,
// synchronously, once the index is loaded).

import { stat, readFile } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const [dist, lang = 'en'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node bench-search.mjs RENDERED_SITE_DIR [LANG]');
  process.exit(2);
}
const root = resolve(dist);
const QUERIES = ['cloud', 'clo', 'security', 'cloud security', 'a', 'zzzz'];
const ROUNDS = 20;

const index = join(root, lang, 'search-index.js');
const indexBytes = (await stat(index)).size;
const indexGzip = gzipSync(await readFile(index)).length;
const engineBytes = (await stat(join(root, 'elasticlunr.min.js'))).size;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(root, lang, 'index.html')).href);
  const input = page.locator('#search-input');
  await page.waitForSelector('#search:not([hidden])');
  const loadStarted = Date.now();
  await input.focus();
  await page.waitForFunction(() => window.ladderSearchIndex !== undefined && window.elasticlunr !== undefined);
  // The first query after loading builds the engine's index from the data: part of loading.
  await page.evaluate(() => {
    const box = document.getElementById('search-input');
    box.value = 'warm';
    box.dispatchEvent(new Event('input'));
  });
  const loadMs = Date.now() - loadStarted;

  console.log(`search index (${lang}): ${indexBytes} bytes, ${indexGzip} gzipped; engine ${engineBytes} bytes`);
  console.log(`focus to the first answer (engine and index loaded): ${loadMs} ms`);
  console.log('| query | status shown | median ms | worst ms |');
  console.log('|---|---:|---:|---:|');
  for (const query of QUERIES) {
    const [times, count] = await page.evaluate(([text, rounds]) => {
      const box = document.getElementById('search-input');
      const took = [];
      for (let round = 0; round < rounds; round += 1) {
        box.value = '';
        box.dispatchEvent(new Event('input'));
        const started = performance.now();
        box.value = text;
        box.dispatchEvent(new Event('input'));
        took.push(performance.now() - started);
      }
      return [took, document.getElementById('search-status').textContent];
    }, [query, ROUNDS]);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`| \`${query}\` | ${count} | ${median.toFixed(2)} | ${times[times.length - 1].toFixed(2)} |`);
  }
} finally {
  await browser.close();
}
