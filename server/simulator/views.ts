/**
 * The simulator's records as the Ampeco Public API writes them. Every shape here is checked
 * against Ampeco's OpenAPI definitions by test/server/simulator.test.ts.
 */
import { isoUtc, type JsonObject } from './http.js';
import {
  ROAMING_OPERATOR_ID,
  SEEDED_AT,
  type BookingRecord,
  type ChargePointRecord,
  type EvseRecord,
  type LocationRecord,
  type UserRecord,
} from './seed.js';
import type { BookingRequestRecord } from './store.js';

const seededAt = isoUtc(SEEDED_AT);

/** Fields left out of the JSON when undefined. */
function defined(fields: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

export function locationView(location: LocationRecord): JsonObject {
  return {
    id: location.id,
    externalId: null,
    name: location.name,
    description: location.description,
    geoposition: { latitude: location.latitude, longitude: location.longitude },
    address: location.address,
    city: location.city,
    region: null,
    country: location.country,
    postCode: location.postCode,
    timezone: location.timezone,
    parkingType: location.parkingType,
    accessMethods: ['OPEN'],
    facilities: [],
    locationImage: null,
    images: [],
    // Bookable around the clock: the simulator has no opening hours.
    workingHours: {
      isAlwaysOpen: true,
      stopSessionOutsideWorkingHours: null,
      alwaysOpenForUserGroupIds: null,
      hours: null,
    },
    chargingZones: [],
    roamingOperatorId: ROAMING_OPERATOR_ID,
    tags: [],
    externalAppData: null,
    status: 'enabled',
    lastUpdatedAt: seededAt,
  };
}

export function chargePointView(chargePoint: ChargePointRecord): JsonObject {
  return {
    id: chargePoint.id,
    name: chargePoint.name,
    type: 'public',
    locationId: chargePoint.locationId,
    chargingZoneId: null,
    networkType: 'ethernet',
    status: 'enabled',
    network: { id: chargePoint.networkId, protocol: 'ocpp 1.6' },
    capabilities: ['remote_start_stop_capable', 'meter_values'],
    autoStartWithoutAuthorization: false,
    disableAutoStartEmulation: false,
    security: { desiredProfile: 1, currentProfile: 1, hardwareEnabledProfile: 1, desiredProfileStatus: 'applied' },
    modelId: null,
    enableAutoFaultRecovery: true,
    utilityId: null,
    createdAt: seededAt,
    networkStatus: 'available',
    hardwareStatus: 'available',
    tags: [],
    noticeId: null,
    usesRenewableEnergy: true,
    lastUpdatedAt: seededAt,
    communicationMode: 'direct_ocpp',
  };
}

const HARDWARE_STATUS: Record<EvseRecord['status'], string> = {
  enabled: 'available',
  disabled: 'unavailable',
  'out of order': 'faulted',
};

export function evseView(evse: EvseRecord, withConnectors: boolean): JsonObject {
  const connectorStatus = evse.status === 'disabled' ? 'disabled' : 'enabled';
  return defined({
    id: evse.id,
    physicalReference: evse.physicalReference,
    label: evse.label,
    currentType: evse.currentType,
    networkId: evse.networkId,
    status: evse.status,
    allowsReservation: evse.bookingEnabled,
    bookingEnabled: evse.bookingEnabled,
    powerOptions: {
      maxPower: evse.maxPower,
      maxVoltage: evse.currentType === 'ac' ? '400' : null,
      maxAmperage: evse.currentType === 'ac' ? Math.round(evse.maxPower / (400 * Math.sqrt(3))) : null,
      phases: evse.currentType === 'ac' ? 'three_phase' : null,
      phaseRotation: null,
      connectedPhase: null,
    },
    roamingOperatorId: ROAMING_OPERATOR_ID,
    hardwareStatus: HARDWARE_STATUS[evse.status],
    connectors: withConnectors
      ? evse.connectors.map((connector) => ({ ...connector, status: connectorStatus }))
      : undefined,
    externalAppData: null,
    createdAt: seededAt,
    lastUpdatedAt: seededAt,
  });
}

export function userView(user: UserRecord): JsonObject {
  return {
    id: user.id,
    email: user.email,
    emailVerified: seededAt,
    requirePasswordReset: false,
    firstName: user.firstName,
    middleName: null,
    lastName: user.lastName,
    phone: user.phone,
    country: 'BG',
    state: null,
    city: null,
    postCode: null,
    address: null,
    vehicleNo: null,
    locale: user.locale,
    balance: 0,
    status: 'enabled',
    userGroupIds: [],
    externalId: null,
    subscriptionId: null,
    lastUpdatedAt: seededAt,
    createdAt: seededAt,
    receiveNewsAndPromotions: false,
    externalAppData: null,
  };
}

/**
 * A booking with its EVSE (`evse`, as in Ampeco's booking docs) and, when asked with
 * `include[]=bookedEvses`, the ids of its booked EVSEs.
 */
export function bookingView(
  booking: BookingRecord,
  evse: EvseRecord | undefined,
  withBookedEvses: boolean,
): JsonObject {
  return defined({
    id: booking.id,
    userId: booking.userId,
    authorizedTokens: [],
    locationId: booking.locationId,
    startAt: isoUtc(booking.startAt),
    endAt: isoUtc(booking.endAt),
    status: booking.status,
    accessMethods: null,
    evse: evse === undefined ? undefined : evseView(evse, true),
    bookedEvses: withBookedEvses ? [{ id: booking.evseId }] : undefined,
    createdAt: isoUtc(booking.createdAt),
    lastUpdatedAt: isoUtc(booking.lastUpdatedAt),
  });
}

export function bookingRequestView(request: BookingRequestRecord): JsonObject {
  const { input } = request;
  return defined({
    id: request.id,
    type: input.type,
    status: request.status,
    userId: input.type === 'cancel' ? undefined : input.userId,
    locationId: input.type === 'create' ? input.locationId : undefined,
    evseId: input.type === 'create' ? input.evseId : undefined,
    startAt: input.type === 'cancel' || input.startAt === undefined ? undefined : isoUtc(input.startAt),
    endAt: input.type === 'cancel' || input.endAt === undefined ? undefined : isoUtc(input.endAt),
    externalId: input.externalId,
    bookingId: request.bookingId,
    rejectionReason: request.rejectionReason,
    authorizedTokens: [],
    createdAt: isoUtc(request.createdAt),
    lastUpdatedAt: isoUtc(request.lastUpdatedAt),
  });
}
