#!/usr/bin/env node
/**
 * The script-tag bundle's size against its budget (SPEC: ≤ 20 KB gzip, Lit, @lit/task, zod and
 * the whole flow included).
 *
 *   npm run size              build `dist/ev-booking-widget.js` (`vite build`, ~1 s), then measure
 *   npm run size -- --no-build   measure the existing file
 *
 * Prints raw, gzip (zlib level 9, as `gzip -9`) and brotli (quality 11) sizes and the budget line;
 * exits with 1 above 20 KB (20480 bytes) gzip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
const { raw, gzip, brotli } = sizes(readFileSync(file));
const over = gzip > BUDGET;
console.log(`dist/ev-booking-widget.js
  raw     ${kb(raw)}  ${raw} B
  gzip    ${kb(gzip)}  ${gzip} B   (zlib level 9)
  brotli  ${kb(brotli)}  ${brotli} B   (quality 11)
budget: gzip ${gzip} / ${BUDGET} B (${((gzip / BUDGET) * 100).toFixed(1)}%): ${
  over ? `OVER by ${gzip - BUDGET} B` : `OK, ${BUDGET - gzip} B left`
}`);
process.exitCode = over ? 1 : 0;
