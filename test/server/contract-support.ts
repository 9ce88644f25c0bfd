/**
 * Shared by the gateway's tests (gateway-contract*.test.ts, cli.test.ts, gateway-scale-out.test.ts): a driver's
 * create, and a raw HTTP/1.1 exchange, for what `fetch` would not send as written or would decode
 * before the test sees it.
 */
import { connect } from 'node:net';

/** The gateway's base path in these tests. */
export const API = '/api/ampeco';

/**
 * A driver's create POST to the gateway at `apiBase` (its URL with the base path): one hour from
 * `startMs` at EVSE `evseId` of location 7, for driver@example.com, with a fresh `externalId`.
 */
export function createRequest(apiBase: string, evseId: number, startMs: number): Request {
  const instant = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  return new Request(`${apiBase}/resources/booking-requests/v1.0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'create',
      email: 'driver@example.com',
      locationId: 7,
      evseId,
      startAt: instant(startMs),
      endAt: instant(startMs + 3_600_000),
      externalId: crypto.randomUUID(),
    }),
  });
}

/** `createRequest` sent to a running gateway. */
export const postCreate = (apiBase: string, evseId: number, startMs: number): Promise<Response> =>
  fetch(createRequest(apiBase, evseId, startMs));

/** The raw answer to `head` (a whole HTTP/1.1 request) sent on a socket to `url`'s port. */
export function rawRequest(url: string, head: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
