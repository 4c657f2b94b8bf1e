// Mozilla Readability over every .html page below a folder, in one Node process, one page at a time.
// Prints one JSON line: pages, input bytes, seconds in JSDOM parsing, in Readability.parse(), and in total
// (reading files included, Node start-up excluded; the caller times the whole process too).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const root = process.argv[2];
if (!root) {
  console.error('usage: node readability.mjs FOLDER');
  process.exit(2);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

const files = walk(root);
const quiet = new VirtualConsole(); // pages' CSS and scripts are not run; keep jsdom's warnings out of the timing
let bytes = 0, parseMs = 0, readMs = 0, textChars = 0, empty = 0;
const start = performance.now();
for (const file of files) {
  const buffer = readFileSync(file); // bytes: jsdom sniffs the charset (<meta charset>) like a browser
  bytes += buffer.length;
  const t0 = performance.now();
  const dom = new JSDOM(buffer, { url: 'https://bench.invalid/' + relative(root, file), contentType: 'text/html', virtualConsole: quiet });
  const t1 = performance.now();
  const article = new Readability(dom.window.document).parse();
  const t2 = performance.now();
  parseMs += t1 - t0;
  readMs += t2 - t1;
  if (article && article.textContent) textChars += article.textContent.length; else empty++;
  dom.window.close();
}
const totalMs = performance.now() - start;
console.log(JSON.stringify({
  pages: files.length, bytes, empty, textChars,
  seconds: +(totalMs / 1000).toFixed(3),
  jsdomSeconds: +(parseMs / 1000).toFixed(3),
  readabilitySeconds: +(readMs / 1000).toFixed(3),
  mbPerSecond: +(bytes / 1e6 / (totalMs / 1000)).toFixed(3),
}));
