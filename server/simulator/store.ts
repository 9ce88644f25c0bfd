/**
 * The mutable state of one simulator: bookings and booking requests, and the life of a request.
 *
 * A request is `pending` for `pendingMs` after it was created, then it is decided, in the order
 * the requests were made: approved (the booking is created, changed or cancelled; `bookingId`
 * set) or rejected with a `rejectionReason`. Deciding is lazy: `settle(now)` decides every request
 * that is due, and the simulator calls it before answering anything, so that a reader never sees
 * a state that the clock says is over.
 */
import { overlaps, type Interval } from './availability.js';
import { EVSES, seedBookings, type BookingRecord, type EvseRecord } from './seed.js';
import type { BookingRequestInput, CancelInput, CreateInput, UpdateInput } from './validation.js';

export type BookingRequestStatus = 'pending' | 'approved' | 'rejected';

export interface BookingRequestRecord {
  id: number;
  /** What was asked, as validated. */
  input: BookingRequestInput;
  status: BookingRequestStatus;
  /** The booking created (once approved), changed or cancelled. */
  bookingId?: number;
  rejectionReason?: string;
  createdAt: number;
  lastUpdatedAt: number;
}

/** Why a request is rejected (free text in the API). */
export const REJECTION_REASONS = {
  slotTaken: 'The selected time slot is no longer available',
  evseNotBookable: 'The selected EVSE is not available for booking',
  noEvseFree: 'No EVSE at this location is available for the selected time slot',
  startPassed: 'The booking start time has already passed',
  bookingClosed: 'The booking can no longer be changed',
} as const;

const FIRST_REQUEST_ID = 1;
const FIRST_NEW_BOOKING_ID = 601;

/** An EVSE that takes bookings: enabled by the operator, in order and open to bookings. */
export function isBookable(evse: EvseRecord): boolean {
  return evse.bookingEnabled && evse.status === 'enabled';
}

/** A booking that holds its EVSE for its time (not cancelled, not over). */
function holdsEvse(booking: BookingRecord): boolean {
  return booking.status === 'accepted' || booking.status === 'reserved';
}

function byId<T extends { id: number }>(records: Iterable<T>): T[] {
  return [...records].sort((a, b) => a.id - b.id);
}

export class BookingStore {
  private readonly bookings = new Map<number, BookingRecord>();
  private readonly requests = new Map<number, BookingRequestRecord>();
  private nextBookingId = FIRST_NEW_BOOKING_ID;
  private nextRequestId = FIRST_REQUEST_ID;

  constructor(
    now: number,
    private readonly pendingMs: number,
  ) {
    for (const booking of seedBookings(now)) this.bookings.set(booking.id, booking);
  }

  allBookings(): BookingRecord[] {
    return byId(this.bookings.values());
  }

  booking(id: number): BookingRecord | undefined {
    return this.bookings.get(id);
  }

  allRequests(): BookingRequestRecord[] {
    return byId(this.requests.values());
  }

  request(id: number): BookingRequestRecord | undefined {
    return this.requests.get(id);
  }

  /** The times an EVSE is taken by bookings (but `exceptBookingId`'s). */
  busy(evseId: number, exceptBookingId?: number): Interval[] {
    return this.allBookings()
      .filter((booking) => booking.evseId === evseId && booking.id !== exceptBookingId && holdsEvse(booking))
      .map((booking) => ({ start: booking.startAt, end: booking.endAt }));
  }

  /** Records a validated request as pending. */
  submit(input: BookingRequestInput, now: number): BookingRequestRecord {
    const request: BookingRequestRecord = {
      id: this.nextRequestId++,
      input,
      status: 'pending',
      createdAt: now,
      lastUpdatedAt: now,
      ...(input.type === 'create' ? {} : { bookingId: input.bookingId }),
    };
    this.requests.set(request.id, request);
    return request;
  }

  /** Decides, in order, every pending request whose pending time is over at `now`. */
  settle(now: number): void {
    for (const request of this.allRequests()) {
      const decidedAt = request.createdAt + this.pendingMs;
      if (request.status === 'pending' && decidedAt <= now) this.decide(request, decidedAt);
    }
  }

  private decide(request: BookingRequestRecord, at: number): void {
    const { input } = request;
    const reason =
      input.type === 'create'
        ? this.create(request, input, at)
        : input.type === 'update'
          ? this.update(input, at)
          : this.cancel(input, at);
    request.lastUpdatedAt = at;
    if (reason === undefined) {
      request.status = 'approved';
    } else {
      request.status = 'rejected';
      request.rejectionReason = reason;
    }
  }

  /** Books the requested EVSE, or the first bookable free one of the location; a reason when it cannot. */
  private create(request: BookingRequestRecord, input: CreateInput, at: number): string | undefined {
    const { userId, locationId, startAt, endAt } = input;
    if (startAt <= at) return REJECTION_REASONS.startPassed;
    const slot: Interval = { start: startAt, end: endAt };
    const isFree = (evse: EvseRecord): boolean => !this.busy(evse.id).some((taken) => overlaps(taken, slot));
    let evse: EvseRecord | undefined;
    if (input.evseId !== undefined) {
      evse = EVSES.find((candidate) => candidate.id === input.evseId);
      if (evse === undefined || !isBookable(evse)) return REJECTION_REASONS.evseNotBookable;
      if (!isFree(evse)) return REJECTION_REASONS.slotTaken;
    } else {
      evse = EVSES.find(
        (candidate) => candidate.locationId === locationId && isBookable(candidate) && isFree(candidate),
      );
      if (evse === undefined) return REJECTION_REASONS.noEvseFree;
    }
    const booking: BookingRecord = {
      id: this.nextBookingId++,
      userId,
      locationId,
      evseId: evse.id,
      startAt,
      endAt,
      status: 'accepted',
      createdAt: at,
      lastUpdatedAt: at,
    };
    this.bookings.set(booking.id, booking);
    request.bookingId = booking.id;
    return undefined;
  }

  /** Moves a booking (and/or gives it to another user) when its new time is free. */
  private update(input: UpdateInput, at: number): string | undefined {
    const booking = this.bookings.get(input.bookingId);
    if (booking === undefined || !holdsEvse(booking)) return REJECTION_REASONS.bookingClosed;
    const slot: Interval = { start: input.startAt ?? booking.startAt, end: input.endAt ?? booking.endAt };
    if (slot.end <= slot.start) return REJECTION_REASONS.slotTaken;
    if (slot.start <= at) return REJECTION_REASONS.startPassed;
    if (this.busy(booking.evseId, booking.id).some((taken) => overlaps(taken, slot)))
      return REJECTION_REASONS.slotTaken;
    booking.startAt = slot.start;
    booking.endAt = slot.end;
    if (input.userId !== undefined) booking.userId = input.userId;
    booking.lastUpdatedAt = at;
    return undefined;
  }

  private cancel(input: CancelInput, at: number): string | undefined {
    const booking = this.bookings.get(input.bookingId);
    if (booking === undefined || !holdsEvse(booking)) return REJECTION_REASONS.bookingClosed;
    booking.status = 'cancelled';
    booking.lastUpdatedAt = at;
    return undefined;
  }
}
