/**
 * The built bundle end to end, as an operator embeds it and a driver uses it: a plain page on one
 * origin with the README's embed snippet, `dist/ev-booking-widget.js` and its chunks on a second
 * (a "CDN"), and the real gateway on a third, started as `ev-booking-proxy` starts it (server/cli.ts,
 * `ALLOWED_ORIGINS` = the page's origin, default limits): in simulator mode (`AMPECO_SIMULATOR=1`),
 * and configured for a tenant on loopback with a distinctive token (test/node/built-bundle-servers.ts).
 * Headless Chromium drives the widget by the accessible names of SPEC §6 (test/node/built-bundle-driver.ts).
 * Builds the bundle when dist/ has none; skipped when no Chromium is installed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import {
  SIMULATOR_TOKEN,
  TENANT_TOKEN,
  startGateway,
  startLoopbackAmpeco,
  type GatewayUnderTest,
  type LoopbackAmpeco,
} from './built-bundle-servers.js';
import {
  RECORDER,
  accessibleNodes,
  parseIcs,
  press,
  seenEvents,
  unhandledRejections,
  waitFor,
  waitForControl,
  waitForEvent,
  waitForLiveRegion,
  waitForNode,
  watch,
  type PageWatch,
} from './built-bundle-driver.js';

interface HarnessServer {
  url: string;
  /** Paths of the scripts it served. */
  scripts: string[];
  close(): Promise<void>;
}
interface Harness {
  chromiumPath(): string | null;
  ensureBundle(options: { quiet: boolean }): string;
  launchBrowser(): Promise<Browser>;
  startServer(options: {
    pages?: Record<string, { body: string; type?: string }>;
    scriptHeaders?: Record<string, string>;
  }): Promise<HarnessServer>;
  widgetPage(attributes: Record<string, string | number>, options: { src: string }): string;
}

const harness = (await import(new URL('../../bench/harness.mjs', import.meta.url).href)) as Harness;

const EMAIL = 'driver@example.com';
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ICS_UTC = /^\d{8}T\d{6}Z$/;
const icsInstant = (value: string): number =>
  Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));

describe(
  'the built bundle on a page, from a CDN, through the real gateway',
  { skip: harness.chromiumPath() ? false : 'no Chromium (set CHROME_PATH)' },
  () => {
    const pages: Record<string, { body: string; type?: string }> = {};
    let site: HarnessServer;
    let cdn: HarnessServer;
    let browser: Browser;
    let simulatorGateway: GatewayUnderTest;
    let tenant: LoopbackAmpeco;
    let tenantGateway: GatewayUnderTest;
    const scriptUrl = (): string => `${cdn.url}/ev-booking-widget.js`;

    before(async () => {
      harness.ensureBundle({ quiet: true });
      // The page's origin; its pages are written once the gateways' addresses are known.
      site = await harness.startServer({ pages });
      pages['/favicon.ico'] = { body: '', type: 'image/x-icon' };
      // A CDN serves modules to other origins with CORS, as a module script needs.
      cdn = await harness.startServer({ scriptHeaders: { 'access-control-allow-origin': '*' } });
      simulatorGateway = await startGateway({ AMPECO_SIMULATOR: '1', ALLOWED_ORIGINS: site.url }, SIMULATOR_TOKEN);
      tenant = await startLoopbackAmpeco(TENANT_TOKEN, 500);
      tenantGateway = await startGateway(
        {
          AMPECO_API_URL: tenant.url,
          AMPECO_API_TOKEN: TENANT_TOKEN,
          CAPABILITY_SECRET: 'e2e-capability-secret-3f9a1c7d5b2e8046',
          ALLOWED_ORIGINS: site.url,
        },
        TENANT_TOKEN,
      );
      browser = await harness.launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await simulatorGateway?.close();
      await tenantGateway?.close();
      await tenant?.close();
      await site?.close();
      await cdn?.close();
    });

    async function openPage(
      path: string,
      gateway: GatewayUnderTest,
      attributes: Record<string, string | number> = {},
    ): Promise<[Page, PageWatch]> {
      const embed = { 'location-id': 7, 'api-base': gateway.apiBase, ...attributes };
      pages[path] = { body: harness.widgetPage(embed, { src: scriptUrl() }) };
      const page = await browser.newPage();
      // A laptop's window, shorter than the widget: what is below must come into view when needed.
      await page.setViewport({ width: 800, height: 600 });
      const seen = watch(page);
      await page.evaluateOnNewDocument(RECORDER);
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      return [page, seen];
    }

    /** Nothing went wrong that a page, a driver or an attacker could see. */
    async function assertClean(page: Page, seen: PageWatch, gateway: GatewayUnderTest): Promise<void> {
      assert.deepEqual(seen.problems, [], 'no console error, page error, failed request or error status');
      assert.deepEqual(await unhandledRejections(page), [], 'no unhandled rejection');
      assert.deepEqual(gateway.warnings, [], 'the gateway logged no warning or error');
      const answers = await seen.answers();
      assert.ok(
        answers.some((answer) => answer.startsWith(`${gateway.origin}/`)),
        'the page read answers of the gateway',
      );
      for (const answer of answers) assert.ok(!answer.includes(gateway.token), `the token in an answer: ${answer}`);
      assert.ok(gateway.log.length > 0, 'the gateway logged its requests');
      for (const line of gateway.log) assert.ok(!line.includes(gateway.token), `the token in a log line: ${line}`);
      // Scripts come from the CDN only: the chunks load relative to the bundle's URL.
      assert.deepEqual(site.scripts, [], 'the page origin served no script');
      for (const url of seen.requested.filter((requested) => requested.endsWith('.js')))
        assert.ok(url.startsWith(`${cdn.url}/`), `a script from the CDN: ${url}`);
    }

    const bookingPosts = (gateway: GatewayUnderTest): number =>
      gateway.log.filter((line) => line.startsWith('POST /api/ampeco/resources/booking-requests/v1.0 ')).length;

    /** SPEC §6's whole booking, as a driver makes it, and what the page hears of it (SPEC §5). */
    async function bookAndCancel(path: string, gateway: GatewayUnderTest): Promise<void> {
      const [page, seen] = await openPage(path, gateway);

      // 1. The choice, as a driver makes it.
      await waitForNode(page, 'heading', (name) => name === 'Sofia Tech Park Garage');
      const anyPort = await waitForNode(page, 'radio', 'Any available port');
      assert.equal(anyPort.checked, true, '"Any available port" is chosen by default');
      // The second day: whole, whatever the time of day the test runs at.
      const tabs = await waitFor('the day tabs', async () => {
        const names = (await accessibleNodes(page)).filter((node) => node.role === 'tab').map((node) => node.name);
        return names.length > 1 ? names : undefined;
      });
      const day = (await press(page, 'tab', (name) => name === tabs[1])).split(',')[0]!;
      await waitForNode(page, 'heading', (name) => name === day);
      // A start of that day, named by its time, the zone, the day and the duration (60 minutes by default).
      const startName = /^(\d{2}:\d{2}) Sofia time \(GMT[+-]\d+\), (.+), (\d+) minutes$/;
      const slotNode = await waitForNode(page, 'radio', (name) => startName.exec(name)?.[2] === day);
      const [, time, , minutes] = startName.exec(slotNode.name!)!;
      assert.equal(minutes, '60', 'the default duration');
      const slot = (await slotNode.elementHandle())!;
      const start = await slot.evaluate((element) => element.getAttribute('data-start'));
      assert.match(start ?? '', UTC_INSTANT, 'the start carries its UTC instant');
      await slot.click();
      // A longer booking from the same start: the start stays chosen, now named with 90 minutes. The
      // pill is on screen once it has the focus (a sticky pane, taller than the viewport, hid it).
      const longer = await waitForControl(page, 'radio', (name) => name === '90 minutes');
      await longer.focus();
      assert.ok(await longer.isIntersectingViewport({ threshold: 1 }), 'the focused duration pill is on screen');
      await longer.click();
      const chosen = await waitForNode(
        page,
        'radio',
        (name) => name.startsWith(`${time} `) && name.endsWith(', 90 minutes'),
      );
      assert.equal(chosen.checked, true, `${chosen.name} stays chosen`);
      const email = await waitForControl(page, 'textbox', (name) => name === 'Email');
      await email.type(EMAIL);
      await press(page, 'button', (name) => name === 'Book');

      // 2. Pending, then confirmed; the document hears both events.
      await waitForLiveRegion(page, /pending/i);
      await waitForNode(page, 'heading', 'Booking confirmed');
      const confirmed = await waitForEvent(page, 'ev-booking-confirmed');
      const events = await seenEvents(page);
      assert.deepEqual(
        events.map((event) => event.type),
        ['ev-booking-requested', 'ev-booking-confirmed'],
      );
      for (const event of events) {
        assert.equal(event.custom, true, `${event.type} is a CustomEvent`);
        assert.equal(event.bubbles && event.composed, true, `${event.type} bubbles and is composed`);
        assert.equal(event.phase, 3, `${event.type} reached the document by bubbling`);
        assert.equal(event.target, 'ev-booking-widget', `${event.type} comes from the widget`);
      }
      const requested = events[0]!.detail['bookingRequest'] as Record<string, unknown>;
      assert.deepEqual(Object.keys(events[0]!.detail), ['bookingRequest']);
      assert.equal(requested['status'], 'pending');
      assert.equal(requested['locationId'], 7);
      assert.equal(typeof requested['evseId'], 'number');
      assert.match(String(requested['externalId']), UUID_V4);
      assert.equal(Date.parse(String(requested['startAt'])), Date.parse(start!));
      assert.equal(Date.parse(String(requested['endAt'])), Date.parse(start!) + 90 * 60_000);
      assert.deepEqual(Object.keys(confirmed.detail).sort(), ['booking', 'bookingRequest']);
      const approved = confirmed.detail['bookingRequest'] as Record<string, unknown>;
      const booking = confirmed.detail['booking'] as Record<string, unknown>;
      assert.equal(approved['id'], requested['id']);
      assert.equal(approved['status'], 'approved');
      assert.equal(booking['id'], approved['bookingId']);
      assert.equal(booking['locationId'], 7);
      assert.equal(Date.parse(String(booking['startAt'])), Date.parse(start!));
      assert.equal(Date.parse(String(booking['endAt'])), Date.parse(start!) + 90 * 60_000);
      assert.notEqual(booking['status'], 'cancelled');

      // 3. The calendar file.
      const calendarLink = await waitForControl(page, 'link', (name) => name === 'Add to calendar');
      const download = await calendarLink.evaluate(async (link) => {
        const response = await fetch((link as HTMLAnchorElement).href);
        return { type: response.headers.get('content-type') ?? '', text: await response.text() };
      });
      assert.match(download.type, /^text\/calendar\b/);
      const ics = parseIcs(download.text);
      assert.equal(ics.lines[0], 'BEGIN:VCALENDAR');
      assert.equal(ics.events.length, 1, 'one VEVENT');
      const event = ics.events[0]!;
      assert.match(event['DTSTART'] ?? '', ICS_UTC);
      assert.match(event['DTEND'] ?? '', ICS_UTC);
      assert.equal(icsInstant(event['DTSTART']!), Date.parse(start!), 'DTSTART is the booking start');
      assert.equal(icsInstant(event['DTEND']!), Date.parse(start!) + 90 * 60_000, 'DTEND is its end');
      assert.match(event['SUMMARY'] ?? '', /Sofia Tech Park Garage/);
      assert.ok(event['LOCATION'], 'LOCATION');
      assert.match(event['UID'] ?? '', new RegExp(`^booking-${String(booking['id'])}-`));

      // 4. Cancelling asks first.
      await press(page, 'button', (name) => name === 'Cancel booking');
      await waitForNode(page, 'StaticText', 'Cancel this booking?');
      assert.equal(bookingPosts(gateway), 1, 'nothing is cancelled before the driver confirms');
      await press(page, 'button', (name) => name === 'Yes, cancel it');
      const cancelled = await waitForEvent(page, 'ev-booking-cancelled');
      await waitFor('"Booking cancelled" shown', async () =>
        (await accessibleNodes(page)).some((node) => node.name?.includes('Booking cancelled')) ? true : undefined,
      );
      assert.equal(bookingPosts(gateway), 2, 'one create and one cancel');
      assert.deepEqual(Object.keys(cancelled.detail), ['booking']);
      const cancelledBooking = cancelled.detail['booking'] as Record<string, unknown>;
      assert.equal(cancelledBooking['id'], booking['id']);
      assert.equal(cancelledBooking['status'], 'cancelled');
      const last = (await seenEvents(page)).at(-1)!;
      assert.equal(last.type, 'ev-booking-cancelled');
      assert.equal(last.bubbles && last.composed && last.phase === 3, true, 'bubbling, composed');

      // 5. Nothing went wrong on the way, and no token leaked.
      await assertClean(page, seen, gateway);
      await page.close();
    }

    it('books, confirms, gives the calendar file and cancels through ev-booking-proxy with AMPECO_SIMULATOR=1', () =>
      bookAndCancel('/', simulatorGateway));

    it('does the same through ev-booking-proxy configured for a tenant, whose distinctive token stays upstream', async () => {
      await bookAndCancel('/tenant', tenantGateway);
      assert.ok(tenant.calls.authorized > 0, 'the tenant was called with its token');
      assert.equal(tenant.calls.refused, 0, 'never without it');
    });

    it('loads German from the CDN (beside the bundle, not on the page origin) and shows German texts', async () => {
      const [page, seen] = await openPage('/de', simulatorGateway, { locale: 'de' });
      await waitForNode(page, 'heading', (name) => name === 'Tiefgarage Sofia Tech Park');
      const anyPort = await waitForNode(page, 'radio', 'Beliebiger freier Ladepunkt');
      assert.equal(anyPort.checked, true);
      await waitForNode(page, 'radio', /^\d{2}:\d{2} Ortszeit Sofia \(GMT[+-]\d+\), /);
      await waitForNode(page, 'textbox', (name) => name === 'E-Mail');
      await waitForNode(page, 'button', (name) => name === 'Buchen');
      const germanChunks = seen.requested.filter((url) => /\/i18n-de-[\w-]+\.js$/.test(url));
      assert.ok(germanChunks.length > 0, 'the German chunk is loaded');
      for (const url of germanChunks) assert.ok(url.startsWith(`${cdn.url}/`), `from the CDN: ${url}`);
      assert.deepEqual(
        seen.requested.filter((url) => /\/i18n-(?!de-)/.test(url)),
        [],
        "no other language's chunk",
      );
      await assertClean(page, seen, simulatorGateway);
      await page.close();
    });
  },
);
