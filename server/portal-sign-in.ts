/**
 * Portal mode in the creates slot (SPEC §9): a create attempt with a readable body needs the
 * portal's `Authorization: Bearer <JWT>` (server/portal-auth.ts) and books for the token's `email`
 * only. Its own middleware, after the create rate when the limits are on and there without them:
 * turning the abuse limits off (`limits: false`) never turns portal mode off.
 */
import type { MiddlewareHandler } from 'hono';
import { portalBookingEmail, type PortalAuth } from './portal-auth.js';
import { sendJson } from './respond.js';
import { isObject, type GatewayEnv, type JsonObject } from './types.js';

export function portalSignIn(portal: PortalAuth): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const body = c.get('body');
    // A body that could not be read is refused after this slot (413, 415, 400): nothing to book.
    if (body === undefined) return next();
    const verdict = await portal.verify(c.req.header('authorization') ?? null);
    if (!verdict.ok) {
      const headers: Record<string, string> =
        verdict.challenge === undefined ? {} : { 'www-authenticate': verdict.challenge };
      return sendJson(c, verdict.status, { message: verdict.message }, headers);
    }
    const email = portalBookingEmail(verdict.email, isObject(body) ? body['email'] : undefined);
    if (typeof email !== 'string') {
      const errors: JsonObject = {};
      for (const [field, messages] of Object.entries(email.errors)) errors[field] = [...messages];
      return sendJson(c, 422, { message: email.message, errors, reason: email.reason });
    }
    c.set('driverEmail', email);
    if (isObject(body)) c.set('body', { ...body, email });
    return next();
  };
}
