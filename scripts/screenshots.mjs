#!/usr/bin/env node
/**
 * `npm run screenshots`: starts the demo (proxy + simulator + Vite, as `npm start` does) and takes
 * PNGs of the widget with puppeteer-core and a local Chromium into docs/:
 * screenshot.png (the two-pane booker at 1024 px, a port and a start chosen), dark.png,
 * mobile.png (375 px), rtl.png (locale ar), confirmed.png (the confirmation card after a booking
 * through the simulator), popup.png (`<ev-booking-button>` opened) and error.png (an unknown
 * location).
 *
 * CHROME_PATH overrides the browser (default: the first of /usr/bin/chromium, chromium-browser,
 * google-chrome; see scripts/chromium.mjs).
 */
import { spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const OUT = 'docs';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `server/dev.ts` and resolves with the demo's origin once it prints "Demo ready:". */
async function startDemo() {
  const child = spawn('npx', ['tsx', 'server/dev.ts'], {
    env: { ...process.env, PORT: '0', DEMO_PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: `npx` does not pass a SIGTERM on to the server it started.
    detached: true,
  });
  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const match = /Demo ready: (https?:\/\/[^/\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the demo exited (${code}):\n${output}`)));
  });
  return { origin, stop: () => process.kill(-child.pid, 'SIGTERM') };
}

/** Resolves once `selector` (with `>>>` piercing shadow roots) is on the page. */
/**
 * The first element `selector` finds (`>>>` pierces shadow roots), polled: puppeteer's own wait
 * re-checks on the document's mutations, not on those inside shadow roots.
 */
async function present(page, selector, timeoutMs = 30_000) {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const element = await page.$(selector);
    if (element) return element;
    if (Date.now() > giveUpAt) throw new Error(`${selector}: not on the page after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The widget's first start times are on screen (no loading skeleton). */
async function widgetReady(page) {
  await present(page, '>>> ev-port-list >>> input[type=radio]');
  await present(page, '>>> ev-slot-grid >>> button[data-start]');
}

/**
 * Chooses the first single port, tomorrow (a full day of grouped times, whatever the hour now)
 * and its third start time, through the page's own DOM.
 */
async function chooseSlot(page) {
  const ports = await page.$$('>>> ev-port-list >>> input[name=port]:not(:disabled)');
  const port = ports[1] ?? ports[0];
  if (port) await port.click();
  const days = await page.$$('>>> ev-slot-grid >>> [role=tab]');
  if (days[1]) await days[1].click();
  await present(page, '>>> ev-slot-grid >>> button[data-start]');
  const starts = await page.$$('>>> ev-slot-grid >>> button[data-start]');
  await (starts[2] ?? starts[0]).click();
  await present(page, '>>> ev-slot-grid >>> button[data-start][aria-checked=true]');
  // Let the selected colours' transition end before the picture.
  await settle();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** Books the chosen start as the prefilled driver and waits for the confirmation card's calendar links. */
async function book(page) {
  const submit = await present(page, '>>> ev-email-form >>> button[type=submit]');
  await submit.click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('ev-booking-widget')
        ?.shadowRoot?.querySelector('ev-status-tracker')
        ?.shadowRoot?.querySelector('[part~="add-to-calendar"]'),
    { timeout: 30_000 },
  );
  await settle();
}

/** A PNG of `element` with a margin, or of the whole viewport. */
async function picture(page, file, element, width) {
  const path = `${OUT}/${file}`;
  if (element) {
    const box = await element.boundingBox();
    const margin = 16;
    await page.screenshot({
      path,
      clip: {
        x: Math.max(0, box.x - margin),
        y: Math.max(0, box.y - margin),
        width: Math.min(width, box.width + 2 * margin),
        height: box.height + 2 * margin,
      },
      captureBeyondViewport: true,
    });
  } else {
    await page.screenshot({ path });
  }
  const { size } = await stat(path);
  console.log(`${path}  ${Math.round(size / 1024)} KB`);
}

async function shoot(browser, origin, { file, query = '', width = 1024, height = 800, then = 'slot' }) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${origin}/demo/states.html${query}`, { waitUntil: 'networkidle0' });
  if (then === 'error') {
    await present(page, '>>> ev-booking-widget >>> [role=alert] button');
  } else if (then === 'popup') {
    const open = await present(page, '>>> ev-booking-button >>> button[part=button]');
    await open.click();
    await page.waitForFunction(
      () => document.querySelector('ev-booking-button')?.shadowRoot?.querySelector('dialog')?.open,
      {
        timeout: 20_000,
      },
    );
    await widgetReady(page);
    await settle();
    await picture(page, file, null, width);
    await page.close();
    return;
  } else {
    await widgetReady(page);
    if (then === 'slot' || then === 'book') await chooseSlot(page);
    if (then === 'book') await book(page);
  }
  await picture(page, file, await page.$('ev-booking-widget'), width);
  await page.close();
}

const demo = await startDemo();
const browser = await puppeteer.launch({
  executablePath: chromiumPath() ?? undefined,
  headless: true,
  args: [...chromiumArgs, '--font-render-hinting=none'],
});
try {
  await mkdir(OUT, { recursive: true });
  await shoot(browser, demo.origin, { file: 'screenshot.png', query: '?locale=en-GB' });
  await shoot(browser, demo.origin, { file: 'dark.png', query: '?locale=en-GB&theme=dark' });
  await shoot(browser, demo.origin, { file: 'mobile.png', query: '?locale=en-GB', width: 375 });
  await shoot(browser, demo.origin, { file: 'rtl.png', query: '?locale=ar' });
  await shoot(browser, demo.origin, { file: 'popup.png', query: '?locale=en-GB&popup=1', height: 1100, then: 'popup' });
  await shoot(browser, demo.origin, { file: 'confirmed.png', query: '?locale=en-GB', then: 'book' });
  await shoot(browser, demo.origin, { file: 'error.png', query: '?locale=en-GB&location=999', then: 'error' });
} finally {
  await browser.close();
  demo.stop();
}
