/**
 * Rendering with 7 days × 40 EVSEs of availability (4 charge points × 10 EVSEs of the generated
 * site, bench/big-site.mjs): in the widget, picking a port (the slot grid's render for it) and
 * picking a start (the selection's update), from the click to the grid's `updateComplete` plus a
 * forced layout; and a standalone `<ev-slot-grid>` given 7 days × 48 starts (`.days`, then
 * `.selected`). The starts are whatever carries `data-start` (buttons, radios or grid cells), the
 * ports the port list's radios. Median of `runs` runs each, after one warm-up.
 */
import { generatedSite } from './big-site.mjs';
import { createSimulator, startServer, widgetPage } from './harness.mjs';
import { median, stats } from './stats.mjs';

const EVSE_COUNT = 40;
const CHARGE_POINTS = 4;

/** In the page: times from a click to the grid's update and layout. */
const RENDER_HELPERS = () => {
  const PORT_CHOICES = 'input[type=radio], [role=radio]';
  const widget = () => document.querySelector('ev-booking-widget');
  const grid = () => widget().shadowRoot.querySelector('ev-slot-grid');
  const settle = async () => {
    await widget().updateComplete;
    const g = grid();
    await g.updateComplete;
    g.shadowRoot.querySelector('[data-start]')?.getBoundingClientRect();
    return g;
  };
  window.__render = {
    async selectPort(index) {
      const radios = widget().shadowRoot.querySelector('ev-port-list').shadowRoot.querySelectorAll(PORT_CHOICES);
      const t0 = performance.now();
      radios[index].click();
      const g = await settle();
      return { ms: performance.now() - t0, buttons: g.shadowRoot.querySelectorAll('[data-start]').length };
    },
    async ensureButtons(count) {
      for (let i = 0; i < 7; i++) {
        const g = grid();
        if (g.shadowRoot.querySelectorAll('[data-start]').length >= count) return true;
        const next = [...g.shadowRoot.querySelectorAll('button')].find((b) =>
          /next day/i.test(b.textContent + (b.getAttribute('aria-label') ?? '')),
        );
        if (!next || next.disabled) return false;
        next.click();
        await settle();
      }
      return false;
    },
    async selectStart(index) {
      const buttons = grid().shadowRoot.querySelectorAll('[data-start]');
      const t0 = performance.now();
      buttons[index % buttons.length].click();
      await settle();
      return { ms: performance.now() - t0, buttons: buttons.length };
    },
    /** A standalone grid: 7 days × 48 starts every 30 minutes from tomorrow 00:00 UTC. */
    async standaloneGrid(runs) {
      const DAY = 86_400_000;
      const first = Math.ceil(Date.now() / DAY) * DAY;
      const days = Array.from({ length: 7 }, (_, d) => ({
        date: new Date(first + d * DAY).toISOString().slice(0, 10),
        starts: Array.from({ length: 48 }, (_, s) =>
          new Date(first + d * DAY + s * 1_800_000).toISOString().replace(/\.000Z$/, 'Z'),
        ),
      }));
      const render = [];
      const select = [];
      for (let run = 0; run < runs; run++) {
        const g = document.createElement('ev-slot-grid');
        g.locale = 'en-GB';
        g.timeZone = 'UTC';
        document.body.append(g);
        await g.updateComplete;
        let t0 = performance.now();
        g.days = days;
        await g.updateComplete;
        g.shadowRoot.querySelector('[data-start]').getBoundingClientRect();
        render.push(performance.now() - t0);
        t0 = performance.now();
        g.selected = days[0].starts[(run * 7) % 48];
        await g.updateComplete;
        g.shadowRoot.querySelector('[data-start]').getBoundingClientRect();
        select.push(performance.now() - t0);
        g.remove();
      }
      return { render, select, starts: days.length * 48 };
    },
  };
};

export async function benchRender(browser, runs) {
  const simulator = await createSimulator({ pendingMs: 500 });
  const server = await startServer({
    api: generatedSite(simulator, { chargePoints: CHARGE_POINTS, evsesPerChargePoint: EVSE_COUNT / CHARGE_POINTS })
      .handler,
    pages: { '/': { body: widgetPage({ 'location-id': 7, 'api-base': '/api/ampeco', locale: 'en-GB' }) } },
  });
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(RENDER_HELPERS);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    // Each part on its own: a part the current markup does not allow is reported, not fatal.
    const attempt = async (part) => {
      try {
        return await part();
      } catch (error) {
        return { error: String(error?.message ?? error).split('\n')[0] };
      }
    };
    const widget = await attempt(() => widgetRendering(page, runs));
    const standalone = await attempt(() => page.evaluate((runs) => window.__render.standaloneGrid(runs), runs));
    return {
      widget,
      standaloneSlotGrid: standalone.error
        ? standalone
        : {
            days: 7,
            starts: standalone.starts,
            firstRenderMs: stats(standalone.render),
            selectionUpdateMs: stats(standalone.select),
          },
    };
  } finally {
    await page.close();
    await server.close();
  }
}

async function widgetRendering(page, runs) {
  await page.waitForFunction(
    (count) =>
      document
        .querySelector('ev-booking-widget')
        ?.shadowRoot?.querySelector('ev-port-list')
        ?.shadowRoot?.querySelectorAll('input[type=radio], [role=radio]').length >= count,
    { timeout: 20_000 },
    EVSE_COUNT,
  );
  // Warm-up: one port and one start (first-use costs are not what this measures).
  await page.evaluate((i) => window.__render.selectPort(i), EVSE_COUNT - 1);
  const portTimes = [];
  const gridButtons = [];
  for (let run = 0; run < runs; run++) {
    const { ms, buttons } = await page.evaluate((i) => window.__render.selectPort(i), run % (EVSE_COUNT - 1));
    portTimes.push(ms);
    gridButtons.push(buttons);
  }
  await page.evaluate(() => window.__render.ensureButtons(24));
  await page.evaluate(() => window.__render.selectStart(0));
  const startTimes = [];
  let buttonsOnScreen = 0;
  for (let run = 0; run < runs; run++) {
    const { ms, buttons } = await page.evaluate((i) => window.__render.selectStart(i), run + 1);
    startTimes.push(ms);
    buttonsOnScreen = buttons;
  }
  return {
    evses: EVSE_COUNT,
    days: 7,
    portSelectToGridRenderedMs: stats(portTimes),
    startButtonsOnScreen: median(gridButtons),
    startSelectToUpdatedMs: stats(startTimes),
    startButtonsOnScreenDuringSelection: buttonsOnScreen,
  };
}
