/**
 * Cold loads of the widget page, measured from navigation start: when the first start time
 * appears, when a port list of N appears, which API requests were on the critical path (how many,
 * how many bytes, how many dependent round trips), and how much main-thread work the load took
 * (Chrome DevTools Protocol `Performance.getMetrics` TaskDuration: the main thread's CPU time, and
 * its wall-clock time) with its longest task and frame (`longtask` and `long-animation-frame` entries).
 *
 * `loadOnce` measures one load of one case in a fresh browser context; the caller interleaves the
 * cases run by run, so that noise on the shared machine hits every case alike.
 */
import { dependentRoundTrips } from './harness.mjs';
import { bundleSource } from './profile.mjs';

/**
 * Runs in the page before any of its scripts: every frame, looks through all shadow roots for the
 * first element with `data-start` (a start button, radio or grid cell, whatever the slot grid's
 * markup) and, with `ports`, for a shadow root offering at least that many choices (radios or
 * options) and no start; keeps the long tasks and long animation frames. Stops looking once it
 * has seen what it waits for, so that it adds no work to the rest of the load.
 */
function pageProbe({ ports }) {
  const bench = (window.__bench = { longTasks: [], longFrames: [] });
  const roots = (root, found = []) => {
    found.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots(element.shadowRoot, found);
    return found;
  };
  const choices = 'input[type=radio], [role=radio], [role=option], option';
  const check = () => {
    const all = roots(document);
    const t = performance.now();
    if (bench.firstStart === undefined && all.some((root) => root.querySelector('[data-start]'))) {
      bench.firstStart = t;
    }
    if (
      ports &&
      bench.ports === undefined &&
      all.some((root) => !root.querySelector('[data-start]') && root.querySelectorAll(choices).length >= ports)
    ) {
      bench.ports = t;
    }
    if (bench.firstStart === undefined || (ports && bench.ports === undefined)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  /** The longest animation frame: its scripts (where they start in which file) and its rendering. */
  const keepLongest = (entry) => {
    if (entry.duration <= (bench.longestFrame?.durationMs ?? 0)) return;
    bench.longestFrame = {
      durationMs: entry.duration,
      renderingMs: entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0,
      scripts: entry.scripts.map((script) => ({
        invoker: script.invoker,
        sourceURL: script.sourceURL,
        sourceFunctionName: script.sourceFunctionName,
        sourceCharPosition: script.sourceCharPosition,
        durationMs: script.duration,
        forcedStyleAndLayoutMs: script.forcedStyleAndLayoutDuration,
      })),
    };
  };
  const observe = (type, list) => {
    try {
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) {
          list.push(entry.duration);
          if (type === 'long-animation-frame') keepLongest(entry);
        }
      }).observe({ type, buffered: true });
    } catch {
      /* not supported by this browser */
    }
  };
  observe('longtask', bench.longTasks);
  observe('long-animation-frame', bench.longFrames);
}

const metric = (metrics, name) => metrics.metrics.find((m) => m.name === name)?.value ?? 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sum = (values) => values.reduce((a, b) => a + b, 0);

/** Waits until no API request is in flight or new for `quietMs` (at most `maxMs`). */
async function apiQuiet(server, quietMs = 300, maxMs = 15_000) {
  const deadline = Date.now() + maxMs;
  let seen = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    if (server.inFlight > 0 || server.timeline.length !== seen) {
      seen = server.timeline.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await sleep(25);
  }
}

/** Request totals of a part of the timeline. */
function traffic(requests) {
  return {
    requests: requests.length,
    bytes: sum(requests.map((r) => r.bytes)),
    rawBytes: sum(requests.map((r) => r.rawBytes)),
    gzipBytes: sum(requests.map((r) => r.gzipBytes)),
  };
}

/**
 * One cold load of `path` on `server` with the given response delay and compression, in a fresh
 * browser context. `ports`: also wait for a port list of that many choices (and give a start
 * `extraMs` more to appear, as a list without a chosen port may show none).
 */
export async function loadOnce(browser, server, { path, delayMs, gzip, ports = 0, extraMs = 1000 }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    // A same-origin blank page first, so that the renderer (and its metrics) is the one the
    // measured page runs in.
    await page.goto(`${server.url}/blank`);
    await page.evaluateOnNewDocument(pageProbe, { ports });
    // Two clocks: thread ticks, the main thread's own CPU time, which other processes on a shared
    // machine do not inflate; and wall-clock time, as a trace shows the tasks.
    const wallClock = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await wallClock.send('Performance.enable', { timeDomain: 'timeTicks' });
    const before = await cdp.send('Performance.getMetrics');
    const wallBefore = await wallClock.send('Performance.getMetrics');
    server.setDelay(delayMs);
    server.setCompression(gzip);
    server.timeline.length = 0;
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      (ports) =>
        window.__bench && (ports ? window.__bench.ports !== undefined : window.__bench.firstStart !== undefined),
      { timeout: 30_000, polling: 50 },
      ports,
    );
    await apiQuiet(server);
    if (ports) {
      await page
        .waitForFunction(() => window.__bench.firstStart !== undefined, { timeout: extraMs, polling: 50 })
        .catch(() => undefined);
    }
    // Two frames after the last answer: the load's work is done.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await sleep(100);
    const after = await cdp.send('Performance.getMetrics');
    const wallAfter = await wallClock.send('Performance.getMetrics');
    const probe = await page.evaluate(() => ({ ...window.__bench, origin: performance.timeOrigin }));
    return summarize(server.timeline, probe, {
      taskMs: (metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) * 1000,
      taskWallMs: (metric(wallAfter, 'TaskDuration') - metric(wallBefore, 'TaskDuration')) * 1000,
      scriptMs: (metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000,
      layoutAndStyleMs:
        (metric(after, 'LayoutDuration') +
          metric(after, 'RecalcStyleDuration') -
          metric(before, 'LayoutDuration') -
          metric(before, 'RecalcStyleDuration')) *
        1000,
      heapUsedMB: metric(after, 'JSHeapUsedSize') / 2 ** 20,
    });
  } finally {
    await context.close();
  }
}

/** The longest frame's scripts, each named by the source its function comes from. */
function describeFrame(frame) {
  const round = (ms) => Math.round(ms * 10) / 10;
  return {
    durationMs: round(frame.durationMs),
    renderingMs: round(frame.renderingMs),
    // Neither a script of 5 ms or more (the smallest the browser reports) nor rendering.
    otherMs: round(frame.durationMs - frame.renderingMs - frame.scripts.reduce((all, s) => all + s.durationMs, 0)),
    scripts: frame.scripts
      .filter((script) => script.durationMs >= 1)
      .map((script) => ({
        what: script.sourceURL.endsWith('/ev-booking-widget.js')
          ? bundleSource(script.sourceCharPosition)
          : `${script.invoker} ${script.sourceFunctionName}`.trim(),
        invoker: script.invoker,
        ms: round(script.durationMs),
        forcedStyleAndLayoutMs: round(script.forcedStyleAndLayoutMs),
      })),
  };
}

function summarize(timeline, probe, work) {
  const wall = (t) => (t === undefined ? undefined : probe.origin + t);
  const firstStartWall = wall(probe.firstStart);
  const critical = firstStartWall === undefined ? [] : timeline.filter((r) => r.end <= firstStartWall);
  const firstRequest = Math.min(...timeline.map((r) => r.start));
  const result = {
    firstStartMs: probe.firstStart ?? null,
    navigationToFirstRequestMs: timeline.length ? firstRequest - probe.origin : null,
    lastResponseToFirstStartMs: critical.length ? firstStartWall - Math.max(...critical.map((r) => r.end)) : null,
    dependentRoundTrips: critical.length ? dependentRoundTrips(critical) : null,
    critical: traffic(critical),
    load: traffic(timeline),
    mainThreadMs: work.taskMs,
    mainThreadWallMs: work.taskWallMs,
    scriptMs: work.scriptMs,
    layoutAndStyleMs: work.layoutAndStyleMs,
    heapUsedMB: work.heapUsedMB,
    longestTaskMs: Math.max(0, ...probe.longTasks),
    longTasksTotalMs: sum(probe.longTasks),
    longestFrameMs: Math.max(0, ...probe.longFrames),
    longestFrame: probe.longestFrame && describeFrame(probe.longestFrame),
    timeline: timeline
      .map((r) => ({
        request: `${r.method} ${r.path.replace(/^\/api\/ampeco/, '').replace(/\?.*$/, (q) => (q.length > 30 ? `${q.slice(0, 30)}…` : q))}`,
        startMs: r.start - probe.origin,
        endMs: r.end - probe.origin,
        bytes: r.bytes,
        critical: firstStartWall !== undefined && r.end <= firstStartWall,
      }))
      .sort((a, b) => a.startMs - b.startMs),
  };
  if (probe.ports !== undefined) {
    const portsWall = wall(probe.ports);
    const portData = timeline.filter((r) => r.end <= portsWall && /charge-points/.test(r.path));
    const allData = timeline.filter((r) => r.end <= portsWall);
    result.portListMs = probe.ports;
    result.portListAfterItsDataMs = portData.length ? portsWall - Math.max(...portData.map((r) => r.end)) : null;
    result.portListAfterLastResponseMs = allData.length ? portsWall - Math.max(...allData.map((r) => r.end)) : null;
  }
  return result;
}
