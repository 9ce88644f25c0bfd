/**
 * How test/node/built-bundle.test.ts drives the built bundle in headless Chromium as a driver (or a
 * screen reader) would: controls are found by role and accessible name in the accessibility tree,
 * which reaches into every shadow root, never by CSS selectors of the widget's own markup. Every
 * wait is on a condition, with a deadline.
 *
 * Code that runs in the page is kept as strings: tsx compiles this file with esbuild's `keepNames`,
 * whose `__name(…)` helper would not exist in the page if a function's source were sent there.
 */
import type { ElementHandle, HTTPResponse, Page, SerializedAXNode } from 'puppeteer-core';
import { BOOKING_EVENT_NAMES } from '../../src/events.js';

/** How long a condition may take before the test fails (the simulator's pending time is 1.5 s). */
export const WAIT_MS = 15_000;
const POLL_MS = 25;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it gives a value other than `undefined`; fails after `WAIT_MS` naming `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await pause(POLL_MS);
  }
}

function find(node: SerializedAXNode | null, matches: (node: SerializedAXNode) => boolean): SerializedAXNode | null {
  if (node === null) return null;
  if (matches(node)) return node;
  for (const child of node.children ?? []) {
    const found = find(child, matches);
    if (found !== null) return found;
  }
  return null;
}

/** Every node of the page's accessibility tree, in document order. */
export async function accessibleNodes(page: Page): Promise<SerializedAXNode[]> {
  const nodes: SerializedAXNode[] = [];
  find(await page.accessibility.snapshot(), (node) => {
    nodes.push(node);
    return false;
  });
  return nodes;
}

export type NameTest = string | RegExp | ((name: string) => boolean);

function nameMatches(name: string, test: NameTest): boolean {
  if (typeof test === 'string') return name.includes(test);
  if (test instanceof RegExp) return test.test(name);
  return test(name);
}

/** The first node with `role` whose accessible name contains (or matches) `name`, once there is one. */
export async function waitForNode(page: Page, role: string, name: NameTest): Promise<SerializedAXNode> {
  return waitFor(`${role} named ${String(name)}`, async () => {
    const node = find(
      await page.accessibility.snapshot(),
      (candidate) => candidate.role === role && nameMatches(candidate.name ?? '', name),
    );
    return node ?? undefined;
  });
}

/** The element behind the first node with `role` and `name`, once there is one. */
export async function waitForControl(page: Page, role: string, name: NameTest): Promise<ElementHandle> {
  const node = await waitForNode(page, role, name);
  const element = await node.elementHandle();
  if (element === null) throw new Error(`No element behind the ${role} named ${node.name}`);
  return element;
}

/** Clicks the control with `role` and `name`, as a pointer would; resolves with its accessible name. */
export async function press(page: Page, role: string, name: NameTest): Promise<string> {
  const node = await waitForNode(page, role, name);
  const element = await node.elementHandle();
  if (element === null) throw new Error(`No element behind the ${role} named ${node.name}`);
  await element.click();
  return node.name ?? '';
}

/** In-page: the texts of every live region (`role="status"` / `"alert"`), through all shadow roots. */
export const LIVE_REGION_TEXTS = `(() => {
  const texts = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const role = element.getAttribute('role');
      if (role === 'status' || role === 'alert') texts.push(element.textContent.replace(/\\s+/g, ' ').trim());
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return texts;
})()`;

/** Waits until a live region's text matches `pattern`, checked on every animation frame. */
export async function waitForLiveRegion(page: Page, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    `${LIVE_REGION_TEXTS}.find((text) => new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}).test(text))`,
    { polling: 'raf', timeout: WAIT_MS },
  );
  return (await handle.jsonValue()) as string;
}

/** What the page's document saw of one public event. */
export interface SeenEvent {
  type: string;
  custom: boolean;
  bubbles: boolean;
  composed: boolean;
  /** 3: it reached the document by bubbling. */
  phase: number;
  /** The element the document sees as its target (the widget, after retargeting). */
  target: string;
  detail: Record<string, unknown>;
}

/**
 * In-page, before any script of the page: records the public events on `document`, as an
 * embedding page listens to them, and unhandled promise rejections, in `window.__seen`.
 */
export const RECORDER = `(() => {
  const seen = { events: [], rejections: [] };
  window.__seen = seen;
  for (const type of ${JSON.stringify(BOOKING_EVENT_NAMES)}) {
    document.addEventListener(type, (event) => {
      seen.events.push({
        type,
        custom: event instanceof CustomEvent,
        bubbles: event.bubbles,
        composed: event.composed,
        phase: event.eventPhase,
        target: event.target && event.target.localName,
        detail: JSON.parse(JSON.stringify(event.detail)),
      });
    });
  }
  window.addEventListener('unhandledrejection', (event) => seen.rejections.push(String(event.reason)));
})()`;

export async function seenEvents(page: Page): Promise<SeenEvent[]> {
  return (await page.evaluate('window.__seen.events')) as SeenEvent[];
}

export async function unhandledRejections(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__seen.rejections')) as string[];
}

/** Waits until the document has seen an event of `type`; resolves with it. */
export async function waitForEvent(page: Page, type: string): Promise<SeenEvent> {
  return waitFor(`the event ${type}`, async () => (await seenEvents(page)).find((event) => event.type === type));
}

/** The properties of an RFC 5545 file's events: unfolded lines, one record per VEVENT. */
export function parseIcs(text: string): { lines: string[]; events: Record<string, string>[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current !== null) {
      events.push(current);
      current = null;
    } else if (current !== null) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';', 1)[0] ?? '';
      current[name] = line.slice(colon + 1);
    }
  }
  return { lines, events };
}

/** What one page did: its console errors, failed requests, requests, and every answer it read. */
export interface PageWatch {
  problems: string[];
  requested: string[];
  /** Each answer's URL, headers and body, one string each. */
  answers(): Promise<string[]>;
}

export function watch(page: Page): PageWatch {
  const problems: string[] = [];
  const requested: string[] = [];
  const answers: Promise<string>[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('request', (request) => requested.push(request.url()));
  page.on('requestfailed', (request) =>
    problems.push(`failed request: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response: HTTPResponse) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    const head = `${response.url()}\n${JSON.stringify(response.headers())}`;
    // A preflight or a redirect has no body to read.
    answers.push(
      response.text().then(
        (body) => `${head}\n${body}`,
        () => head,
      ),
    );
  });
  return { problems, requested, answers: () => Promise.all(answers) };
}
