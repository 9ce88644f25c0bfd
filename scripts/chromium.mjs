/**
 * The one place that says which Chromium the project drives headless and with which flags: the
 * browser tests (web-test-runner.config.mjs), the benchmarks and browser checks (bench/harness.mjs)
 * and the screenshots (scripts/screenshots.mjs).
 */
import { existsSync } from 'node:fs';

/** CHROME_PATH, else the first Chromium or Chrome found in the usual places, else null. */
export function chromiumPath() {
  return (
    process.env.CHROME_PATH ||
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p)) ||
    null
  );
}

/** Flags for a quiet, reproducible headless Chromium. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages that run side by side in background tabs: keep their timers and rendering alive. */
export const backgroundArgs = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
