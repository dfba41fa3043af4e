// Check-ins: the device's random id (made on first use, kept on the phone; no account) and the one call that sends a
// check-in. The position goes along for the proximity check only; the API keeps none of it.

import type { LatLon } from './coords';
import type { Answer } from './answers';
import { requestData } from './http';

export const CHECKIN_KINDS = ['visited', 'open_confirmed', 'closed_now', 'crowded', 'amenity_missing', 'closed_permanently'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];
export type CheckinResponse = Answer<'CheckinResponse'>;
export type StationStatus = NonNullable<Answer<'StatusReport'>>;

const DEVICE_KEY = 'stationmap.device';

/** This phone's device id: a random UUID made once. Without storage (private mode) a new one per page. */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, made);
    return made;
  } catch {
    return crypto.randomUUID();
  }
}

export interface CheckinInput {
  kind: CheckinKind;
  amenity?: string;
  comment?: string;
}

export const postCheckin = (stationId: number, input: CheckinInput, position: LatLon | null): Promise<CheckinResponse> =>
  requestData<CheckinResponse>(`/api/stations/${stationId}/checkins`, {
    headers: { 'X-Device-Id': deviceId() },
    json: { ...input, ...(position ? { lat: Number(position.lat.toFixed(6)), lon: Number(position.lon.toFixed(6)) } : {}) },
  });
