/**
 * The building blocks of the zod schemas (`schemas.ts`, the first load's and the gateway's
 * bodies; `booking-schemas.ts`, the booking stage's): checks that report zod's own issue codes,
 * ids, instants, optional fields, list and single-item answers.
 */
import * as z from 'zod/mini';

export type Issue = Omit<z.core.$ZodRawIssue, 'input' | 'message'>;

/**
 * A check that adds an issue (`custom` unless `issue` says otherwise) when `ok(value)` is false.
 * Checks of responses only have no message: a mismatch is logged whole, zod's default says enough.
 */
export function rule<T>(
  ok: (value: T) => boolean,
  message?: string,
  issue: Issue = { code: 'custom' },
): z.core.$ZodCheck<T> {
  return z.check<T>((ctx) => {
    if (!ok(ctx.value)) ctx.issues.push({ ...issue, message, input: ctx.value } as z.core.$ZodRawIssue);
  });
}

/** One of `values` (a literal or an enum), reported as zod's `invalid_value`. */
export function oneOf<const T extends readonly string[]>(...values: T) {
  return z.custom<T[number]>().check(
    rule((value: unknown) => values.includes(value as string), `must be "${values.join('" or "')}"`, {
      code: 'invalid_value',
      values,
    }),
  );
}

/** `schema`, or null, or absent. */
export const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** A safe integer (what `z.int()` accepts). */
export const id = z.number().check(rule(Number.isSafeInteger, 'must be an integer'));
/** A positive safe integer (`z.int().check(z.positive())`). */
export const positive = id.check(
  rule((v) => v > 0, 'must be positive', { code: 'too_small', origin: 'number', minimum: 0 }),
);

/** An instant as Ampeco writes it (ISO 8601, `Z` or an offset). */
export const instant = z.string().check(rule((value) => !isNaN(Date.parse(value))));

export const str = maybe(z.string());
export const ref = maybe(id);
/** Pagination links of the v2 lists (cursor) and the users list (page). */
export const links = maybe(z.object({ next: str }));
/** A list answer: `data` and the pagination links. */
export const list = <T extends z.ZodMiniType>(item: T) => z.object({ data: z.array(item), links });
/** A single-item answer. */
export const one = <T extends z.ZodMiniType>(item: T) => z.object({ data: item });
