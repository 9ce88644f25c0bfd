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

/** Self time (ms) per node of a CPU profile. */
function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length - 1; i++) {
    self.set(samples[i], (self.get(samples[i]) ?? 0) + timeDeltas[i + 1] / 1000);
  }
  return self;
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

/** Self time by origin and the top functions, from a CPU profile of a page running the bundle. */
export function attribute(profile, { top = 15 } = {}) {
  const { map } = loadBundle();
  const self = selfTimes(profile);
  const byOrigin = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id);
    if (!ms) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    let group;
    let name;
    if (url.endsWith('/ev-booking-widget.js')) {
      const position = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
      group = origin(position.source);
      name = `${group}:${position.line ?? '?'} ${position.name ?? functionName ?? ''}`.trim();
    } else if (!url) {
      group = functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
      name = group;
    } else {
      group = '(page and bench scripts)';
      name = `${url.replace(/^.*\//, '')} ${functionName}`;
    }
    byOrigin.set(group, (byOrigin.get(group) ?? 0) + ms);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const sorted = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, ms]) => ({ what, ms: Math.round(ms * 10) / 10 }));
  return { sampledMs: Math.round(total), byOrigin: sorted(byOrigin), topFunctions: sorted(byFunction) };
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
