/**
 * The bodies the widget sends to the v2 booking gateway (SPEC §4 steps 5 and 8), as the gateway
 * validates them. The widget builds them from checked parts (`booking/booking-machine.ts`) and imports
 * only their types, so these schemas stay out of the script-tag entry.
 */
import * as z from 'zod/mini';
import { UtcInstant, isEmail } from './schemas.js';

/** A positive safe integer. */
const positiveInteger = z
  .number()
  .check(z.refine((value: number) => Number.isSafeInteger(value) && value > 0, 'must be a positive integer'));

/** The create body (step 5): the gateway looks the driver up by `email` itself. */
export const CreateBookingBody = z.strictObject({
  type: z.literal('create'),
  email: z.string().check(z.refine(isEmail, 'must be a valid email address')),
  locationId: positiveInteger,
  startAt: UtcInstant,
  endAt: UtcInstant,
  evseId: z.optional(positiveInteger),
  /** A fresh UUID per attempt: the attempt can be looked up when its answer is lost. */
  externalId: z.string().check(z.minLength(1), z.maxLength(255)),
});
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

/** The cancel body (step 8), sent with the booking's capability. */
export const CancelBookingBody = z.strictObject({
  type: z.literal('cancel'),
  bookingId: positiveInteger,
});
export type CancelBookingBody = z.infer<typeof CancelBookingBody>;
