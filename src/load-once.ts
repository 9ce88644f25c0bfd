/**
 * A lazy chunk's loader, run once: later calls get the same promise, and after a failure (say, a
 * chunk that did not come while offline) the next call runs it again. The booking stage, the
 * booking parts and the popup's dialog shell load through it.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
