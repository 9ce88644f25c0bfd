/** Printing a bench run: the headline figures beside the previous ones, then the details. */
import { FIGURES } from './figures.mjs';

export function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? String(cell ?? '').padEnd(widths[c]) : String(cell ?? '').padStart(widths[c])))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

const show = (value, unit) => {
  if (value === null || value === undefined) return '–';
  if (unit === 'B') return value >= 10_000 ? `${Math.round(value / 1000).toLocaleString('en')} kB` : `${value} B`;
  return `${value.toLocaleString('en')}${unit ? ` ${unit}` : ''}`;
};

export function printFigures(figures, previous) {
  printTable([
    ['figure', 'now', `committed (${previous.committed?.date?.slice(0, 10) ?? '–'})`, 'issue 15 (main before)'],
    ...FIGURES.map(([key, label, unit]) => [
      label,
      show(figures[key], unit),
      show(previous.committed?.figures?.[key], unit),
      show(previous.issue15[key], unit),
    ]),
  ]);
}

export function printLoads(load) {
  printTable([
    [
      'case',
      'first start',
      'p90',
      'nav → 1st request',
      'last answer → start',
      'round trips',
      'requests',
      'API kB sent',
      'main thread CPU',
      'wall',
      'longest task',
      'longest frame',
      'port list',
    ],
    ...Object.entries(load).map(([name, r]) => [
      name,
      r.firstStartMs,
      r.firstStartP90Ms,
      r.navigationToFirstRequestMs,
      r.lastResponseToFirstStartMs,
      r.dependentRoundTrips,
      r.critical.requests,
      r.critical.bytes === null ? null : Math.round(r.critical.bytes / 100) / 10,
      r.mainThreadMs,
      r.mainThreadWallMs,
      r.longestTaskMs,
      r.longestFrameMs,
      r.portListMs ?? '',
    ]),
  ]);
}

/** The longest frame of some cases: its length, its rendering and its scripts by source. */
export function printFrames(load) {
  for (const [name, r] of Object.entries(load)) {
    const frame = r.longestFrame;
    if (!frame || name.endsWith('[B]')) continue;
    console.log(
      `${name}: ${frame.durationMs} ms: rendering ${frame.renderingMs} ms, ` +
        `other work (no script of 5 ms or more) ${frame.otherMs} ms, scripts:`,
    );
    for (const script of frame.scripts) {
      console.log(
        `  ${script.ms} ms  ${script.invoker} → ${script.what} (forced style and layout ${script.forcedStyleAndLayoutMs} ms)`,
      );
    }
  }
}

export function printProfile(profile) {
  if (!profile || profile.error) {
    console.log(`  ${profile?.error ?? 'skipped'}`);
    return;
  }
  console.log(`sampled ${profile.sampledMs} ms of main-thread work (idle left out)`);
  printTable([['self time by origin', 'ms'], ...profile.byOrigin.map((r) => [r.what, r.ms])]);
  console.log('');
  printTable([['top functions (self time)', 'ms'], ...profile.topFunctions.map((r) => [r.what, r.ms])]);
  const stretch = profile.longestBusyStretch;
  if (stretch) {
    console.log('');
    printTable([
      [`longest stretch without idle (${stretch.ms} ms), by origin`, 'ms'],
      ...stretch.byOrigin.map((r) => [r.what, r.ms]),
    ]);
  }
}

export function printRendering(render) {
  const row = (label, s) => [label, ...(s ? [s.median, s.p90, s.min, s.max] : ['–', '', '', ''])];
  printTable([
    ['case', 'median ms', 'p90 ms', 'min ms', 'max ms'],
    row('widget: pick a port → grid rendered', render.widget?.portSelectToGridRenderedMs),
    row('widget: pick a start → updated', render.widget?.startSelectToUpdatedMs),
    row('<ev-slot-grid> alone: .days (7×48) → rendered', render.standaloneSlotGrid?.firstRenderMs),
    row('<ev-slot-grid> alone: .selected → updated', render.standaloneSlotGrid?.selectionUpdateMs),
  ]);
  for (const part of [render.widget, render.standaloneSlotGrid]) if (part?.error) console.log(`  ${part.error}`);
}

/** The proxy's figures, whatever their shape: flattened `a.b.c = value` lines. */
function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key));
}

export function printProxy(proxy) {
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
}
