// Mozilla Readability over every .html page in a folder, one page at a time in one Node process, writing
// each page's article text to OUT/<page>.txt (empty when Readability finds no article), as
// `extract clean --out` does, so both outputs score the same way. Prints one JSON line with the seconds spent.
//   node readability-text.mjs PAGES OUT
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [pages, out] = process.argv.slice(2);
if (!pages || !out) {
  console.error('usage: node readability-text.mjs PAGES OUT');
  process.exit(2);
}

mkdirSync(out, { recursive: true });
const files = readdirSync(pages).filter((f) => f.endsWith('.html')).sort();
const quiet = new VirtualConsole();
let empty = 0;
const start = performance.now();
for (const name of files) {
  let text = '';
  try {
    const dom = new JSDOM(readFileSync(join(pages, name)), { url: 'https://bench.invalid/' + name, contentType: 'text/html', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article?.textContent ?? '';
    dom.window.close();
  } catch {
    // A page jsdom or Readability cannot take counts as empty.
  }

  if (!text.trim()) empty++;
  writeFileSync(join(out, name + '.txt'), text);
}
console.log(JSON.stringify({ pages: files.length, empty, seconds: +((performance.now() - start) / 1000).toFixed(3) }));
