/**
 * Seeded data of the Ampeco simulator: what a small charging network looks like in the Public API.
 *
 * Locations, charge points, EVSEs and users never change. Bookings are seeded relative to the
 * simulator's clock (tomorrow and the day after, in UTC) so that the availability always has gaps
 * in the coming days, whatever the date.
 */

export interface Translation {
  locale: string;
  translation: string;
}

export interface LocationRecord {
  id: number;
  name: Translation[];
  description: Translation[];
  address: Translation[];
  city: string | null;
  country: string;
  postCode: string | null;
  /** IANA zone; null for a location whose operator did not set one. */
  timezone: string | null;
  parkingType: 'UNDERGROUND_GARAGE' | 'PARKING_LOT';
  latitude: number;
  longitude: number;
}

export interface ChargePointRecord {
  id: number;
  name: string;
  locationId: number;
  networkId: string;
}

export type EvseStatus = 'enabled' | 'disabled' | 'out of order';

export interface ConnectorRecord {
  id: number;
  type: string;
  format: 'socket' | 'cable';
}

export interface EvseRecord {
  id: number;
  chargePointId: number;
  locationId: number;
  physicalReference: string;
  label: string;
  currentType: 'ac' | 'dc';
  /** OCPP EVSE id on its charge point. */
  networkId: string;
  status: EvseStatus;
  bookingEnabled: boolean;
  /** Watts. */
  maxPower: number;
  connectors: ConnectorRecord[];
}

export interface UserRecord {
  /** A string in the users API, an integer everywhere else. */
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  locale: string;
}

export type BookingStatus = 'accepted' | 'reserved' | 'completed' | 'cancelled' | 'no-show' | 'failed';

export interface BookingRecord {
  id: number;
  userId: number;
  locationId: number;
  evseId: number;
  /** Epoch milliseconds. */
  startAt: number;
  endAt: number;
  status: BookingStatus;
  createdAt: number;
  lastUpdatedAt: number;
}

/** When the static records were created and last changed. */
export const SEEDED_AT: number = Date.parse('2025-01-15T09:00:00Z');

/** The operator's own id among roaming operators (required by the API on locations and EVSEs). */
export const ROAMING_OPERATOR_ID = 1;

export const LOCATIONS: readonly LocationRecord[] = [
  {
    id: 7,
    name: [
      { locale: 'en', translation: 'Sofia Tech Park Garage' },
      { locale: 'bg', translation: 'Гараж София Тех Парк' },
      { locale: 'de', translation: 'Tiefgarage Sofia Tech Park' },
    ],
    description: [
      { locale: 'en', translation: 'Underground garage, level -1. Entrance from Tsarigradsko Shose.' },
      { locale: 'bg', translation: 'Подземен гараж, ниво -1. Вход от Цариградско шосе.' },
    ],
    address: [
      { locale: 'en', translation: '111B Tsarigradsko Shose Blvd' },
      { locale: 'bg', translation: 'бул. Цариградско шосе 111Б' },
    ],
    city: 'Sofia',
    country: 'BG',
    postCode: '1784',
    timezone: 'Europe/Sofia',
    parkingType: 'UNDERGROUND_GARAGE',
    latitude: 42.6666,
    longitude: 23.3736,
  },
  {
    id: 8,
    name: [
      { locale: 'en', translation: 'Plovdiv Old Town Parking' },
      { locale: 'bg', translation: 'Паркинг Старият град' },
    ],
    description: [],
    address: [{ locale: 'en', translation: '2 Saborna St' }],
    city: 'Plovdiv',
    country: 'BG',
    postCode: null,
    timezone: null,
    parkingType: 'PARKING_LOT',
    latitude: 42.1497,
    longitude: 24.7536,
  },
];

export const CHARGE_POINTS: readonly ChargePointRecord[] = [
  { id: 101, name: 'Garage West (AC)', locationId: 7, networkId: 'STP-AC-101' },
  { id: 102, name: 'Garage East (DC)', locationId: 7, networkId: 'STP-DC-102' },
  { id: 201, name: 'Old Town Charger', locationId: 8, networkId: 'PDV-AC-201' },
];

interface EvseSeed {
  id: number;
  chargePointId: number;
  label: string;
  currentType: 'ac' | 'dc';
  maxPower: number;
  connectors: ConnectorRecord[];
  status?: EvseStatus;
  bookingEnabled?: boolean;
}

const socket = (id: number, type: string): ConnectorRecord => ({ id, type, format: 'socket' });
const cable = (id: number, type: string): ConnectorRecord => ({ id, type, format: 'cable' });

/** One EVSE's seed: the fields that differ from port to port; status and bookability only where not the default. */
const evseSeed = (
  id: number,
  chargePointId: number,
  label: string,
  currentType: 'ac' | 'dc',
  maxPower: number,
  connectors: ConnectorRecord[],
  overrides: Pick<EvseSeed, 'status' | 'bookingEnabled'> = {},
): EvseSeed => ({ id, chargePointId, label, currentType, maxPower, connectors, ...overrides });

const EVSE_SEEDS: readonly EvseSeed[] = [
  // Charge point 101: three AC ports; Port C is switched off by the operator.
  evseSeed(11, 101, 'Port A', 'ac', 22000, [socket(111, 'type2')]),
  evseSeed(12, 101, 'Port B', 'ac', 22000, [socket(121, 'type2')]),
  evseSeed(13, 101, 'Port C', 'ac', 11000, [socket(131, 'type2')], { status: 'disabled' }),
  // Charge point 102: DC ports; Port F is out of order, Port G is not open to bookings.
  evseSeed(21, 102, 'Port D', 'dc', 150000, [cable(211, 'ccs2'), cable(212, 'chademo')]),
  evseSeed(22, 102, 'Port E', 'dc', 150000, [cable(221, 'ccs2')]),
  evseSeed(23, 102, 'Port F', 'dc', 50000, [cable(231, 'chademo')], { status: 'out of order' }),
  evseSeed(24, 102, 'Port G', 'ac', 43000, [cable(241, 'type2')], { bookingEnabled: false }),
  // Charge point 201 (location 8).
  evseSeed(31, 201, 'Port 1', 'ac', 22000, [socket(311, 'type2')]),
  evseSeed(32, 201, 'Port 2', 'ac', 22000, [socket(321, 'type2'), socket(322, 'schuko')]),
];

function toEvse(seed: EvseSeed): EvseRecord {
  const chargePoint = CHARGE_POINTS.find((candidate) => candidate.id === seed.chargePointId);
  if (chargePoint === undefined) throw new Error(`EVSE ${seed.id}: no charge point ${seed.chargePointId}`);
  const siblings = EVSE_SEEDS.filter((candidate) => candidate.chargePointId === seed.chargePointId);
  return {
    id: seed.id,
    chargePointId: seed.chargePointId,
    locationId: chargePoint.locationId,
    physicalReference: `${chargePoint.networkId}-${seed.label.slice(-1)}`,
    label: seed.label,
    currentType: seed.currentType,
    networkId: String(siblings.indexOf(seed) + 1),
    status: seed.status ?? 'enabled',
    bookingEnabled: seed.bookingEnabled ?? true,
    maxPower: seed.maxPower,
    connectors: seed.connectors,
  };
}

export const EVSES: readonly EvseRecord[] = EVSE_SEEDS.map(toEvse);

export const USERS: readonly UserRecord[] = [
  {
    id: '42',
    email: 'driver@example.com',
    firstName: 'Maria',
    lastName: 'Ivanova',
    phone: '+359888123456',
    locale: 'bg',
  },
  {
    id: '43',
    email: 'fleet@example.com',
    firstName: 'Georgi',
    lastName: 'Petrov',
    phone: '+359888654321',
    locale: 'en',
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Bookings of the second user that leave gaps in the coming days: on Port A tomorrow
 * 08:00–10:00 and the day after 14:00–16:00 (UTC), on Port D tomorrow 12:00–13:30, and on
 * Plovdiv's Port 1 tomorrow 09:00–11:00.
 */
export function seedBookings(now: number): BookingRecord[] {
  const tomorrow = Math.floor(now / DAY) * DAY + DAY;
  const booking = (id: number, evseId: number, start: number, end: number): BookingRecord => {
    const record = EVSES.find((candidate) => candidate.id === evseId);
    if (record === undefined) throw new Error(`booking ${id}: no EVSE ${evseId}`);
    return {
      id,
      userId: 43,
      locationId: record.locationId,
      evseId,
      startAt: start,
      endAt: end,
      status: 'accepted',
      createdAt: now - DAY,
      lastUpdatedAt: now - DAY,
    };
  };
  return [
    booking(501, 11, tomorrow + 8 * HOUR, tomorrow + 10 * HOUR),
    booking(502, 21, tomorrow + 12 * HOUR, tomorrow + 13.5 * HOUR),
    booking(503, 11, tomorrow + DAY + 14 * HOUR, tomorrow + DAY + 16 * HOUR),
    booking(504, 31, tomorrow + 9 * HOUR, tomorrow + 11 * HOUR),
  ];
}
