#!/usr/bin/env node
/**
 * The script-tag bundle's size against its budget (SPEC: ≤ 20 KB gzip, Lit, @lit/task, zod and
 * the whole flow included).
 *
 *   npm run size              build `dist/ev-booking-widget.js` (`vite build`, ~1 s), then measure
 *   npm run size -- --no-build   measure the existing file
 *
 * Prints raw, gzip (zlib level 9, as `gzip -9`) and brotli (quality 11) sizes and the budget line,
 * then where the bytes come from (from the source map): Lit, @lit/task, zod, the five languages
 * besides English, and the widget itself. Exits with 1 above 20 KB (20480 bytes) gzip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';

const BUDGET = 20 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));
const file = `${root}dist/ev-booking-widget.js`;

/** Raw, gzip -9 and brotli q11 byte counts of `bytes`. */
function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`.padStart(9);

if (!process.argv.includes('--no-build') || !existsSync(file)) {
  const { build } = await import('vite');
  await build({ root, configFile: `${root}vite.config.ts`, mode: 'production', logLevel: 'warn' });
}
const bytes = readFileSync(file);
const { raw, gzip, brotli } = sizes(bytes);
const over = gzip > BUDGET;
console.log(`dist/ev-booking-widget.js
  raw     ${kb(raw)}  ${raw} B
  gzip    ${kb(gzip)}  ${gzip} B   (zlib level 9)
  brotli  ${kb(brotli)}  ${brotli} B   (quality 11)
budget: gzip ${gzip} / ${BUDGET} B (${((gzip / BUDGET) * 100).toFixed(1)}%): ${
  over ? `OVER by ${gzip - BUDGET} B` : `OK, ${BUDGET - gzip} B left`
}`);
process.exitCode = over ? 1 : 0;

/** Which part of the bundle a source file belongs to. */
const GROUPS = [
  [
    'Lit (lit-html, reactive-element, lit-element)',
    /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//,
  ],
  ['@lit/task', /node_modules\/@lit\/task\//],
  ['zod (zod/mini)', /node_modules\/zod\//],
  ['languages besides English (de fr es bg ar)', /\/src\/i18n\/(?!en\.|index\.)[^/]+\.ts$/],
  ['the widget (src/, English included)', /\/src\//],
];

/**
 * Minified bytes per part, attributed through the source map: each generated segment belongs to
 * the source it maps to, up to the next segment (the few bytes mapped to nothing go to "other").
 * "gzip alone" compresses a part's bytes by themselves: more than its share of the whole file,
 * whose gzip also finds repeats across parts.
 */
function breakdown() {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return;
  const code = bytes.toString('utf8');
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const segments = [];
  eachMapping(new TraceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), (m) => {
    segments.push([lineStarts[m.generatedLine - 1] + m.generatedColumn, m.source ?? '']);
  });
  segments.sort((a, b) => a[0] - b[0]);
  const parts = new Map([...GROUPS.map(([name]) => [name, []]), ['other', []]]);
  segments.forEach(([start, source], i) => {
    const name = GROUPS.find(([, re]) => re.test(source))?.[0] ?? 'other';
    parts.get(name).push(code.slice(start, segments[i + 1]?.[0] ?? code.length));
  });
  console.log('\nwhere the bytes come from (minified; gzip alone):');
  for (const [name, chunks] of parts) {
    const text = Buffer.from(chunks.join(''));
    if (!text.length) continue;
    const { raw: r, gzip: g } = sizes(text);
    console.log(`  ${kb(r)} ${kb(g)}  ${name}`);
  }
}
breakdown();
