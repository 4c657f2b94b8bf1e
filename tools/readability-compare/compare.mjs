#!/usr/bin/env node
// Compares Mozilla Readability (with jsdom) and `extract clean` on every HTML sample against
// samples/cleaning.json: per page, drop strings left, keep strings lost, once strings not exactly
// once, and time per article. Prints a Markdown table. Not part of CI.
//
// Usage (from the repository root):
//   dotnet build -c Release src/Extraction.Cli
//   (cd tools/readability-compare && npm ci)
//   node tools/readability-compare/compare.mjs [--samples samples] [--extract path/to/extract] [--runs 5]

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const args = parseArgs(process.argv.slice(2));
const samples = resolve(args.samples ?? join(repo, "samples"));
const extract = resolve(args.extract ?? join(repo, "src/Extraction.Cli/bin/Release/net10.0/extract"));
const runs = Number(args.runs ?? 5);

if (!existsSync(extract)) {
  console.error(`extract not found at ${extract}: run 'dotnet build -c Release src/Extraction.Cli' first, or pass --extract`);
  process.exit(2);
}

const spec = JSON.parse(readFileSync(join(samples, "cleaning.json"), "utf8"));
const pages = readdirSync(samples).filter((f) => /\.html?$/i.test(f)).sort();
const inRun = extractRunTimings(pages);

const rows = [];
for (const page of pages) {
  const path = join(samples, page);
  const checks = spec[page] ?? { drop: [], keep: [], once: [] };
  const bytes = readFileSync(path);

  const rd = timed(() => readabilityText(bytes), runs);
  const ex = timed(() => execFileSync(extract, ["clean", path], { encoding: "utf8" }), runs);
  rows.push({
    page,
    checks,
    readability: { ...score(rd.value, checks), ms: rd.ms },
    extract: { ...score(ex.value, checks), ms: ex.ms, runMs: inRun.get(page) },
  });
}

print(rows);

// Readability sees the page as a browser would: jsdom decodes the bytes by BOM and <meta charset>.
function readabilityText(bytes) {
  const virtualConsole = new VirtualConsole(); // silence CSS and script noise
  const dom = new JSDOM(bytes, { url: "https://example.org/article", virtualConsole });
  const article = new Readability(dom.window.document).parse();
  if (!article?.content) {
    return "";
  }

  // Text of the article HTML with a line break at every block, so paragraphs do not run together.
  const content = new JSDOM(`<body>${article.content}</body>`, { virtualConsole }).window.document;
  for (const el of content.querySelectorAll("p,div,section,article,h1,h2,h3,h4,h5,h6,li,br,blockquote,pre,tr,td,th,figure,figcaption,ul,ol,table,header,footer")) {
    el.before("\n");
    el.after("\n");
  }

  // The body only, as `extract clean` prints it (the title is a field of its own in both tools).
  return content.body.textContent;
}

function score(text, checks) {
  const flat = collapse(text);
  const dropsLeft = checks.drop.filter((s) => flat.includes(collapse(s))).map((s) => `"${s}"`);
  const keepsLost = checks.keep.filter((s) => !flat.includes(collapse(s))).map((s) => `"${s}"`);
  const onceWrong = checks.once
    .map((s) => ({ s, times: count(flat, collapse(s)) }))
    .filter((x) => x.times !== 1)
    .map((x) => `"${x.s}" (${x.times} times)`);
  return { dropsLeft, keepsLost, onceWrong };
}

function timed(fn, n) {
  let value;
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }

  times.sort((a, b) => a - b);
  return { value, ms: times[Math.floor(times.length / 2)] };
}

// Per-article milliseconds inside one `extract run` (fetch, clean and fact extraction; no process start).
function extractRunTimings(files) {
  const out = mkdtempSync(join(tmpdir(), "readability-compare-"));
  try {
    try {
      execFileSync(extract, ["run", ...files.map((f) => join(samples, f)), "--out", out, "--parallelism", "1", "--quiet"], { encoding: "utf8" });
    } catch (e) {
      if (e.status !== 1) throw e; // 1: some inputs failed, the rest are written
    }

    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    return new Map(run.articles.map((a) => [a.article, a.ms]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function print(rows) {
  const n = (list, all) => `${list.length}/${all.length}`;
  const ms = (x) => (x === undefined ? "–" : x.toFixed(0));
  console.log("| page | Readability: drops left | keeps lost | once ≠ 1 | ms | extract clean: drops left | keeps lost | once ≠ 1 | ms (process) | ms (in run) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const total = { r: [0, 0, 0, 0], e: [0, 0, 0, 0, 0], drop: 0, keep: 0, once: 0 };
  for (const { page, checks, readability: r, extract: e } of rows) {
    console.log(`| ${page} | ${n(r.dropsLeft, checks.drop)} | ${n(r.keepsLost, checks.keep)} | ${n(r.onceWrong, checks.once)} | ${ms(r.ms)} | ${n(e.dropsLeft, checks.drop)} | ${n(e.keepsLost, checks.keep)} | ${n(e.onceWrong, checks.once)} | ${ms(e.ms)} | ${ms(e.runMs)} |`);
    total.drop += checks.drop.length;
    total.keep += checks.keep.length;
    total.once += checks.once.length;
    [r.dropsLeft.length, r.keepsLost.length, r.onceWrong.length, r.ms].forEach((v, i) => (total.r[i] += v));
    [e.dropsLeft.length, e.keepsLost.length, e.onceWrong.length, e.ms, e.runMs ?? 0].forEach((v, i) => (total.e[i] += v));
  }

  const avg = (x) => (x / rows.length).toFixed(0);
  console.log(`| **all ${rows.length} pages** | **${total.r[0]}/${total.drop}** | **${total.r[1]}/${total.keep}** | **${total.r[2]}/${total.once}** | **${avg(total.r[3])}** avg | **${total.e[0]}/${total.drop}** | **${total.e[1]}/${total.keep}** | **${total.e[2]}/${total.once}** | **${avg(total.e[3])}** avg | **${avg(total.e[4])}** avg |`);

  console.log("\nMisses in detail:\n");
  for (const { page, readability: r, extract: e } of rows) {
    for (const [tool, res] of [["Readability", r], ["extract", e]]) {
      for (const [what, list] of [["drop left", res.dropsLeft], ["keep lost", res.keepsLost], ["once ≠ 1", res.onceWrong]]) {
        for (const s of list) {
          console.log(`- ${page}, ${tool}, ${what}: ${s}`);
        }
      }
    }
  }
}

function collapse(s) {
  return s.replace(/\s+/g, " ").trim();
}

function count(text, s) {
  let c = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) c++;
  return c;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--")) out[argv[i].slice(2)] = argv[++i];
  }
  return out;
}
