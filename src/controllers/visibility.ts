import { sleep, type Sleep } from '../api/transport.js';

/**
 * A pause for polling that also waits while the page is hidden: nobody is looking, nothing is asked.
 * Rejects with the signal's reason when it aborts.
 */
export const visibleSleep: Sleep = async (ms, signal) => {
  await sleep(ms, signal);
  await new Promise<void>((resolve, reject) => {
    // Aborted when the pause ends, which removes both listeners (it is their options: its `signal`).
    const done = new AbortController();
    const check = (): void => {
      if (signal.aborted) reject(signal.reason);
      else if (document.hidden) return;
      else resolve();
      done.abort();
    };
    document.addEventListener('visibilitychange', check, done);
    signal.addEventListener('abort', check, done);
    check();
  });
};
