/**
 * Input validation of the simulator's two POST operations, with Laravel's messages (the Ampeco
 * Public API is a Laravel application): `The start at field is required.` keyed by field name.
 * Integers must be JSON integers, as the OpenAPI definition says (stricter than Laravel, so that
 * a client sending a user id string is caught).
 */
import { parseInstant, type FieldErrors, type JsonObject } from './http.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** What validation needs to know about the simulator's records. */
export interface Records {
  hasUser(id: number): boolean;
  hasLocation(id: number): boolean;
  evseLocation(evseId: number): number | undefined;
  hasBooking(id: number): boolean;
  /** Whether a booking request with this `externalId` was made already. */
  hasExternalId(externalId: string): boolean;
}

export interface CreateInput {
  type: 'create';
  userId: number;
  locationId: number;
  startAt: number;
  endAt: number;
  evseId?: number;
  externalId?: string;
}

export interface UpdateInput {
  type: 'update';
  bookingId: number;
  userId?: number;
  startAt?: number;
  endAt?: number;
  externalId?: string;
}

export interface CancelInput {
  type: 'cancel';
  bookingId: number;
  externalId?: string;
}

export type BookingRequestInput = CreateInput | UpdateInput | CancelInput;

export interface AvailabilityInput {
  startAfter: number;
  endBefore: number;
}

/** The longest time frame one availability check may cover. */
export const MAX_AVAILABILITY_MS = 7 * 24 * 3_600_000;

/** `startAt` → `start at`, as Laravel names attributes in messages. */
function attribute(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

/** Collects messages per field and reads typed values from the body. */
class FieldReader {
  readonly errors: FieldErrors = {};

  constructor(private readonly body: JsonObject) {}

  get valid(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(field: string, rule: string): undefined {
    (this.errors[field] ??= []).push(`The ${attribute(field)} field ${rule}.`);
    return undefined;
  }

  /** The raw value, or undefined when absent, null or empty (reporting it when required). */
  private present(field: string, required: boolean): unknown {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') {
      return required ? this.fail(field, 'is required') : undefined;
    }
    return value;
  }

  integer(field: string, required: boolean): number | undefined {
    const value = this.present(field, required);
    if (value === undefined) return undefined;
    return typeof value === 'number' && Number.isInteger(value) ? value : this.fail(field, 'must be an integer');
  }

  instant(field: string, required: boolean): number | undefined {
    const value = this.present(field, required);
    if (value === undefined) return undefined;
    return parseInstant(value) ?? this.fail(field, 'must be a valid date');
  }

  string(field: string, maxLength: number): string | undefined {
    const value = this.present(field, false);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.fail(field, 'must be a string');
    return value.length <= maxLength ? value : this.fail(field, `must not be greater than ${maxLength} characters`);
  }

  integerArray(field: string): void {
    const value = this.present(field, false);
    if (value === undefined) return;
    if (!Array.isArray(value)) this.fail(field, 'must be an array');
    else if (!value.every((item) => typeof item === 'number' && Number.isInteger(item))) {
      this.fail(field, 'must contain only integers');
    }
  }

  /** Reports an id that names no record. */
  exists(field: string, value: number | undefined, found: (id: number) => boolean): number | undefined {
    if (value === undefined) return undefined;
    return found(value) ? value : this.invalid(field);
  }

  invalid(field: string): undefined {
    (this.errors[field] ??= []).push(`The selected ${attribute(field)} is invalid.`);
    return undefined;
  }
}

export function validateAvailability(body: JsonObject): Validated<AvailabilityInput> {
  const fields = new FieldReader(body);
  const startAfter = fields.instant('startAfter', true);
  let endBefore = fields.instant('endBefore', true);
  if (startAfter !== undefined && endBefore !== undefined) {
    if (endBefore <= startAfter) endBefore = fields.fail('endBefore', 'must be a date after start after');
    else if (endBefore - startAfter > MAX_AVAILABILITY_MS) {
      endBefore = fields.fail('endBefore', 'must be a date before or equal to 7 days after start after');
    }
  }
  if (startAfter === undefined || endBefore === undefined) return { ok: false, errors: fields.errors };
  return { ok: true, value: { startAfter, endBefore } };
}

export function validateBookingRequest(
  body: JsonObject,
  records: Records,
  now: number,
): Validated<BookingRequestInput> {
  const fields = new FieldReader(body);
  const type = body['type'];
  let value: BookingRequestInput | undefined;
  if (type === 'create') value = readCreate(fields, records, now);
  else if (type === 'update') value = readUpdate(fields, records);
  else if (type === 'cancel') value = readCancel(fields, records);
  else if (type === undefined || type === null || type === '') fields.fail('type', 'is required');
  else fields.invalid('type');
  return value !== undefined && fields.valid ? { ok: true, value } : { ok: false, errors: fields.errors };
}

function readCreate(fields: FieldReader, records: Records, now: number): CreateInput | undefined {
  const userId = fields.exists('userId', fields.integer('userId', true), (id) => records.hasUser(id));
  const locationId = fields.exists('locationId', fields.integer('locationId', true), (id) => records.hasLocation(id));
  let startAt = fields.instant('startAt', true);
  let endAt = fields.instant('endAt', true);
  if (startAt !== undefined && startAt <= now) startAt = fields.fail('startAt', 'must be a date after now');
  if (startAt !== undefined && endAt !== undefined && endAt <= startAt) {
    endAt = fields.fail('endAt', 'must be a date after start at');
  }
  let evseId = fields.integer('evseId', false);
  if (evseId !== undefined && locationId !== undefined && records.evseLocation(evseId) !== locationId) {
    evseId = fields.invalid('evseId');
  }
  const externalId = unique(fields, fields.string('externalId', 255), records);
  fields.integerArray('authorizedTokenIds');
  if (userId === undefined || locationId === undefined || startAt === undefined || endAt === undefined)
    return undefined;
  return {
    type: 'create',
    userId,
    locationId,
    startAt,
    endAt,
    ...(evseId === undefined ? {} : { evseId }),
    ...(externalId === undefined ? {} : { externalId }),
  };
}

/**
 * An `externalId` names one request: a second request with it is refused (Laravel's `unique`
 * rule), so that a client retrying a create whose answer was lost cannot book twice.
 */
function unique(fields: FieldReader, externalId: string | undefined, records: Records): string | undefined {
  if (externalId === undefined || !records.hasExternalId(externalId)) return externalId;
  (fields.errors['externalId'] ??= []).push('The external id has already been taken.');
  return undefined;
}

function readUpdate(fields: FieldReader, records: Records): UpdateInput | undefined {
  const bookingId = fields.exists('bookingId', fields.integer('bookingId', true), (id) => records.hasBooking(id));
  const userId = fields.exists('userId', fields.integer('userId', false), (id) => records.hasUser(id));
  const startAt = fields.instant('startAt', false);
  const endAt = fields.instant('endAt', false);
  if (startAt !== undefined && endAt !== undefined && endAt <= startAt)
    fields.fail('endAt', 'must be a date after start at');
  const externalId = unique(fields, fields.string('externalId', 255), records);
  fields.integerArray('authorizedTokenIds');
  if (bookingId === undefined) return undefined;
  return {
    type: 'update',
    bookingId,
    ...(userId === undefined ? {} : { userId }),
    ...(startAt === undefined ? {} : { startAt }),
    ...(endAt === undefined ? {} : { endAt }),
    ...(externalId === undefined ? {} : { externalId }),
  };
}

function readCancel(fields: FieldReader, records: Records): CancelInput | undefined {
  const bookingId = fields.exists('bookingId', fields.integer('bookingId', true), (id) => records.hasBooking(id));
  const externalId = unique(fields, fields.string('externalId', 255), records);
  if (bookingId === undefined) return undefined;
  return { type: 'cancel', bookingId, ...(externalId === undefined ? {} : { externalId }) };
}
