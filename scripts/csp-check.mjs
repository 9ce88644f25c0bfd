#!/usr/bin/env node
/**
 * Verifies that the script-tag bundle works under a strict Content Security Policy:
 *
 *   default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'
 *
 * (no inline scripts or styles, no eval). A page with only `dist/ev-booking-widget.js` and one
 * `<ev-booking-widget>` is served with that header and the Ampeco simulator as its same-origin API;
 * in headless Chromium the widget must render its ports, show start times for a port, and cause
 * no `securitypolicyviolation`. Lit's styles are constructable stylesheets (`adoptedStyleSheets`),
 * which `style-src` does not govern. A control page with an inline script must record a
 * violation, which shows the listener works.
 *
 * The languages besides English are chunks beside the bundle (`dist/i18n-de-….js`), loaded with
 * `import()` from the same origin: the English page must load none, and a German page (same CSP)
 * must load its chunk (and, once its start times are shown, its booking texts' chunk), and no other
 * language's, show German and cause no violation either. The booking stage is a chunk too
 * (`dist/chunk-booking-stage-….js`): the English page loads it only once a start time is picked,
 * under the same policy and without a violation; before that, the only chunks it may load are
 * the booking parts (the email form's code, once the first start times are on screen), the port
 * list's cards (once the ports' details are here, after the first start times) and its filters
 * (the simulator's ports differ in connector).
 *
 * Usage: `node scripts/csp-check.mjs` (builds the bundle when dist/ is missing); exit 1 on failure.
 * `runCspCheck()` is exported for test/node/csp.test.ts.
 */
import { fileURLToPath } from 'node:url';
import {
  createSimulator,
  ensureBundle,
  launchBrowser,
  startServer,
  widgetPage,
  FIRST_SLOT_SELECTOR,
} from '../bench/harness.mjs';

export const STRICT_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'";

/** Runs in the page before any of its scripts: records CSP violations. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sample: event.sample,
    });
  });
}

/**
 * @returns {Promise<{ ok: boolean, ports: string[], slots: number, styled: boolean, violations: object[],
 *   englishChunks: string[], german: { chunks: string[], violations: object[] }, consoleErrors: string[],
 *   controlViolations: object[], ms: number }>}
 */
export async function runCspCheck({ timeoutMs = 15_000 } = {}) {
  const began = performance.now();
  ensureBundle({ quiet: true });
  const simulator = await createSimulator({ pendingMs: 200 });
  const headers = { 'content-security-policy': STRICT_CSP };
  const server = await startServer({
    api: (request) => simulator.fetch(request),
    pages: {
      '/': { body: widgetPage({ 'location-id': 7, 'api-base': '/api/ampeco', locale: 'en-GB' }), headers },
      '/de': { body: widgetPage({ 'location-id': 7, 'api-base': '/api/ampeco', locale: 'de' }), headers },
      '/control': {
        body: '<!doctype html><title>control</title><script>document.title = "inline ran"</script>',
        headers,
      },
    },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.evaluateOnNewDocument(recordViolations);

    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    // The ports, by their accessible names' labels.
    await page.waitForFunction(
      () =>
        document
          .querySelector('ev-booking-widget')
          ?.shadowRoot?.querySelector('ev-port-list')
          ?.shadowRoot?.querySelectorAll('input[type=radio]:not([disabled])').length > 0,
      { timeout: timeoutMs },
    );
    const ports = await page.evaluate(() =>
      [
        ...document
          .querySelector('ev-booking-widget')
          .shadowRoot.querySelector('ev-port-list')
          .shadowRoot.querySelectorAll('.name'),
      ].map((n) => n.textContent.trim()),
    );
    // Pick the first usable port: start times appear (more rendering, more styles).
    await page.evaluate(() => {
      const list = document.querySelector('ev-booking-widget').shadowRoot.querySelector('ev-port-list').shadowRoot;
      list.querySelector('input[type=radio]:not([disabled])').click();
    });
    await page.waitForFunction(`!!(${FIRST_SLOT_SELECTOR})`, { timeout: timeoutMs });
    const slots = await page.evaluate(
      () =>
        document
          .querySelector('ev-booking-widget')
          .shadowRoot.querySelector('ev-slot-grid')
          .shadowRoot.querySelectorAll('button[data-start]').length,
    );
    // Before a start is chosen, only what the first view follows with (the booking parts once the
    // start times are shown, the port cards once the ports are here, the filters once they differ);
    // picking one loads the booking stage
    // under the same policy.
    const chunksBeforeStart = server.scripts.filter((path) => path.startsWith('/chunk-'));
    const allowedBeforeStart = (path) => /^\/chunk-(booking-parts|port-cards|port-filters)-[\w-]+\.js$/.test(path);
    await page.evaluate(() =>
      document
        .querySelector('ev-booking-widget')
        .shadowRoot.querySelector('ev-slot-grid')
        .shadowRoot.querySelector('button[data-start]')
        .click(),
    );
    const isStage = (path) => path.startsWith('/chunk-booking-stage-');
    for (let waited = 0; waited < timeoutMs && !server.scripts.some(isStage); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stageLoaded = server.scripts.some(isStage);
    // Styles applied: the host has its border from the component's adopted stylesheet.
    const styled = await page.evaluate(() => {
      const widget = document.querySelector('ev-booking-widget');
      return widget.shadowRoot.adoptedStyleSheets.length > 0 && getComputedStyle(widget).borderTopStyle === 'solid';
    });
    const violations = await page.evaluate(() => window.__cspViolations);
    const englishChunks = server.scripts.filter((path) => path.startsWith('/i18n-'));

    // A German page: its chunk loads under the same policy.
    server.scripts.length = 0;
    await page.goto(`${server.url}/de`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        document
          .querySelector('ev-booking-widget')
          ?.shadowRoot?.querySelector('ev-port-list')
          ?.shadowRoot?.querySelector('[part=port-list] legend')
          ?.textContent.includes('Ladepunkt'),
      { timeout: timeoutMs },
    );
    const german = {
      chunks: server.scripts.filter((path) => path.startsWith('/i18n-')),
      violations: await page.evaluate(() => window.__cspViolations),
    };

    await page.goto(`${server.url}/control`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const controlViolations = await page.evaluate(() => window.__cspViolations);

    const cspErrors = consoleErrors.filter((text) => /Content Security Policy/i.test(text));
    const ok =
      ports.length > 0 &&
      slots > 0 &&
      styled &&
      violations.length === 0 &&
      englishChunks.length === 0 &&
      chunksBeforeStart.every(allowedBeforeStart) &&
      stageLoaded &&
      german.chunks.filter((path) => !path.startsWith('/i18n-de-booking-')).length === 1 &&
      german.chunks.every((path) => path.startsWith('/i18n-de-')) &&
      german.violations.length === 0 &&
      controlViolations.length > 0 &&
      // The control page's refused inline script is logged too; nothing else may be.
      cspErrors.every((text) => /inline script/i.test(text));
    return {
      ok,
      ports,
      slots,
      styled,
      violations,
      englishChunks,
      chunksBeforeStart,
      stageLoaded,
      german,
      consoleErrors,
      controlViolations,
      ms: Math.round(performance.now() - began),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const result = await runCspCheck();
  console.log(`CSP: ${STRICT_CSP}`);
  console.log(`ports rendered: ${result.ports.join(', ') || 'none'}`);
  console.log(`start times rendered: ${result.slots}; styles adopted: ${result.styled}`);
  console.log(`violations: ${result.violations.length ? JSON.stringify(result.violations) : 'none'}`);
  console.log(`language chunks loaded by the English page: ${result.englishChunks.join(', ') || 'none'}`);
  console.log(
    `chunks before a start is picked (the booking parts, the port cards and filters at most): ${result.chunksBeforeStart.join(', ') || 'none'}; booking stage loaded once picked: ${result.stageLoaded}`,
  );
  console.log(
    `German page: chunks ${result.german.chunks.join(', ') || 'none'}; violations: ${
      result.german.violations.length ? JSON.stringify(result.german.violations) : 'none'
    }`,
  );
  console.log(`control page (inline script) violations: ${result.controlViolations.length} (expected ≥ 1)`);
  if (result.consoleErrors.length) console.log(`console errors:\n  ${result.consoleErrors.join('\n  ')}`);
  console.log(
    `${result.ok ? '✓' : '✗'} the widget ${result.ok ? 'works' : 'does not work'} under the strict CSP (${result.ms} ms)`,
  );
  process.exit(result.ok ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
