#!/usr/bin/env node
/**
 * `node bench/trace.mjs [demo|big|all] [delayMs] [runs]`: one cold load under a Chromium trace
 * and the sampling profiler (a diagnosis, not a timing: both slow the page), printed as the
 * page's main-thread tasks of 20 ms or more from navigation start, each with the trace events of
 * 1.5 ms or more inside it (module evaluation, layout, GC, timers) and the functions the profiler
 * saw most in it (self time, named from the bundle's source map), then when the API requests
 * were sent (PROF_US: the sampling interval in µs, default 100). `demo`: the simulator's location 7 offering EVSE 11; `big`: the bench's 200 × 28
 * site offering one port; `all`: the same offering all 200. NOPROF=1: the trace alone.
 */
import { readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { generatedSite } from './big-site.mjs';
import { bundlePath, createSimulator, ensureBundle, launchBrowser, startServer, widgetPage } from './harness.mjs';

const [which = 'big', delayArg = '100', runsArg = '1'] = process.argv.slice(2);
ensureBundle({ fresh: true });
const map = new TraceMap(readFileSync(`${bundlePath}.map`, 'utf8'));
const simulator = await createSimulator({ pendingMs: 500 });
const big = generatedSite(simulator, { chargePoints: 20, evsesPerChargePoint: 10 });
const attributes = {
  demo: { 'evse-ids': 11 },
  big: { 'evse-ids': big.evseIds[0], days: 28 },
  all: { days: 28 },
}[which];
const server = await startServer({
  api: which === 'demo' ? (request) => simulator.fetch(request) : big.handler,
  pages: {
    '/p': { body: widgetPage({ 'location-id': 7, 'api-base': '/api/ampeco', locale: 'en-GB', ...attributes }) },
  },
});
const browser = await launchBrowser();

/** A profile node's name: `src/booking/slots.ts:55 offsetAt`, a package's file, or V8's own entry. */
function nameOf({ callFrame: { functionName, url, lineNumber, columnNumber } }) {
  if (!url.endsWith('/ev-booking-widget.js')) return functionName || `(anonymous) ${url}`;
  const position = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
  const source = (position.source ?? '').replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/');
  return `${source}:${position.line} ${position.name ?? functionName}`;
}

for (let run = 0; run < Number(runsArg); run++) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await page.goto(`${server.url}/blank`);
  server.setDelay(Number(delayArg));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', {
    interval: process.env.NOPROF ? 50_000 : Number(process.env.PROF_US ?? 100),
  });
  await page.tracing.start({
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'loading',
      'navigation',
      'blink.user_timing',
    ],
  });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}/p`, { waitUntil: 'load' });
  await page.waitForFunction(
    `!!document.querySelector('ev-booking-widget')?.shadowRoot?.querySelector('ev-slot-grid')?.shadowRoot?.querySelector('[data-start]')`,
    { timeout: 30_000, polling: 50 },
  );
  await new Promise((resolve) => setTimeout(resolve, which === 'demo' ? 800 : 2000));
  const { profile } = await cdp.send('Profiler.stop');
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  const navigation = events.find(
    (e) => e.name === 'navigationStart' && /\/p$/.test(e.args?.data?.documentLoaderURL ?? ''),
  );
  const main = events.filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ts >= navigation.ts);
  const at = (ts) => ((ts - navigation.ts) / 1000).toFixed(1);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i];
    samples.push([ts, profile.timeDeltas[i + 1] ?? 0, nodes.get(id)]);
  });
  console.log(`\n${which}, ${delayArg} ms per answer, run ${run + 1}: tasks ≥ 20 ms (ms from navigation start)`);
  for (const task of main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur >= 20_000)) {
    const end = task.ts + task.dur;
    console.log(`task at ${at(task.ts)}: ${(task.dur / 1000).toFixed(1)} ms`);
    for (const e of main.filter((e) => e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts < end && e.dur >= 1500)) {
      if (/^V8\.GC_|V8\.GCScavenger|RenderFrameImpl|FrameLoader|DocumentLoader/.test(e.name)) continue;
      console.log(`   ${at(e.ts)} +${(e.dur / 1000).toFixed(1)} ${e.name} ${e.args?.data?.functionName ?? ''}`);
    }
    const self = new Map();
    for (const [time, delta, node] of samples) {
      if (time < task.ts || time >= end || node.callFrame.functionName === '(idle)') continue;
      self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + delta / 1000);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8);
    if (top.length) console.log(`   most seen: ${top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(' | ')}`);
  }
  const sent = main.filter((e) => e.name === 'ResourceSendRequest' && /\/api\//.test(e.args?.data?.url ?? ''));
  console.log(`API requests sent at: ${sent.map((e) => at(e.ts)).join(', ')} ms`);
  await context.close();
}
await browser.close();
await server.close();
process.exit(0);
