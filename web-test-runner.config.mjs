import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { register } from 'tsx/esm/api';
import { backgroundArgs, chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const require = createRequire(import.meta.url);
const mswWorkerPath = require.resolve('msw/mockServiceWorker.js');

/** Serves msw's service worker at the site root, where it must live to control the test pages. */
const mswWorkerPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: readFileSync(mswWorkerPath, 'utf8'), type: 'js' };
    }
    return undefined;
  },
};

/**
 * `forced-colors` emulation (Windows High Contrast), which puppeteer's emulateMedia does not offer:
 * the `emulate-forced-colors` command sets it through the DevTools protocol, with an optional
 * colour scheme (the call replaces every emulated feature). See test/support/forced-colors.ts.
 */
const forcedColorsPlugin = {
  name: 'emulate-forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    const page = session.browser.getPage(session.id);
    const cdp = await page.createCDPSession();
    const features = [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }];
    if (payload?.colorScheme) features.push({ name: 'prefers-color-scheme', value: payload.colorScheme });
    await cdp.send('Emulation.setEmulatedMedia', { features });
    return true;
  },
};

/**
 * The real proxy in front of the Ampeco simulator, on its own port, for the end-to-end test: the
 * widget on the test page (another origin) books through it, CORS and all. The page reads the
 * proxy's API base from `/__e2e/api-base`.
 */
function e2eProxyPlugin() {
  let proxy;
  return {
    name: 'e2e-proxy',
    async serverStart({ config }) {
      register();
      const { startProxyServer } = await import('./server/node-server.ts');
      const { createSimulator } = await import('./server/simulator.ts');
      const simulator = createSimulator({ pendingMs: 300 });
      proxy = await startProxyServer({
        host: '127.0.0.1',
        port: 0,
        basePath: '/api/ampeco',
        upstreamUrl: 'http://simulator.invalid/public-api',
        token: 'e2e-simulator-token',
        upstreamFetch: (request) => simulator.fetch(request),
        allowedOrigins: [`http://${config.hostname}:${config.port}`],
        limits: false,
      });
    },
    async serverStop() {
      await proxy?.close();
    },
    serve(context) {
      if (context.path === '/__e2e/api-base') {
        return { body: JSON.stringify({ apiBase: `${proxy.url}/api/ampeco` }), type: 'json' };
      }
      return undefined;
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One test page at a time: a second page would be a hidden tab, where animation frames do not run.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 5 * 60 * 1000,
  plugins: [
    mswWorkerPlugin,
    forcedColorsPlugin,
    // Chromium's own accessibility tree (the names a screen reader gets), beside axe's computation.
    a11ySnapshotPlugin(),
    e2eProxyPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      // Each test file in its own browser context: its own window (so never a hidden background tab,
      // where animation frames stop) and its own service worker registrations (msw stays per file).
      createBrowserContext: ({ browser }) => browser.createBrowserContext(),
      launchOptions: {
        executablePath: chromiumPath() ?? undefined,
        headless: true,
        // Test pages run side by side in background tabs: keep their timers and rendering alive.
        args: [...chromiumArgs, ...backgroundArgs],
      },
    }),
  ],
};
