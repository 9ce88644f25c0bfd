/**
 * Instants of the API's ISO 8601 texts, each distinct text read once. A big site's availability
 * repeats the same few hundred texts tens of thousands of times (200 EVSEs open and close on the
 * same half hours): its check (windows.ts) and the slot arithmetic (`spanOf` in booking/slots.ts)
 * look them up here instead of calling `Date.parse` for every window on every read.
 */

/** Instants already read, by their text (NaN: not a date). */
const knownInstants = new Map<string, number>();

/** `Date.parse(text)`, read once per distinct text (the cache is emptied past 20,000 texts). */
export function instantOf(text: string): number {
  let instant = knownInstants.get(text);
  if (instant === undefined) {
    if (knownInstants.size >= 20_000) knownInstants.clear();
    knownInstants.set(text, (instant = Date.parse(text)));
  }
  return instant;
}
