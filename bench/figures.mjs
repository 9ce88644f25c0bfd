/**
 * The headline figures of a bench run, as one flat list (`key → value`), and the same figures of
 * earlier runs to print beside them: the committed bench/results.json (whatever its shape) and
 * issue 15's measurement of main before the speed work.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { root } from './harness.mjs';

/** key, label, unit. */
export const FIGURES = [
  ['demo.firstStart100', 'demo: first start, 100 ms per response', 'ms'],
  ['demo.firstStart400', 'demo: first start, 400 ms per response', 'ms'],
  ['floor.firstStart100', 'floor (bench/floor.mjs): first start, 100 ms', 'ms'],
  ['floor.firstStart400', 'floor (bench/floor.mjs): first start, 400 ms', 'ms'],
  ['demo.roundTrips', 'demo: dependent round trips before it', ''],
  ['demo.criticalRequests', 'demo: requests before it', ''],
  ['demo.criticalBytes', 'demo: API bytes before it, uncompressed', 'B'],
  ['demo.criticalBytesGzip', 'demo: API bytes before it, gzip', 'B'],
  ['demo.mainThread', 'demo: main-thread work during the load (CPU)', 'ms'],
  ['demo.mainThreadWall', 'demo: main-thread work during the load (wall)', 'ms'],
  ['demo.longestTask', 'demo: longest task', 'ms'],
  ['big.firstStart100', 'big site: first start, 100 ms per response', 'ms'],
  ['floor.big.firstStart100', 'floor (bench/floor.mjs), big site: first start, 100 ms', 'ms'],
  ['big.firstStart100Gzip', 'big site: first start, 100 ms, gzip', 'ms'],
  ['big.firstStart400', 'big site: first start, 400 ms per response', 'ms'],
  ['big.firstStart400Gzip', 'big site: first start, 400 ms, gzip', 'ms'],
  ['big.roundTrips', 'big site: dependent round trips before it', ''],
  ['big.criticalRequests', 'big site: requests before it', ''],
  ['big.criticalBytes', 'big site: API bytes before it, uncompressed', 'B'],
  ['big.criticalBytesGzip', 'big site: API bytes before it, gzip', 'B'],
  ['big.mainThread', 'big site: main-thread work during the load (CPU)', 'ms'],
  ['big.mainThreadWall', 'big site: main-thread work during the load (wall)', 'ms'],
  ['big.longestTask', 'big site: longest task', 'ms'],
  ['big.longestFrame', 'big site: longest frame', 'ms'],
  ['big.portList', 'big site: port list of 200, from navigation', 'ms'],
  ['big.portListAfterData', 'big site: port list of 200, after its data', 'ms'],
  ['grid.portPick', 'widget, 40 ports: pick a port → grid rendered', 'ms'],
  ['grid.startPick', 'widget, 40 ports: pick a start → updated', 'ms'],
  ['grid.render', '<ev-slot-grid> alone: 7 × 48 starts rendered', 'ms'],
  ['grid.select', '<ev-slot-grid> alone: selection updated', 'ms'],
];

/** Issue 15's figures for main before the speed work (a performance trace, medians). */
export const ISSUE_15 = {
  'demo.firstStart100': 470,
  'demo.firstStart400': 1030,
  'demo.roundTrips': 2,
  'big.firstStart100': 1040,
  'big.criticalRequests': 26,
  'big.criticalBytes': 3_150_000,
  'big.mainThreadWall': 1629,
  'big.longestFrame': 818,
  'big.portList': 2000,
  'grid.portPick': 15.4,
  'grid.startPick': 8.9,
};

/** The headline figures of this run's results. */
export function figuresOf({ load, rendering }) {
  const demo100 = load['demo, 100 ms'];
  const big100 = load['big site, 100 ms'];
  const ports = load['big site, all ports, 100 ms'];
  const value = (object, key) => object?.[key] ?? null;
  return {
    'demo.firstStart100': value(demo100, 'firstStartMs'),
    'demo.firstStart400': value(load['demo, 400 ms'], 'firstStartMs'),
    'floor.firstStart100': value(load['floor, 100 ms'], 'firstStartMs'),
    'floor.firstStart400': value(load['floor, 400 ms'], 'firstStartMs'),
    'demo.roundTrips': value(demo100, 'dependentRoundTrips'),
    'demo.criticalRequests': value(demo100?.critical, 'requests'),
    'demo.criticalBytes': value(demo100?.critical, 'rawBytes'),
    'demo.criticalBytesGzip': value(demo100?.critical, 'gzipBytes'),
    'demo.mainThread': value(demo100, 'mainThreadMs'),
    'demo.mainThreadWall': value(demo100, 'mainThreadWallMs'),
    'demo.longestTask': value(demo100, 'longestTaskMs'),
    'big.firstStart100': value(big100, 'firstStartMs'),
    'floor.big.firstStart100': value(load['floor, big site, 100 ms'], 'firstStartMs'),
    'big.firstStart100Gzip': value(load['big site, 100 ms, gzip'], 'firstStartMs'),
    'big.firstStart400': value(load['big site, 400 ms'], 'firstStartMs'),
    'big.firstStart400Gzip': value(load['big site, 400 ms, gzip'], 'firstStartMs'),
    'big.roundTrips': value(big100, 'dependentRoundTrips'),
    'big.criticalRequests': value(big100?.critical, 'requests'),
    'big.criticalBytes': value(big100?.critical, 'rawBytes'),
    'big.criticalBytesGzip': value(big100?.critical, 'gzipBytes'),
    'big.mainThread': value(big100, 'mainThreadMs'),
    'big.mainThreadWall': value(big100, 'mainThreadWallMs'),
    'big.longestTask': value(big100, 'longestTaskMs'),
    'big.longestFrame': value(big100, 'longestFrameMs'),
    'big.portList': value(ports, 'portListMs'),
    'big.portListAfterData': value(ports, 'portListAfterItsDataMs'),
    'grid.portPick': rendering?.widget?.portSelectToGridRenderedMs?.median ?? null,
    'grid.startPick': rendering?.widget?.startSelectToUpdatedMs?.median ?? null,
    'grid.render': rendering?.standaloneSlotGrid?.firstRenderMs?.median ?? null,
    'grid.select': rendering?.standaloneSlotGrid?.selectionUpdateMs?.median ?? null,
  };
}

/** The figures of results written before the figures list existed (bench/results.json until issue 15). */
function figuresOfOldResults(old) {
  const at = (delay) => old.firstSlotVisible?.[`${delay}ms`];
  return {
    'demo.firstStart100': at(100)?.firstSlotMs?.median ?? null,
    'demo.firstStart400': at(400)?.firstSlotMs?.median ?? null,
    'demo.roundTrips': at(100)?.dependentRoundTrips ?? null,
    'demo.criticalRequests': at(100)?.requestsBeforeFirstSlot ?? null,
    'grid.portPick': old.rendering?.widget?.portSelectToGridRenderedMs?.median ?? null,
    'grid.startPick': old.rendering?.widget?.startSelectToUpdatedMs?.median ?? null,
    'grid.render': old.rendering?.standaloneSlotGrid?.firstRenderMs?.median ?? null,
    'grid.select': old.rendering?.standaloneSlotGrid?.selectionUpdateMs?.median ?? null,
  };
}

/** The committed bench/results.json's date, commit and figures, or null. */
export function committedFigures() {
  let text;
  try {
    text = execFileSync('git', ['show', 'HEAD:bench/results.json'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch {
    try {
      text = readFileSync(`${root}bench/results.json`, 'utf8');
    } catch {
      return null;
    }
  }
  const old = JSON.parse(text);
  return {
    date: old.date,
    commit: old.environment?.commit ?? null,
    figures: old.figures ?? figuresOfOldResults(old),
  };
}
