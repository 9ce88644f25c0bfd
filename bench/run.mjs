#!/usr/bin/env node
/**
 * `npm run bench`: prints a table and writes bench/results.json.
 *
 * 1. First start time visible: the script-tag bundle on a static page, the Ampeco simulator behind
 *    a loopback mock API whose every response takes 100 ms / 400 ms (0 ms as a baseline); from
 *    navigation start to the first `button[data-start]` in the slot grid's shadow root (the page
 *    offers one EVSE, `evse-ids="11"`, so the widget selects it by itself). Median of RUNS_LOAD
 *    cold runs (a fresh browser context each), and the number of dependent round trips on the
 *    critical path, counted from the server's request timeline.
 * 2. Rendering with 7 days × 40 EVSEs of availability (4 charge points × 10 EVSEs, fragmented
 *    windows): in the widget, picking a port (slot grid's first render for it) and picking a start
 *    (selection update), from the click to the grid's `updateComplete` plus a forced layout; and a
 *    standalone `<ev-slot-grid>` given 7 days × 48 starts (`.days`, then `.selected`). Median of
 *    RUNS_RENDER runs each.
 * 3. The proxy's added latency and throughput: `runProxyBench()` from bench/proxy.mjs (written by
 *    the proxy's maintainers); skipped with a note when that file is absent.
 *
 * Numbers, never assertions: nothing here fails because something is slow.
 */
import { writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createSimulator,
  chromiumPath,
  dependentRoundTrips,
  ensureBundle,
  ensureTsx,
  launchBrowser,
  median,
  percentile,
  root,
  startServer,
  widgetPage,
  FIRST_SLOT_SELECTOR,
} from './harness.mjs';

const RUNS_LOAD = Number(process.env.BENCH_RUNS_LOAD ?? 7);
const RUNS_RENDER = Number(process.env.BENCH_RUNS_RENDER ?? 25);
const DELAYS = [0, 100, 400];
const EVSE_COUNT = 40;
const CHARGE_POINTS = 4;

const round = (n, digits = 1) => (n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const stats = (values) => ({
  runs: values.length,
  median: round(median(values)),
  p90: round(percentile(values, 90)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

/* ---------- 1. first start time visible ---------- */

/** Before any page script: watch every frame for the first start button. */
function firstSlotDetector(selector) {
  window.__bench = {};
  const find = new Function(`return ${selector}`);
  const check = () => {
    if (find()) {
      window.__bench.firstSlot = performance.now();
      window.__bench.firstSlotWall = performance.timeOrigin + performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

async function benchFirstSlot(browser) {
  const simulator = await createSimulator({ pendingMs: 500 });
  const server = await startServer({
    api: (request) => simulator.fetch(request),
    pages: {
      '/': { body: widgetPage({ 'location-id': 7, 'api-base': '/api/ampeco', 'evse-ids': 11, locale: 'en-GB' }) },
    },
  });
  const results = {};
  try {
    for (const delay of DELAYS) {
      server.setDelay(delay);
      const times = [];
      const trips = [];
      const requestCounts = [];
      let timeline = [];
      const boots = [];
      const tails = [];
      // One discarded warm-up load per delay, then RUNS_LOAD measured ones.
      for (let run = -1; run < RUNS_LOAD; run++) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        // new Function is only for this bench page (no CSP on it); the widget itself never evals.
        await page.evaluateOnNewDocument(firstSlotDetector, FIRST_SLOT_SELECTOR);
        server.timeline.length = 0;
        await page.goto(`${server.url}/`, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__bench?.firstSlot !== undefined, { timeout: 20_000, polling: 20 });
        const { firstSlot, firstSlotWall, origin } = await page.evaluate(() => ({
          ...window.__bench,
          origin: performance.timeOrigin,
        }));
        const critical = server.timeline.filter((r) => r.end <= firstSlotWall);
        const t0 = Math.min(...critical.map((r) => r.start));
        if (run < 0) {
          await context.close();
          continue;
        }
        times.push(firstSlot);
        boots.push(t0 - origin);
        tails.push(firstSlotWall - Math.max(...critical.map((r) => r.end)));
        trips.push(dependentRoundTrips(critical));
        requestCounts.push(critical.length);
        timeline = critical.map((r) => ({
          request: `${r.method} ${r.path.replace(/\?.*$/, (q) => (q.length > 40 ? `${q.slice(0, 40)}…` : q))}`,
          startMs: round(r.start - t0),
          endMs: round(r.end - t0),
        }));
        await context.close();
      }
      results[`${delay}ms`] = {
        responseDelayMs: delay,
        firstSlotMs: stats(times),
        navigationToFirstRequestMs: stats(boots),
        lastResponseToFirstSlotMs: stats(tails),
        // With no delay, requests sent together can reach the server after the previous ones were
        // answered: the timeline cannot tell parallel from dependent, so no count for 0 ms.
        dependentRoundTrips: delay > 0 ? median(trips) : null,
        roundTripsPerRun: trips,
        requestsBeforeFirstSlot: median(requestCounts),
        timeline,
      };
    }
  } finally {
    await server.close();
  }
  return results;
}

/* ---------- 2. rendering with 40 EVSEs ---------- */

const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The simulator, scaled to 4 charge points × 10 EVSEs at location 7, each EVSE free 2.5 h out of
 * every 3 h (offset per EVSE), so that the availability has hundreds of windows.
 */
function scaledApi(simulator) {
  const get = async (path) =>
    (
      await simulator.fetch(
        new Request(`http://simulator.invalid/public-api${path}`, { headers: { authorization: 'Bearer bench' } }),
      )
    ).json();
  const json = (body) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const cpIds = Array.from({ length: CHARGE_POINTS }, (_, i) => 1001 + i);
  const evsesPerCp = EVSE_COUNT / CHARGE_POINTS;
  const evseId = (cp, i) => (cp - 1000) * 100 + i + 1;
  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/public-api', '');
    if (request.method === 'GET' && path === '/resources/charge-points/v2.0') {
      const list = await get('/resources/charge-points/v2.0?filter[locationId]=7');
      const template = list.data[0];
      return json({ ...list, data: cpIds.map((id, i) => ({ ...template, id, name: `Charger ${i + 1}` })) });
    }
    const evses = /^\/resources\/charge-points\/v2\.0\/(\d+)\/evses$/.exec(path);
    if (request.method === 'GET' && evses && cpIds.includes(Number(evses[1]))) {
      const cp = Number(evses[1]);
      const list = await get('/resources/charge-points/v2.0/101/evses?include[]=connectors');
      const template = list.data[0];
      return json({
        ...list,
        data: Array.from({ length: evsesPerCp }, (_, i) => {
          const id = evseId(cp, i);
          const n = (cp - 1001) * evsesPerCp + i + 1;
          return {
            ...template,
            id,
            label: `Port ${n}`,
            physicalReference: `BENCH-${id}`,
            networkId: String(n),
            connectors: (template.connectors ?? []).map((c, k) => ({ ...c, id: id * 10 + k })),
          };
        }),
      });
    }
    if (request.method === 'POST' && /\/check-booking-availability$/.test(path)) {
      const { startAfter, endBefore } = await request.json();
      const from = Date.parse(startAfter);
      const to = Date.parse(endBefore);
      const HOUR = 3_600_000;
      const data = cpIds.flatMap((cp) =>
        Array.from({ length: evsesPerCp }, (_, i) => {
          const offset = ((cp * 7 + i) % 6) * 30 * 60_000;
          const slots = [];
          for (let t = Math.floor(from / HOUR) * HOUR - 3 * HOUR + offset; t < to; t += 3 * HOUR) {
            const start = Math.max(t, from);
            const end = Math.min(t + 2.5 * HOUR, to);
            if (end > start) slots.push({ startAt: isoSeconds(start), endAt: isoSeconds(end) });
          }
          return { evseId: evseId(cp, i), availableSlots: slots };
        }),
      );
      return json({ data });
    }
    return simulator.fetch(request);
  };
}

/** In the page: times from a click to the grid's update and layout. */
const RENDER_HELPERS = () => {
  const widget = () => document.querySelector('ev-booking-widget');
  const grid = () => widget().shadowRoot.querySelector('ev-slot-grid');
  const settle = async () => {
    await widget().updateComplete;
    const g = grid();
    await g.updateComplete;
    g.shadowRoot.querySelector('button[data-start]')?.getBoundingClientRect();
    return g;
  };
  window.__render = {
    async selectPort(index) {
      const radios = widget().shadowRoot.querySelector('ev-port-list').shadowRoot.querySelectorAll('input[type=radio]');
      const t0 = performance.now();
      radios[index].click();
      const g = await settle();
      return { ms: performance.now() - t0, buttons: g.shadowRoot.querySelectorAll('button[data-start]').length };
    },
    async ensureButtons(count) {
      for (let i = 0; i < 7; i++) {
        const g = grid();
        if (g.shadowRoot.querySelectorAll('button[data-start]').length >= count) return true;
        const next = [...g.shadowRoot.querySelectorAll('button')].find((b) =>
          /next day/i.test(b.textContent + (b.getAttribute('aria-label') ?? '')),
        );
        if (!next || next.disabled) return false;
        next.click();
        await settle();
      }
      return false;
    },
    async selectStart(index) {
      const buttons = grid().shadowRoot.querySelectorAll('button[data-start]');
      const t0 = performance.now();
      buttons[index % buttons.length].click();
      await settle();
      return { ms: performance.now() - t0, buttons: buttons.length };
    },
    /** A standalone grid: 7 days × 48 starts every 30 minutes from tomorrow 00:00 UTC. */
    async standaloneGrid(runs) {
      const DAY = 86_400_000;
      const first = Math.ceil(Date.now() / DAY) * DAY;
      const days = Array.from({ length: 7 }, (_, d) => ({
        date: new Date(first + d * DAY).toISOString().slice(0, 10),
        starts: Array.from({ length: 48 }, (_, s) =>
          new Date(first + d * DAY + s * 1_800_000).toISOString().replace(/\.000Z$/, 'Z'),
        ),
      }));
      const render = [];
      const select = [];
      for (let run = 0; run < runs; run++) {
        const g = document.createElement('ev-slot-grid');
        g.locale = 'en-GB';
        g.timeZone = 'UTC';
        document.body.append(g);
        await g.updateComplete;
        let t0 = performance.now();
        g.days = days;
        await g.updateComplete;
        g.shadowRoot.querySelector('button[data-start]').getBoundingClientRect();
        render.push(performance.now() - t0);
        t0 = performance.now();
        g.selected = days[0].starts[(run * 7) % 48];
        await g.updateComplete;
        g.shadowRoot.querySelector('button[data-start]').getBoundingClientRect();
        select.push(performance.now() - t0);
        g.remove();
      }
      return { render, select, starts: days.length * 48 };
    },
  };
};

async function benchRender(browser) {
  const simulator = await createSimulator({ pendingMs: 500 });
  const server = await startServer({
    api: scaledApi(simulator),
    pages: { '/': { body: widgetPage({ 'location-id': 7, 'api-base': '/api/ampeco', locale: 'en-GB' }) } },
  });
  try {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(RENDER_HELPERS);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(
      (count) =>
        document
          .querySelector('ev-booking-widget')
          ?.shadowRoot?.querySelector('ev-port-list')
          ?.shadowRoot?.querySelectorAll('input[type=radio]').length === count,
      { timeout: 20_000 },
      EVSE_COUNT,
    );
    // Warm-up: one port and one start (first-use costs are not what this measures).
    await page.evaluate((i) => window.__render.selectPort(i), EVSE_COUNT - 1);
    const portTimes = [];
    const gridButtons = [];
    for (let run = 0; run < RUNS_RENDER; run++) {
      const { ms, buttons } = await page.evaluate((i) => window.__render.selectPort(i), run % (EVSE_COUNT - 1));
      portTimes.push(ms);
      gridButtons.push(buttons);
    }
    await page.evaluate(() => window.__render.ensureButtons(24));
    await page.evaluate(() => window.__render.selectStart(0));
    const startTimes = [];
    let buttonsOnScreen = 0;
    for (let run = 0; run < RUNS_RENDER; run++) {
      const { ms, buttons } = await page.evaluate((i) => window.__render.selectStart(i), run + 1);
      startTimes.push(ms);
      buttonsOnScreen = buttons;
    }
    const standalone = await page.evaluate((runs) => window.__render.standaloneGrid(runs), RUNS_RENDER);
    await page.close();
    return {
      widget: {
        evses: EVSE_COUNT,
        days: 7,
        portSelectToGridRenderedMs: stats(portTimes),
        startButtonsOnScreen: median(gridButtons),
        startSelectToUpdatedMs: stats(startTimes),
        startButtonsOnScreenDuringSelection: buttonsOnScreen,
      },
      standaloneSlotGrid: {
        days: 7,
        starts: standalone.starts,
        firstRenderMs: stats(standalone.render),
        selectionUpdateMs: stats(standalone.select),
      },
    };
  } finally {
    await server.close();
  }
}

/* ---------- 3. proxy ---------- */

async function benchProxy() {
  const path = `${root}bench/proxy.mjs`;
  if (!existsSync(path)) {
    console.log('  note: bench/proxy.mjs is not there yet; skipping the proxy figures');
    return { skipped: 'bench/proxy.mjs is not there yet (the proxy bench is written with the proxy)' };
  }
  await ensureTsx();
  const module = await import(path);
  if (typeof module.runProxyBench !== 'function') return { skipped: 'bench/proxy.mjs does not export runProxyBench()' };
  return module.runProxyBench();
}

/* ---------- report ---------- */

function chromiumVersion(browserVersion) {
  try {
    return browserVersion ?? execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** The proxy's figures, whatever their shape: flattened `a.b.c = value` lines. */
function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key));
}

async function main() {
  const began = performance.now();
  ensureBundle();
  const browser = await launchBrowser();
  let load;
  let render;
  let browserVersion;
  try {
    browserVersion = await browser.version();
    console.log(`1/3 first start time visible (${RUNS_LOAD} cold loads per delay) …`);
    load = await benchFirstSlot(browser);
    console.log(`2/3 rendering with ${EVSE_COUNT} EVSEs × 7 days (${RUNS_RENDER} runs each) …`);
    render = await benchRender(browser);
  } finally {
    await browser.close();
  }
  console.log('3/3 proxy …');
  let proxy;
  try {
    proxy = await benchProxy();
  } catch (error) {
    proxy = { error: String(error?.stack ?? error) };
  }

  console.log('\nFirst start time visible (navigation start → first button[data-start]), headless Chromium, loopback');
  printTable([
    [
      'API response delay',
      'median ms',
      'p90 ms',
      'min ms',
      'nav → 1st request',
      'last response → visible',
      'dependent round trips',
      'requests',
    ],
    ...Object.values(load).map((r) => [
      `${r.responseDelayMs} ms`,
      r.firstSlotMs.median,
      r.firstSlotMs.p90,
      r.firstSlotMs.min,
      r.navigationToFirstRequestMs.median,
      r.lastResponseToFirstSlotMs.median,
      r.dependentRoundTrips ?? 'n/a',
      r.requestsBeforeFirstSlot,
    ]),
  ]);
  console.log(`\nRendering, ${EVSE_COUNT} EVSEs × 7 days (click → updateComplete + layout)`);
  printTable([
    ['case', 'median ms', 'p90 ms', 'min ms', 'max ms'],
    ['widget: pick a port → grid rendered', ...Object.values(render.widget.portSelectToGridRenderedMs).slice(1)],
    ['widget: pick a start → updated', ...Object.values(render.widget.startSelectToUpdatedMs).slice(1)],
    [
      `<ev-slot-grid> alone: .days (7×48) → rendered`,
      ...Object.values(render.standaloneSlotGrid.firstRenderMs).slice(1),
    ],
    [
      '<ev-slot-grid> alone: .selected → updated',
      ...Object.values(render.standaloneSlotGrid.selectionUpdateMs).slice(1),
    ],
  ]);
  console.log('\nProxy (bench/proxy.mjs)');
  if (proxy?.skipped) console.log(`  skipped: ${proxy.skipped}`);
  else if (proxy?.sequential?.direct && proxy?.concurrent?.direct) {
    const row = (label, r) => [label, r.p50Ms, r.p99Ms, r.reqPerSec, r.requests];
    if (proxy.route) console.log(`route: ${proxy.route}`);
    printTable([
      ['', 'p50 ms', 'p99 ms', 'req/s', 'requests'],
      row('sequential, direct', proxy.sequential.direct),
      row('sequential, through the proxy', proxy.sequential.proxy),
      row(`${proxy.concurrent.concurrency} concurrent, direct`, proxy.concurrent.direct),
      row(`${proxy.concurrent.concurrency} concurrent, through the proxy`, proxy.concurrent.proxy),
    ]);
    if (proxy.overhead) {
      console.log(
        `added latency p50 ${proxy.overhead.sequentialP50Ms} ms, p99 ${proxy.overhead.sequentialP99Ms} ms; ` +
          `throughput ${Math.round(proxy.overhead.concurrentThroughputRatio * 100)} % of direct`,
      );
    }
  } else for (const [key, value] of flatten(proxy)) console.log(`  ${key}: ${value}`);

  const results = {
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: chromiumVersion(browserVersion),
      platform: `${process.platform} ${process.arch}`,
      bundle: 'dist/ev-booking-widget.js',
    },
    firstSlotVisible: load,
    rendering: render,
    proxy,
    durationS: round((performance.now() - began) / 1000),
  };
  writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote bench/results.json (${results.durationS} s)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  process.exit(0);
}
