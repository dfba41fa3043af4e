// The station endpoints: map config, nearest, one station, stations and clusters in view. WGS-84 both ways.

import type { Answer, GeoJsonAnswer } from './answers';
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

export interface NearestQuery {
  lat: number;
  lon: number;
  k: number;
  kinds: readonly string[];
  amenities: readonly string[];
  openNow: boolean;
}

const getJson = <T>(url: string, signal?: AbortSignal): Promise<Fetched<T>> =>
  request<T>(url, { signal, headers: { accept: 'application/json' } });

export const nearestUrl = (q: NearestQuery): string => {
  const params = new URLSearchParams({ lat: q.lat.toFixed(6), lon: q.lon.toFixed(6), k: String(q.k) });
  if (q.kinds.length > 0) params.set('kind', q.kinds.join(','));
  if (q.amenities.length > 0) params.set('amenity', q.amenities.join(','));
  if (q.openNow) params.set('openNow', 'true');
  return `/api/stations/nearest?${params}`;
};

export const fetchConfig = () => getJson<MapConfig>('/api/config');

export const fetchNearest = (q: NearestQuery, signal?: AbortSignal) =>
  getJson<Answer<'NearestResponse'>>(nearestUrl(q), signal);

export const fetchStation = (id: number) => getJson<StationDetail>(`/api/stations/${id}`);

export type BBox = [number, number, number, number];

const bboxParam = (b: BBox) => b.map((v) => v.toFixed(5)).join(',');

export const fetchStationsInView = (bbox: BBox, kinds: readonly string[], signal: AbortSignal) =>
  getJson<GeoJsonAnswer<'StationFeatureCollection', GeoJSON.Point, 'StationProperties'>>(
    `/api/stations?bbox=${bboxParam(bbox)}${kinds.length ? `&kind=${kinds.join(',')}` : ''}`, signal);

export const fetchClusters = (bbox: BBox, zoom: number, kinds: readonly string[], signal: AbortSignal) =>
  getJson<GeoJsonAnswer<'StationClusterCollection', GeoJSON.Point, 'StationClusterProperties'>>(
    `/api/stations/clusters?bbox=${bboxParam(bbox)}&zoom=${Math.floor(zoom)}${kinds.length ? `&kind=${kinds.join(',')}` : ''}`,
    signal);
