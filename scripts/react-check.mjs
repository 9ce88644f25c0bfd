#!/usr/bin/env node
/**
 * The React wrapper (`ev-booking-widget/react`, src/react/index.ts) in a real React 19 app in
 * headless Chromium: props reach the element as properties (`locationId`, `durations`,
 * `evseIds`, `email`), and a whole booking against the Ampeco simulator calls
 * `onBookingRequested` then `onBookingConfirmed` with their `detail`; beside it, `EvBookingButton`'s props
 * reach `<ev-booking-button>` and its children are the button's text.
 *
 * The app is `React.createElement` (no JSX), bundled in memory by esbuild.
 * Usage: `node scripts/react-check.mjs`; exit 1 on failure. `runReactCheck()` is exported for
 * test/node/react.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createSimulator, launchBrowser, root, startServer, FIRST_SLOT_SELECTOR } from '../bench/harness.mjs';

const APP = `
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EvBookingButton, EvBookingWidget } from './src/react/index.ts';

const calls = (window.__calls = []);
function App() {
  const popup = createElement(EvBookingButton, { id: 'popup', locationId: 8, durations: [45], theme: 'dark' }, 'Book a bay');
  return [popup, createElement(EvBookingWidget, {
    key: 'widget',
    id: 'widget',
    locationId: 7,
    apiBase: '/api/ampeco',
    locale: 'en-GB',
    durations: [30, 60],
    evseIds: [11],
    email: 'driver@example.com',
    onBookingRequested: (e) => calls.push({ name: 'requested', id: e.detail.bookingRequest.id }),
    onBookingConfirmed: (e) => calls.push({ name: 'confirmed', bookingId: e.detail.booking && e.detail.booking.id }),
    onBookingRejected: (e) => calls.push({ name: 'rejected', reason: e.detail.reason }),
    onBookingError: (e) => calls.push({ name: 'error', code: e.detail.code }),
  })];
}
createRoot(document.getElementById('root')).render(createElement(StrictMode, null, createElement(App)));
`;

export async function runReactCheck({ timeoutMs = 20_000 } = {}) {
  const began = performance.now();
  const bundled = await build({
    stdin: { contents: APP, resolveDir: root, loader: 'js', sourcefile: 'react-check-app.js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: `${root}tsconfig.json`,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const simulator = await createSimulator({ pendingMs: 200 });
  const server = await startServer({
    api: (request) => simulator.fetch(request),
    pages: {
      '/': {
        body: '<!doctype html><html lang="en-GB"><title>react</title><div id="root"></div><script type="module" src="/app.js"></script>',
      },
      '/app.js': { body: bundled.outputFiles[0].text, type: 'text/javascript' },
    },
  });
  const browser = await launchBrowser();
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(`!!(${FIRST_SLOT_SELECTOR})`, { timeout: timeoutMs });
    const props = await page.evaluate(() => {
      const w = document.querySelector('ev-booking-widget');
      const picker = w.shadowRoot.querySelector('ev-duration-picker');
      const options = [...(picker?.shadowRoot?.querySelectorAll('input[name=duration]') ?? [])].map((o) => o.value);
      const b = document.querySelector('ev-booking-button');
      const button = b && {
        locationId: b.locationId,
        durations: b.durations,
        theme: b.getAttribute('theme'),
        text: b.textContent,
      };
      return { locationId: w.locationId, durations: w.durations, evseIds: w.evseIds, email: w.email, options, button };
    });
    await page.evaluate(() => {
      const w = document.querySelector('ev-booking-widget');
      w.shadowRoot.querySelector('ev-slot-grid').shadowRoot.querySelector('button[data-start]').click();
    });
    await page.waitForFunction(
      () => {
        const form = document.querySelector('ev-booking-widget').shadowRoot.querySelector('ev-email-form');
        const button = form?.shadowRoot?.querySelector('button[part=button]');
        return button && !button.disabled;
      },
      { timeout: timeoutMs },
    );
    await page.evaluate(() => {
      document
        .querySelector('ev-booking-widget')
        .shadowRoot.querySelector('ev-email-form')
        .shadowRoot.querySelector('button[part=button]')
        .click();
    });
    await page.waitForFunction(() => window.__calls.some((c) => ['confirmed', 'rejected', 'error'].includes(c.name)), {
      timeout: timeoutMs,
    });
    const calls = await page.evaluate(() => window.__calls);
    const names = calls.map((c) => c.name);
    const ok =
      props.locationId === 7 &&
      JSON.stringify(props.durations) === '[30,60]' &&
      JSON.stringify(props.options) === '["30","60"]' &&
      JSON.stringify(props.evseIds) === '[11]' &&
      props.email === 'driver@example.com' &&
      JSON.stringify(props.button) === '{"locationId":8,"durations":[45],"theme":"dark","text":"Book a bay"}' &&
      names.join(',') === 'requested,confirmed' &&
      errors.length === 0;
    return { ok, props, calls, errors, ms: Math.round(performance.now() - began) };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const result = await runReactCheck();
  console.log('props on the element:', JSON.stringify(result.props));
  console.log('callbacks:', JSON.stringify(result.calls));
  if (result.errors.length) console.log('page errors:', result.errors.join('\n'));
  console.log(`${result.ok ? '✓' : '✗'} ev-booking-widget/react (${result.ms} ms)`);
  process.exit(result.ok ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
