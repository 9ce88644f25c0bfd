/**
 * Query parameters of the routes: each allowed parameter has a kind, each kind a strict rule.
 * A query with an unknown, repeated or invalid parameter is refused (404); the validated query is
 * rebuilt in the route's own order, so nothing a client wrote reaches upstream unchecked.
 */

export type ParamKind = 'id' | 'perPage' | 'cursor' | 'page' | 'connectors' | 'bookedEvses' | 'uuid';

export type QuerySpec = Readonly<Record<string, ParamKind>>;

export const ID_VALUE = /^[1-9]\d{0,15}$/;
const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validParam(kind: ParamKind, value: string): boolean {
  switch (kind) {
    case 'id':
      return ID_VALUE.test(value);
    case 'perPage':
      return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100;
    case 'cursor':
      return /^[\x21-\x7e]{1,2048}$/.test(value);
    case 'page':
      return /^[1-9]\d{0,5}$/.test(value);
    case 'connectors':
      return value === 'connectors';
    case 'bookedEvses':
      return value === 'bookedEvses';
    case 'uuid':
      return UUID_VALUE.test(value);
  }
}

/** `text` as safe to echo in a message: printable ASCII, at most 64 characters. */
export function printable(text: string): string {
  const cleaned = text.replace(/[^\x20-\x7e]/g, '?');
  return cleaned.length > 64 ? `${cleaned.slice(0, 64)}…` : cleaned;
}

/** The validated query in the spec's own order, or why it is refused. */
export function validateQuery(
  spec: QuerySpec,
  required: readonly string[],
  search: URLSearchParams,
): URLSearchParams | string {
  const seen = new Map<string, string>();
  for (const [key, value] of search) {
    const kind = spec[key];
    if (kind === undefined) return `Unknown query parameter "${printable(key)}".`;
    if (seen.has(key)) return `The query parameter "${key}" is given more than once.`;
    if (!validParam(kind, value)) return `The query parameter "${key}" is invalid.`;
    seen.set(key, value);
  }
  for (const key of required) {
    if (!seen.has(key)) return `The query parameter "${key}" is required.`;
  }
  const query = new URLSearchParams();
  for (const key of Object.keys(spec)) {
    const value = seen.get(key);
    if (value !== undefined) query.append(key, value);
  }
  return query;
}
