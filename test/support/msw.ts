/**
 * Shared msw setup for browser tests: one service worker per test file, started once, handlers
 * reset after each test, and a log of the requests a test caused (method, URL, body).
 *
 * ```ts
 * import { describe, it, useMsw, worker } from '../support/msw.js';
 * useMsw();
 * it('…', async () => { worker.use(http.get('/api/ampeco/…', () => HttpResponse.json({ data: … }))); });
 * ```
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { afterEach, before } from './mocha.js';

export { after, afterEach, before, beforeEach, describe, it } from './mocha.js';

/** The page's worker; add handlers per test with `worker.use(…)`. */
export const worker: SetupWorker = setupWorker();

let started: Promise<unknown> | undefined;

/**
 * When another test page (web-test-runner runs files side by side) has just registered msw's worker,
 * this page is not controlled until the worker activates and claims it; msw would reload the page
 * then, which interrupts the tests. Wait for the claim instead (at most 5 s).
 */
async function untilControlled(): Promise<void> {
  const container = navigator.serviceWorker;
  // Listen first: the claim may happen while the registrations are being read.
  const claimed = new Promise<void>((resolve) => {
    container.addEventListener('controllerchange', () => resolve(), { once: true });
    setTimeout(resolve, 5000);
  });
  if (container.controller || (await container.getRegistrations()).length === 0 || container.controller) return;
  await claimed;
}

/** Starts the worker once per test file (page); later calls return the same promise. */
export function startWorker(): Promise<unknown> {
  started ??= untilControlled().then(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  return started;
}

/** Registers the hooks: start the worker before the file's tests, reset handlers after each test. */
export function useMsw(): void {
  before(async () => {
    await startWorker();
  });
  afterEach(() => {
    worker.resetHandlers();
  });
}

export interface RecordedRequest {
  method: string;
  /** Full URL, query included. */
  url: string;
  /** Parsed JSON body, the raw text when not JSON, undefined when empty. */
  body: unknown;
  /** The request's headers, names lower-cased. */
  headers: Record<string, string>;
}

export interface RequestLog {
  /** Requests seen so far, in order; bodies may still be read: await `settled()` before asserting on them. */
  readonly requests: RecordedRequest[];
  settled(): Promise<RecordedRequest[]>;
  stop(): void;
}

/** Records every request that reaches the worker (optionally only URLs containing `filter`) until `stop()`. */
export function recordRequests(filter = ''): RequestLog {
  const requests: RecordedRequest[] = [];
  const pending: Promise<void>[] = [];
  const listener = ({ request }: { request: Request }): void => {
    if (!request.url.includes(filter)) return;
    const headers = Object.fromEntries(request.headers.entries());
    const entry: RecordedRequest = { method: request.method, url: request.url, body: undefined, headers };
    requests.push(entry);
    pending.push(
      request
        .clone()
        .text()
        .then((text) => {
          if (!text) return;
          try {
            entry.body = JSON.parse(text);
          } catch {
            entry.body = text;
          }
        }),
    );
  };
  worker.events.on('request:start', listener);
  return {
    requests,
    settled: async () => {
      await Promise.all(pending);
      return requests;
    },
    stop: () => worker.events.removeListener('request:start', listener),
  };
}
