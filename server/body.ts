/**
 * The request body of a POST: JSON only, capped in size before it is read whole (a declared
 * `Content-Length` over the cap is refused without reading; a chunked body is cut at the cap),
 * parsed once and kept for the validation middleware.
 */
import type { MiddlewareHandler } from 'hono';
import { sendJson } from './respond.js';
import { readCapped } from './upstream.js';
import type { GatewayEnv, Json } from './types.js';

/**
 * On Node: an answer given before the request body was read to its end (refused early, or too
 * large) closes the connection, so that the rest of the body is never read as a next request
 * and never buffered.
 */
export const closeWhenBodyUnread: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  await next();
  const incoming = c.env?.incoming;
  if (incoming !== undefined && !incoming.complete && c.req.method !== 'GET') c.res.headers.set('connection', 'close');
};

function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

/** Reads the JSON body (at most `maxBytes`) into `c.var.body`; 415, 400 or 413 otherwise. */
export function jsonBody(maxBytes: number): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    // Already read by the limits (a create attempt is counted by what its body holds).
    if (c.get('body') !== undefined) return next();
    if (!isJsonContentType(c.req.header('content-type'))) {
      return sendJson(c, 415, { message: 'The request body must be sent as application/json.' });
    }
    const tooLarge = { message: `The request body must not exceed ${maxBytes} bytes.` };
    const declared = c.req.header('content-length');
    if (declared !== undefined) {
      if (!/^\d{1,15}$/.test(declared)) return sendJson(c, 400, { message: 'The Content-Length header is invalid.' });
      if (Number(declared) > maxBytes) return sendJson(c, 413, tooLarge);
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readCapped(c.req.raw.body, maxBytes);
    } catch {
      // The client aborted or sent a broken (e.g. chunked) body: its mistake, not a gateway fault.
      return sendJson(c, 400, { message: 'The request body could not be read.' });
    }
    if (bytes === null) return sendJson(c, 413, tooLarge);
    let input: Json;
    try {
      input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Json;
    } catch {
      return sendJson(c, 400, { message: 'The request body is not valid JSON.' });
    }
    c.set('body', input);
    await next();
  };
}
