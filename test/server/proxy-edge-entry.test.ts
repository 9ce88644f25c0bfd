/**
 * `ev-booking-widget/proxy` on an edge runtime (Cloudflare Workers, Vercel Edge, Deno Deploy): the
 * web entry (server/web.ts), built with the real Vite config (`--mode edge`) into a temporary
 * directory, holds no Node built-in anywhere (not even in a chunk loaded later), and works in a
 * Node process where loading any built-in from it fails and `Buffer` is absent to it: the simulator's
 * pages, a create with its Web Crypto capability, and the read that capability allows.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every module specifier a built file imports, statically or with `import()`, and its `require`s. */
function specifiersOf(code: string): string[] {
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');

/** Module hooks for the child: a Node built-in imported by a file of `outDir` fails to load. */
const HOOKS = `
const outDir = process.env.EDGE_OUT_DIR;
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('node:') && context.parentURL?.startsWith(outDir)) {
    throw new Error('the edge entry loads a Node built-in: ' + specifier + ' from ' + context.parentURL);
  }
  return resolved;
}`;

/** What the child does with the built entry: the widget's calls through a simulated tenant. */
const SCRIPT = `
const nodeBuffer = globalThis.Buffer;
Object.defineProperty(globalThis, 'Buffer', {
  configurable: true,
  get() {
    // Node's own code keeps it; to the edge entry it is absent, as on edge runtimes.
    const caller = new Error().stack.split('\\n')[2] ?? '';
    return caller.includes(process.env.EDGE_OUT_DIR) ? undefined : nodeBuffer;
  },
});
const { createProxy, createSimulator } = await import(process.env.EDGE_ENTRY);
const simulator = createSimulator({ now: () => Date.parse('2026-03-01T06:00:00Z'), pendingMs: 60000 });
const proxy = createProxy({
  upstreamUrl: 'http://simulator.invalid/public-api',
  token: 'simulator-token',
  upstreamFetch: (request) => simulator.fetch(request),
  now: () => Date.parse('2026-03-01T06:00:00Z'),
});
const base = 'http://edge.test/api/ampeco';
const health = await proxy(new Request('http://edge.test/healthz'));
const page = await (await proxy(new Request(base + '/resources/charge-points/v2.0?filter[locationId]=7&per_page=1'))).json();
const next = page.links.next === null ? null : await proxy(new Request(page.links.next));
const created = await proxy(new Request(base + '/resources/booking-requests/v1.0', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ type: 'create', email: 'driver@example.com', locationId: 7, startAt: '2026-03-02T10:00:00Z',
    endAt: '2026-03-02T11:00:00Z', evseId: 11, externalId: crypto.randomUUID() }),
}));
const answer = await created.json();
const read = await proxy(new Request(base + '/resources/booking-requests/v1.0/' + answer.data.id, {
  headers: { 'x-booking-capability': answer.meta.capability },
}));
console.log(JSON.stringify({ health: health.status, nextPage: next?.status ?? null, created: created.status, read: read.status }));
`;

describe('the edge entry, built', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ev-edge-'));
  let files: string[] = [];

  before(async () => {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'edge',
      logLevel: 'silent',
      build: { outDir: join(outDir, 'web'), emptyOutDir: true, sourcemap: false },
    });
    files = readdirSync(join(outDir, 'web'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(outDir, 'web', name));
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('imports no Node built-in, in any file, statically or later', () => {
    assert.ok(
      files.some((file) => file.endsWith(join('web', 'index.js'))),
      `built: ${files.join(', ')}`,
    );
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      assert.deepEqual(specifiersOf(code).filter(isBuiltin), [], file);
      assert.doesNotMatch(code, /createRequire/, file);
      // A built-in that the worker build replaced by Vite's empty stand-in: code that expects Node.
      assert.doesNotMatch(code, /vite[_-]browser[_-]external/, file);
    }
  });

  it('serves the widget’s calls where Node’s built-ins cannot be loaded, without Buffer', () => {
    const hooks = join(outDir, 'hooks.mjs');
    writeFileSync(hooks, HOOKS);
    const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
    const child = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '--eval', SCRIPT],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'] ?? '',
          EDGE_OUT_DIR: pathToFileURL(join(outDir, 'web')).href,
          EDGE_ENTRY: pathToFileURL(join(outDir, 'web', 'index.js')).href,
        },
      },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { health: 200, nextPage: 200, created: 201, read: 200 });
  });
});

describe('ev-booking-widget/proxy, as runtimes resolve it', () => {
  /** Where `specifier` resolves from inside the package with these export conditions. */
  const resolved = (specifier: string, conditions: readonly string[]): string => {
    const child = spawnSync(
      process.execPath,
      [
        ...conditions.map((condition) => `--conditions=${condition}`),
        '--input-type=module',
        '--eval',
        `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(child.status, 0, child.stderr);
    return fileURLToPath(child.stdout.trim()).slice(root.length);
  };

  it('is the web entry on Workers, Vercel Edge and other workers; the Node module on Node, Deno and Bun', () => {
    for (const condition of ['workerd', 'edge-light', 'worker', 'browser']) {
      assert.equal(resolved('ev-booking-widget/proxy', [condition]), 'dist/server/web/index.js', condition);
    }
    assert.equal(resolved('ev-booking-widget/proxy', []), 'dist/server/index.js');
    assert.equal(resolved('ev-booking-widget/proxy', ['deno']), 'dist/server/index.js');
    assert.equal(resolved('ev-booking-widget/proxy/web', []), 'dist/server/web/index.js');
  });
});
