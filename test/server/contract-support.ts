/**
 * Shared by the SPEC §9 contract tests (gateway-contract*.test.ts): a raw HTTP/1.1 exchange, for
 * what `fetch` would not send as written or would decode before the test sees it.
 */
import { connect } from 'node:net';

/** The gateway's base path in these tests. */
export const API = '/api/ampeco';

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
