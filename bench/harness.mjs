/**
 * Shared by the benchmarks (bench/run.mjs) and the browser checks (scripts/csp-check.mjs,
 * scripts/react-check.mjs): headless Chromium through puppeteer-core, the script-tag bundle, the
 * Ampeco simulator as a mock API, and a loopback HTTP server that serves pages and the API with a
 * per-response delay and a request timeline.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { backgroundArgs, chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bundlePath = `${root}dist/ev-booking-widget.js`;

/** Flags for a quiet, reproducible headless Chromium whose pages keep running in background tabs. */
export const CHROMIUM_ARGS = [...chromiumArgs, ...backgroundArgs];
export { chromiumPath };

export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Builds dist/ev-booking-widget.js (`vite build`, the script-tag bundle only) when it is missing. */
export function ensureBundle({ quiet = false } = {}) {
  if (existsSync(bundlePath)) return bundlePath;
  if (!quiet) console.log('dist/ev-booking-widget.js is missing: running `npx vite build` …');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: quiet ? 'ignore' : 'inherit',
  });
  if (result.status !== 0 || !existsSync(bundlePath)) throw new Error('vite build failed');
  return bundlePath;
}

let tsxRegistered = false;
/** Lets this process import the project's `.ts` modules (server/*.ts), once. */
export async function ensureTsx() {
  if (tsxRegistered) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
}

let simulatorModule;
/** The Ampeco simulator (server/simulator.ts, loaded through tsx). */
export async function createSimulator(options = {}) {
  if (!simulatorModule) {
    await ensureTsx();
    simulatorModule = await import('../server/simulator.ts');
  }
  return simulatorModule.createSimulator(options);
}

export const now = () => performance.timeOrigin + performance.now();

/**
 * A loopback server:
 * - `pages`: path → `{ body, type?, headers? }` (HTML, scripts) served as they are;
 * - `/ev-booking-widget.js`: the bundle, and the chunks beside it in `dist/` (`/i18n-de-….js`),
 *   each path logged in `scripts` when served;
 * - `${basePath}/…`: handed to `api(Request)` as `http://simulator.invalid/public-api/…` with a
 *   Bearer token (as the proxy would), answered after `delayMs` (changeable with `setDelay`).
 * Every API request is logged in `timeline` as `{ method, path, start, end }` (wall-clock ms).
 */
export async function startServer({ pages = {}, api, delayMs = 0, basePath = '/api/ampeco' } = {}) {
  let delay = delayMs;
  const timeline = [];
  const scripts = [];
  const bundle = existsSync(bundlePath) ? readFileSync(bundlePath) : null;
  const server = createServer(async (req, res) => {
    const start = now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname.startsWith(`${basePath}/`) && api) {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const headers = new Headers({ authorization: 'Bearer bench-token' });
        if (req.headers['content-type']) headers.set('content-type', req.headers['content-type']);
        const upstream = `http://simulator.invalid/public-api${url.pathname.slice(basePath.length)}${url.search}`;
        const response = await api(new Request(upstream, { method: req.method, headers, body }));
        const text = await response.text();
        const wait = delay - (now() - start);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        res.writeHead(response.status, {
          'content-type': response.headers.get('content-type') ?? 'application/json',
          'cache-control': 'no-store',
        });
        res.end(text);
        timeline.push({ method: req.method, path: url.pathname + url.search, start, end: now() });
        return;
      }
      if (url.pathname === '/ev-booking-widget.js' && bundle) {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        res.end(bundle);
        scripts.push(url.pathname);
        return;
      }
      const chunk = /^\/((?:i18n|chunk)-[\w-]+\.js)$/.exec(url.pathname)?.[1];
      if (chunk && existsSync(`${root}dist/${chunk}`)) {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        res.end(readFileSync(`${root}dist/${chunk}`));
        scripts.push(url.pathname);
        return;
      }
      const page = pages[url.pathname];
      if (page) {
        res.writeHead(200, {
          'content-type': page.type ?? 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...(page.headers ?? {}),
        });
        res.end(page.body);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    timeline,
    scripts,
    setDelay(ms) {
      delay = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * How many round trips depend on each other among `requests` (`{ start, end }`): the longest
 * chain where each request starts after the previous one's response was sent.
 */
export function dependentRoundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth = [];
  let max = 0;
  sorted.forEach((request, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j].end <= request.start) d = Math.max(d, depth[j] + 1);
    depth[i] = d;
    max = Math.max(max, d);
  });
  return max;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `<!doctype html>` page loading only the bundle (no inline script) with one widget. */
export function widgetPage(attributes, { title = 'ev-booking-widget' } = {}) {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${String(value).replace(/"/g, '&quot;')}"`)
    .join(' ');
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <script type="module" src="/ev-booking-widget.js"></script>
  </head>
  <body>
    <ev-booking-widget ${attrs}></ev-booking-widget>
  </body>
</html>
`;
}

/** In-page: the widget's first `button[data-start]`, through both shadow roots. */
export const FIRST_SLOT_SELECTOR = `document.querySelector('ev-booking-widget')?.shadowRoot
  ?.querySelector('ev-slot-grid')?.shadowRoot?.querySelector('button[data-start]')`;
