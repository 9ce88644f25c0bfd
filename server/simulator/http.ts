/** Small HTTP and format helpers of the Ampeco simulator. */

export type JsonObject = { [key: string]: unknown };
export type FieldErrors = Record<string, string[]>;

export const NOT_FOUND_MESSAGE = 'The record is not found';
export const UNAUTHENTICATED_MESSAGE = 'Access token is missing or invalid';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function errorMessage(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { message }, headers);
}

export function notFound(): Response {
  return errorMessage(404, NOT_FOUND_MESSAGE);
}

/** A 422 as Laravel writes it: the first message (and how many more) plus every message per field. */
export function validationFailed(errors: FieldErrors): Response {
  const messages = Object.values(errors).flat();
  const more = messages.length - 1;
  const message =
    more > 0
      ? `${messages[0]} (and ${more} more error${more === 1 ? '' : 's'})`
      : (messages[0] ?? 'The given data was invalid.');
  return json(422, { message, errors });
}

/** An instant as the API writes it: ISO 8601 UTC, whole seconds (`2026-03-01T10:00:00Z`). */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds of an ISO 8601 date-time with a zone, or undefined. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A query parameter as an integer (`filter[userId]=42`), or undefined when absent or not one. */
export function queryInteger(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  return value !== null && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** The values of an array parameter, however it is spelled: `include[]=a`, `include[0]=a`, `include=a,b`. */
export function queryList(url: URL, name: string): string[] {
  const values: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key)) {
      values.push(...value.split(',').filter((item) => item !== ''));
    }
  }
  return values;
}

/** `per_page` between 1 and 100, 100 when absent. */
export function perPage(url: URL): number {
  const value = queryInteger(url, 'per_page');
  return value === undefined ? 100 : Math.min(100, Math.max(1, value));
}

/** The request body as a JSON object; `{}` when empty or not an object, undefined when malformed. */
export async function readJsonObject(request: Request): Promise<JsonObject | undefined> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
  } catch {
    return undefined;
  }
}
