/**
 * Shared by the benchmarks (bench/run.mjs) and the browser checks (scripts/csp-check.mjs,
 * scripts/react-check.mjs): headless Chromium through puppeteer-core, the script-tag bundle, the
 * Ampeco simulator as a mock API, and a loopback HTTP server that serves pages and the API with a
 * per-response delay and a request timeline.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { backgroundArgs, chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const gzipOffThread = promisify(gzipCallback);

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

/** The newest modification time (ms) of the files under `dir`. */
function newestChange(dir) {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(`${entry.parentPath}/${entry.name}`).mtimeMs),
  );
}

/**
 * Builds dist/ev-booking-widget.js (`vite build`, the script-tag bundle only) when it is missing,
 * or, with `fresh`, older than a file of src/. The build is written to a folder of its own, then
 * moved into dist/ file by file, the entry last: test files that run at the same time (each may
 * build on a fresh clone) never read a file half written, nor an entry without its chunks.
 */
export function ensureBundle({ quiet = false, fresh = false } = {}) {
  const stale = fresh && existsSync(bundlePath) && statSync(bundlePath).mtimeMs < newestChange(`${root}src`);
  if (existsSync(bundlePath) && !stale) return bundlePath;
  if (!quiet)
    console.log(`dist/ev-booking-widget.js is ${stale ? 'older than src/' : 'missing'}: running \`npx vite build\` …`);
  const staging = `${root}dist/.build-${process.pid}-${Date.now()}`;
  try {
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', staging, '--emptyOutDir'], {
      cwd: root,
      stdio: quiet ? 'ignore' : 'inherit',
    });
    const entry = 'ev-booking-widget.js';
    if (result.status !== 0 || !existsSync(`${staging}/${entry}`)) throw new Error('vite build failed');
    const files = readdirSync(staging).sort((a, b) => Number(a === entry) - Number(b === entry));
    for (const file of files) renameSync(`${staging}/${file}`, `${root}dist/${file}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
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
let gatewayModule;
/**
 * The Ampeco simulator (server/simulator.ts, loaded through tsx) behind the booking gateway
 * (server/gateway.ts), as a page sees it: `fetch` takes the gateway's paths under
 * `http://simulator.invalid/public-api/…` (the v2 protocol: create with email, capabilities);
 * `upstream` is the bare simulator, for seeding. Limits are off: the bench and checks measure
 * the widget, not the gateway's abuse limits.
 */
export async function createSimulator(options = {}) {
  if (!simulatorModule) {
    await ensureTsx();
    simulatorModule = await import('../server/simulator.ts');
    gatewayModule = await import('../server/gateway.ts');
  }
  const upstream = simulatorModule.createSimulator(options);
  const gateway = gatewayModule.createGateway({
    upstreamUrl: 'http://simulator.invalid/public-api',
    basePath: '/public-api',
    token: 'bench-simulator-token',
    upstreamFetch: (request) => upstream.fetch(request),
    limits: false,
    log: () => {},
  });
  return { ...upstream, upstream, fetch: (request) => gateway.fetch(request) };
}

export const now = () => performance.timeOrigin + performance.now();

/**
 * A loopback server:
 * - `pages`: path → `{ body, type?, headers? }` (HTML, scripts) served as they are;
 * - `/ev-booking-widget.js`: the bundle, and the chunks beside it in `dist/` (`/i18n-de-….js`),
 *   each path logged in `scripts` when served; `scripts`: more, path → file (another build, whose
 *   chunks are served from beside its file: `/b/chunk-….js`);
 * - `${basePath}/…`: handed to `api(Request)` as `http://simulator.invalid/public-api/…` with a
 *   Bearer token (as the proxy would), answered after `delayMs` (changeable with `setDelay`);
 * - with `compress` (changeable with `setCompression`), the API's answers and the bundle gzipped
 *   for a client that accepts gzip, as the gateway does;
 * - `scriptHeaders`: more headers on the bundle and its chunks (a CDN's
 *   `access-control-allow-origin: *`, which a module script from another origin needs).
 * Every API request is logged in `timeline` as `{ method, path, start, end, bytes, rawBytes,
 * gzipBytes }` (wall-clock ms; body bytes sent, uncompressed, and what gzip makes of them);
 * `inFlight` counts the API requests not answered yet.
 */
export async function startServer({
  pages = {},
  scripts: scriptFiles = {},
  api,
  delayMs = 0,
  basePath = '/api/ampeco',
  compress = false,
  scriptHeaders = {},
} = {}) {
  let delay = delayMs;
  let compression = compress;
  let inFlight = 0;
  const timeline = [];
  const scripts = [];
  const bundle = existsSync(bundlePath) ? readFileSync(bundlePath) : null;
  /** The bundle, or a chunk beside it in dist/ (`/i18n-de-….js`), or null. */
  const otherScripts = new Map(Object.entries(scriptFiles).map(([path, file]) => [path, readFileSync(file)]));
  const scriptAt = (pathname) => {
    if (otherScripts.has(pathname)) return otherScripts.get(pathname);
    if (pathname === '/ev-booking-widget.js') return bundle;
    // A chunk: beside the bundle in dist/, or beside another build (`/b/chunk-….js` next to `/b/ev-booking-widget.js`).
    const [, folder, chunk] = /^(.*\/)((?:i18n|chunk)-[\w-]+\.js)$/.exec(pathname) ?? [];
    if (!chunk) return null;
    const other = Object.entries(scriptFiles).find(
      ([path]) => path.startsWith(folder) && !path.slice(folder.length).includes('/'),
    );
    const file = other ? `${dirname(other[1])}/${chunk}` : folder === '/' ? `${root}dist/${chunk}` : null;
    return file && existsSync(file) ? readFileSync(file) : null;
  };
  // Answers repeat from one load to the next: each compressed once (the server must keep its delay).
  const compressed = new Map();
  const gzipOf = (raw) => {
    const key = raw.toString('latin1');
    if (!compressed.has(key)) {
      if (compressed.size >= 32) compressed.delete(compressed.keys().next().value);
      compressed.set(key, gzipSync(raw));
    }
    return compressed.get(key);
  };
  const acceptsGzip = (req) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const server = createServer(async (req, res) => {
    const start = now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname.startsWith(`${basePath}/`) && api) {
        inFlight++;
        try {
          await answerApi(req, res, url, start);
        } finally {
          inFlight--;
        }
        return;
      }
      const script = scriptAt(url.pathname);
      if (script) {
        const gzip = compression && acceptsGzip(req);
        res.writeHead(200, {
          'content-type': 'text/javascript',
          'cache-control': 'no-store',
          ...scriptHeaders,
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        res.end(gzip ? gzipOf(script) : script);
        scripts.push(url.pathname);
        return;
      }
      const page =
        pages[url.pathname] ?? (url.pathname === '/blank' ? { body: '<!doctype html><title>blank</title>' } : null);
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
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });

  async function answerApi(req, res, url, start) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers({ authorization: 'Bearer bench-token' });
    if (req.headers['content-type']) headers.set('content-type', req.headers['content-type']);
    // The booking's capability (SPEC §9): the gateway in front of the simulator reads it.
    if (req.headers['x-booking-capability']) headers.set('x-booking-capability', req.headers['x-booking-capability']);
    const upstream = `http://simulator.invalid/public-api${url.pathname.slice(basePath.length)}${url.search}`;
    const response = await api(new Request(upstream, { method: req.method, headers, body }));
    const raw = Buffer.from(await response.text());
    // Compressed on libuv's threads, within the delay: a big site's 750 KB answers compressed on the
    // event loop (~10 ms each, more on a busy machine) held back the answers asked at the same time.
    const gzipped = await gzipOffThread(raw);
    const gzip = compression && acceptsGzip(req);
    const wait = delay - (now() - start);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(gzip ? gzipped : raw);
    timeline.push({
      method: req.method,
      path: url.pathname + url.search,
      start,
      end: now(),
      bytes: gzip ? gzipped.length : raw.length,
      rawBytes: raw.length,
      gzipBytes: gzipped.length,
    });
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    timeline,
    scripts,
    get inFlight() {
      return inFlight;
    },
    setDelay(ms) {
      delay = ms;
    },
    setCompression(on) {
      compression = on;
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

/** `<!doctype html>` page loading only the bundle (`src`; no inline script) with one widget. */
export function widgetPage(attributes, { title = 'ev-booking-widget', src = '/ev-booking-widget.js' } = {}) {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${String(value).replace(/"/g, '&quot;')}"`)
    .join(' ');
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <script type="module" src="${src}"></script>
  </head>
  <body>
    <ev-booking-widget ${attrs}></ev-booking-widget>
  </body>
</html>
`;
}

/**
 * In-page: the widget's first start (any element with `data-start`: a button, a radio, a grid
 * cell), through both shadow roots.
 */
export const FIRST_SLOT_SELECTOR = `document.querySelector('ev-booking-widget')?.shadowRoot
  ?.querySelector('ev-slot-grid')?.shadowRoot?.querySelector('[data-start]')`;
