/**
 * Where a load's main-thread time goes: one load under V8's sampling profiler (Chrome DevTools
 * Protocol `Profiler`), its self time summed by what the bundle's source map says each function
 * came from — a package (`zod`, `lit-html`, …) or a file of src/ — and by V8's own entries
 * (`(garbage collector)`, `(program)`: style, layout, parsing, and native calls such as
 * `JSON.parse`). A diagnosis beside the timed runs (sampling slows the page), not a timing.
 */
import { readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { bundlePath } from './harness.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `../node_modules/@lit/reactive-element/x.js` → `@lit/reactive-element`; `../src/a/b.ts` → `src/a/b.ts`. */
function origin(source) {
  if (!source) return '(bundle, unmapped)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  const src = /(src\/.*)$/.exec(source);
  return src ? src[1] : source;
}

let bundle;
/** The bundle's text and source map, read once. */
function loadBundle() {
  bundle ??= { text: readFileSync(bundlePath, 'utf8'), map: new TraceMap(readFileSync(`${bundlePath}.map`, 'utf8')) };
  return bundle;
}

/** Where a character position of the bundle comes from: `src/api/client.ts:180 request`. */
export function bundleSource(charPosition) {
  const { text, map } = loadBundle();
  if (!(charPosition >= 0)) return '(bundle)';
  const before = text.slice(0, charPosition);
  const line = before.split('\n').length;
  const column = charPosition - (before.lastIndexOf('\n') + 1);
  const position = originalPositionFor(map, { line, column });
  return `${origin(position.source)}:${position.line ?? '?'} ${position.name ?? ''}`.trim();
}

/** Each node's origin (a package, a file of src/, or V8's own entry) and function name. */
function classify(node, map) {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (url.endsWith('/ev-booking-widget.js')) {
    const position = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
    const group = origin(position.source);
    return { group, name: `${group}:${position.line ?? '?'} ${position.name ?? functionName ?? ''}`.trim() };
  }
  if (!url) {
    const group = functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
    return { group, name: group };
  }
  return { group: '(page and bench scripts)', name: `${url.replace(/^.*\//, '')} ${functionName}` };
}

const sorted = (sums, top) =>
  [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([what, ms]) => ({ what, ms: Math.round(ms * 10) / 10 }));

const add = (sums, key, ms) => sums.set(key, (sums.get(key) ?? 0) + ms);

/**
 * Self time by origin and the top functions, from a CPU profile of a page running the bundle; and
 * the same for the longest stretch without an idle sample (the longest task, give or take).
 */
export function attribute(profile, { top = 15 } = {}) {
  const { map } = loadBundle();
  const nodes = new Map(
    profile.nodes.map((node) => [node.id, { idle: node.callFrame.functionName === '(idle)', ...classify(node, map) }]),
  );
  const byOrigin = new Map();
  const byFunction = new Map();
  let total = 0;
  let stretch = { ms: 0, samples: [] };
  let longest = stretch;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length - 1; i++) {
    const node = nodes.get(samples[i]);
    const ms = timeDeltas[i + 1] / 1000;
    if (node.idle) {
      stretch = { ms: 0, samples: [] };
      continue;
    }
    total += ms;
    add(byOrigin, node.group, ms);
    add(byFunction, node.name, ms);
    stretch.ms += ms;
    stretch.samples.push([node, ms]);
    if (stretch.ms > longest.ms) longest = stretch;
  }
  const longestByOrigin = new Map();
  for (const [node, ms] of longest.samples) add(longestByOrigin, node.group, ms);
  return {
    sampledMs: Math.round(total),
    byOrigin: sorted(byOrigin, top),
    topFunctions: sorted(byFunction, top),
    longestBusyStretch: { ms: Math.round(longest.ms), byOrigin: sorted(longestByOrigin, 8) },
  };
}

/** One load of `path` under the sampling profiler; resolves with the attribution. */
export async function profileLoad(browser, server, { path, delayMs, gzip, waitFor }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await page.goto(`${server.url}/blank`);
    server.setDelay(delayMs);
    server.setCompression(gzip);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(waitFor, { timeout: 30_000, polling: 100 });
    while (server.inFlight > 0) await sleep(25);
    await sleep(300);
    const { profile } = await cdp.send('Profiler.stop');
    return attribute(profile);
  } finally {
    await context.close();
  }
}
