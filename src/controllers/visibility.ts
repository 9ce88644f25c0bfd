import { sleep, type Sleep } from '../api/client.js';

/** Resolves once the page is visible (at once when it is), or rejects when `signal` aborts. */
export function whenVisible(signal: AbortSignal): Promise<void> {
  if (!document.hidden) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (): void => {
      document.removeEventListener('visibilitychange', onChange);
      signal.removeEventListener('abort', onAbort);
    };
    const onChange = (): void => {
      if (document.hidden) return;
      done();
      resolve();
    };
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    document.addEventListener('visibilitychange', onChange);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A pause for polling that also waits while the page is hidden: nobody is looking, nothing is asked. */
export const visibleSleep: Sleep = async (ms, signal) => {
  await sleep(ms, signal);
  await whenVisible(signal);
};
