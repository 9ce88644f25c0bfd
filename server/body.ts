/**
 * The request body of a POST: JSON only, capped in size before it is read whole (a declared
 * `Content-Length` over the cap is refused without reading; a chunked body is cut at the cap),
 * parsed once and kept for the validation middleware.
 */
import type { Context, MiddlewareHandler } from 'hono';
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

type BodyOutcome =
  | { readonly ok: true; readonly value: Json }
  | { readonly ok: false; readonly status: number; readonly message: string };

async function readJson(c: Context<GatewayEnv>, maxBytes: number): Promise<BodyOutcome> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    return { ok: false, status: 415, message: 'The request body must be sent as application/json.' };
  }
  const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    // Never read as JSON: a compressed body is refused, not inflated past the cap nor parsed as garbage.
    return { ok: false, status: 415, message: 'The request body must be sent without a Content-Encoding.' };
  }
  const tooLarge = { ok: false, status: 413, message: `The request body must not exceed ${maxBytes} bytes.` } as const;
  const declared = c.req.header('content-length');
  if (declared !== undefined) {
    if (!/^\d{1,15}$/.test(declared))
      return { ok: false, status: 400, message: 'The Content-Length header is invalid.' };
    if (Number(declared) > maxBytes) return tooLarge;
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(c.req.raw.body, maxBytes);
  } catch {
    // The client aborted or sent a broken (e.g. chunked) body: its mistake, not a gateway fault.
    return { ok: false, status: 400, message: 'The request body could not be read.' };
  }
  if (bytes === null) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Json };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}

/**
 * Reads the JSON body (at most `maxBytes`) into `c.var.body`, or why it is refused into
 * `c.var.bodyRefusal`, and goes on either way: the limits slot that follows counts refused
 * attempts too (and tells a cancel from a create by the body). `refuseUnreadableBody` answers
 * the refusal (415, 400 or 413).
 */
export function readJsonBody(maxBytes: number): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const outcome = await readJson(c, maxBytes);
    if (outcome.ok) c.set('body', outcome.value);
    else c.set('bodyRefusal', { status: outcome.status, message: outcome.message });
    await next();
  };
}

export const refuseUnreadableBody: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  const refusal = c.get('bodyRefusal');
  if (refusal !== undefined) return sendJson(c, refusal.status, { message: refusal.message });
  await next();
};
