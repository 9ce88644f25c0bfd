#!/usr/bin/env node
/**
 * `npm run screenshots`: starts the demo (proxy + simulator + Vite, as `npm start` does) and takes
 * PNGs of the widget with puppeteer-core and a local Chromium into docs/:
 * screenshot.png (desktop, a port and a start chosen), dark.png, mobile.png (320 px), rtl.png
 * (locale ar) and error.png (an unknown location).
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

async function widgetReady(page) {
  await page.waitForFunction(
    () => {
      const w = document.querySelector('ev-booking-widget');
      return w?.shadowRoot?.querySelector('ev-port-list')?.shadowRoot?.querySelector('input[type=radio]');
    },
    { timeout: 15_000 },
  );
}

/** Chooses the first selectable port and its first start time, through the page's own DOM. */
async function chooseSlot(page) {
  await page.evaluate(() => {
    const w = document.querySelector('ev-booking-widget');
    const radio = w.shadowRoot
      .querySelector('ev-port-list')
      .shadowRoot.querySelector('input[type=radio]:not(:disabled)');
    radio.click();
  });
  await page.waitForFunction(
    () =>
      document
        .querySelector('ev-booking-widget')
        .shadowRoot.querySelector('ev-slot-grid')
        ?.shadowRoot?.querySelector('button[data-start]'),
    { timeout: 15_000 },
  );
  await page.evaluate(() => {
    const grid = document.querySelector('ev-booking-widget').shadowRoot.querySelector('ev-slot-grid');
    const buttons = grid.shadowRoot.querySelectorAll('button[data-start]');
    (buttons[2] ?? buttons[0]).click();
  });
  // Let the selected colours' transition end before the picture.
  await new Promise((r) => setTimeout(r, 400));
}

async function shoot(browser, origin, { file, query = '', width = 1024, slot = true, error = false }) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${origin}/demo/states.html${query}`, { waitUntil: 'networkidle0' });
  if (error) {
    await page.waitForFunction(
      () => document.querySelector('ev-booking-widget')?.shadowRoot?.querySelector('[role=alert] button'),
      { timeout: 15_000 },
    );
  } else {
    await widgetReady(page);
    if (slot) await chooseSlot(page);
  }
  const widget = await page.$('ev-booking-widget');
  const box = await widget.boundingBox();
  const margin = 16;
  const path = `${OUT}/${file}`;
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
  await page.close();
  const { size } = await stat(path);
  console.log(`${path}  ${Math.round(size / 1024)} KB`);
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
  await shoot(browser, demo.origin, { file: 'mobile.png', query: '?locale=en-GB', width: 320 });
  await shoot(browser, demo.origin, { file: 'rtl.png', query: '?locale=ar' });
  await shoot(browser, demo.origin, { file: 'error.png', query: '?locale=en-GB&location=999', error: true });
} finally {
  await browser.close();
  demo.stop();
}
