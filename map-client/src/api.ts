// The station endpoints: map config, nearest, search, one station, and the URL of the stations' vector tiles. WGS-84
// both ways, except tiles asked for in GCJ-02.

import type { Answer } from './answers';
import type { LatLon } from './coords';
import { request, type Fetched } from './http';

export type Kind = 'warm_station' | 'workers_home' | 'checkpoint_rest_stop';

export const KINDS: readonly Kind[] = ['warm_station', 'workers_home', 'checkpoint_rest_stop'];

/** The amenities offered as filters, most asked for first (the API knows a few more). */
export const FILTER_AMENITIES = [
  'drinking_water', 'hot_water', 'microwave', 'phone_charging', 'toilet', 'seating', 'air_conditioning', 'heating',
  'first_aid', 'wifi', 'truck_parking',
] as const;

export type MapConfig = Answer<'MapConfig'>;

/** A station as the nearest list answers it: the station summary every list shares, with distance, bearing and hours. */
export type NearestItem = Answer<'NearestItem'>;

export type StationDetail = Answer<'StationDetail'>;

/** What a driver's vehicle needs of a stop; sent as the API's truck filters (truck parking, length, hazardous goods). */
export interface Vehicle {
  lengthM: number | null;
  hazmat: boolean;
}

/**
 * The filters the nearest list and the map's tiles share, so markers and list always agree; `vehicle` is set while
 * truck mode is open.
 */
export interface StationFilter {
  kinds: readonly string[];
  amenities: readonly string[];
  openNow: boolean;
  vehicle?: Vehicle | null;
}

export interface NearestQuery extends StationFilter {
  lat: number;
  lon: number;
  k: number;
}

/** The datum of a basemap: tiles for a GCJ-02 basemap (Amap, Tencent) are cut from shifted positions. */
export type Crs = 'wgs84' | 'gcj02';

/** The truck filters of a vehicle; `truck=true` is left to the caller, as checkpoint stops require parking anyway. */
export const setVehicle = (params: URLSearchParams, vehicle: Vehicle): URLSearchParams => {
  if (vehicle.lengthM !== null) params.set('vehicleLengthM', String(vehicle.lengthM));
  if (vehicle.hazmat) params.set('hazmat', 'true');
  return params;
};

const setFilter = (params: URLSearchParams, f: StationFilter): URLSearchParams => {
  if (f.kinds.length > 0) params.set('kind', f.kinds.join(','));
  if (f.amenities.length > 0) params.set('amenity', f.amenities.join(','));
  if (f.openNow) params.set('openNow', 'true');
  if (f.vehicle) {
    params.set('truck', 'true');
    setVehicle(params, f.vehicle);
  }
  return params;
};

const getJson = <T>(url: string, signal?: AbortSignal): Promise<Fetched<T>> =>
  request<T>(url, { signal, headers: { accept: 'application/json' } });

export const nearestUrl = (q: NearestQuery): string => {
  const params = setFilter(new URLSearchParams({ lat: q.lat.toFixed(6), lon: q.lon.toFixed(6), k: String(q.k) }), q);
  return `/api/stations/nearest?${params}`;
};

export const fetchConfig = () => getJson<MapConfig>('/api/config');

export const fetchNearest = (q: NearestQuery, signal?: AbortSignal) =>
  getJson<Answer<'NearestResponse'>>(nearestUrl(q), signal);

/** Tells the service worker a nearest request is not the worker's own list (sw.ts keeps only that as the last list). */
export const ASIDE_HEADER = 'x-stationmap-aside';

/** Nearest for a list beside the worker's own (a retired station's alternatives): not kept as the last list. */
export const fetchNearestAside = (q: NearestQuery) =>
  request<Answer<'NearestResponse'>>(nearestUrl(q), { headers: { accept: 'application/json', [ASIDE_HEADER]: '1' } });

export const fetchStation = (id: number) => getJson<StationDetail>(`/api/stations/${id}`);

/** A station of a search's answer: the list's station summary, how it matched, and its distance when a position was sent. */
export type SearchItem = Answer<'SearchItem'>;

/** The longest query the API accepts (characters once trimmed). */
export const SEARCH_MAX_LENGTH = 100;

/** A search of names, addresses, districts and hosts; from the worker's position when it is known (nearer ranks higher). */
export const searchUrl = (text: string, origin: LatLon | null, limit: number): string => {
  const params = new URLSearchParams({ q: text.trim() });
  if (origin) {
    params.set('lat', origin.lat.toFixed(6));
    params.set('lon', origin.lon.toFixed(6));
  }
  params.set('limit', String(limit));
  return `/api/stations/search?${params}`;
};

export const fetchSearch = (text: string, origin: LatLon | null, limit: number, signal?: AbortSignal) =>
  getJson<Answer<'SearchResponse'>>(searchUrl(text, origin, limit), signal);

/**
 * The template MapLibre fills in for the stations' vector tiles (absolute: the map's worker fetches it, and `{z}` must
 * stay unescaped, so not built with URL). Clusters and stations are both counted under the filter.
 */
export const stationTilesUrl = (origin: string, f: StationFilter, crs: Crs): string => {
  const params = setFilter(new URLSearchParams(), f);
  if (crs !== 'wgs84') params.set('crs', crs);
  const query = params.toString();
  return `${origin}/tiles/stations/{z}/{x}/{y}.mvt${query ? `?${query}` : ''}`;
};
