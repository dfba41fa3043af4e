// The HTTP calls of truck mode: checkpoints, the truck stops around one, and the stops along a route. WGS-84 both ways.

import type { Kind } from './api';

/** What a driver's vehicle needs of a stop; sent as the API's truck filters. */
export interface Vehicle {
  lengthM: number | null;
  hazmat: boolean;
}

export interface Checkpoint {
  id: number;
  name: string;
  road: string | null;
  lat: number;
  lon: number;
}

export interface TruckStop {
  id: number;
  name: string;
  kind: Kind;
  lat: number;
  lon: number;
  truckParkingSpaces: number | null;
  maxVehicleLengthM: number | null;
  hazmatAllowed: boolean;
  distanceM?: number;
  alongM?: number;
  offsetM?: number;
}

export interface RouteStops {
  lengthM: number;
  count: number;
  truncated: boolean;
  items: TruckStop[];
}

/** A 400 answer: the fields at fault, so the panel can say which input is wrong. */
export class RequestProblem extends Error {
  constructor(readonly fields: string[]) {
    super(fields.join(', '));
  }
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 400 || response.status === 413) {
    const problem = (await response.json()) as { errors?: Record<string, string[]> };
    throw new RequestProblem(Object.keys(problem.errors ?? {}));
  }
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return (await response.json()) as T;
}

export async function fetchCheckpoints(): Promise<Checkpoint[]> {
  const collection = await json<GeoJSON.FeatureCollection<GeoJSON.Point, { name: string; road: string | null }>>(
    await fetch('/api/checkpoints', { headers: { accept: 'application/geo+json' } }));
  return collection.features.map((f) => {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    return { id: Number(f.id), name: f.properties.name, road: f.properties.road, lon, lat };
  });
}

export const checkpointStopsUrl = (checkpointId: number, vehicle: Vehicle, k: number): string => {
  const params = new URLSearchParams({ k: String(k) });
  if (vehicle.lengthM !== null) params.set('vehicleLengthM', String(vehicle.lengthM));
  if (vehicle.hazmat) params.set('hazmat', 'true');
  return `/api/checkpoints/${checkpointId}/stops?${params}`;
};

export async function fetchCheckpointStops(checkpointId: number, vehicle: Vehicle, k: number): Promise<TruckStop[]> {
  return (await json<{ items: TruckStop[] }>(await fetch(checkpointStopsUrl(checkpointId, vehicle, k)))).items;
}

/** Truck stops (truck parking required) within corridorM of the route, in the order the driver reaches them. */
export async function fetchRouteStops(route: unknown, corridorM: number, vehicle: Vehicle): Promise<RouteStops> {
  const body = { route, corridorM, truck: true, hazmat: vehicle.hazmat, ...(vehicle.lengthM !== null ? { vehicleLengthM: vehicle.lengthM } : {}) };
  return json<RouteStops>(await fetch('/api/routes/stops', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  }));
}

/** The [lon, lat] positions of a pasted GeoJSON LineString or Feature, for framing the map; null when it is neither. */
export function routePositions(route: unknown): { lat: number; lon: number }[] | null {
  const geometry = (route as { type?: string; geometry?: unknown })?.type === 'Feature' ? (route as { geometry: unknown }).geometry : route;
  const line = geometry as { type?: string; coordinates?: unknown };
  if (line?.type !== 'LineString' || !Array.isArray(line.coordinates)) return null;
  return line.coordinates
    .filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
    .map(([lon, lat]) => ({ lat, lon }));
}
