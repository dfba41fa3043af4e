// The HTTP calls of truck mode: checkpoints, the truck stops around one, and the stops along a route. WGS-84 both ways.

import { setVehicle, type Vehicle } from './api';
import type { Answer, GeoJsonAnswer } from './answers';
import { requestData } from './http';

export type { Vehicle } from './api';

/** A checkpoint as the map shows it, read from the checkpoints' GeoJSON. */
export type Checkpoint = Pick<Answer<'CheckpointDetail'>, 'id' | 'name' | 'road' | 'lat' | 'lon'>;

/** A stop with truck parking, as the checkpoint list (distanceM) or the route list (alongM, offsetM) answers it. */
export type TruckStop = Answer<'CheckpointStop'> | Answer<'RouteStop'>;

export type RouteStops = Answer<'RouteStopsResponse'>;

export async function fetchCheckpoints(): Promise<Checkpoint[]> {
  const collection = await requestData<GeoJsonAnswer<'FeatureCollectionOfPointGeometryAndCheckpointProperties', GeoJSON.Point, 'CheckpointProperties'>>(
    '/api/checkpoints', { headers: { accept: 'application/geo+json' } });
  return collection.features.map((f) => {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    return { id: Number(f.id), name: f.properties.name, road: f.properties.road, lon, lat };
  });
}

export const checkpointStopsUrl = (checkpointId: number, vehicle: Vehicle, k: number): string =>
  `/api/checkpoints/${checkpointId}/stops?${setVehicle(new URLSearchParams({ k: String(k) }), vehicle)}`;

export async function fetchCheckpointStops(checkpointId: number, vehicle: Vehicle, k: number): Promise<TruckStop[]> {
  return (await requestData<Answer<'CheckpointStopsResponse'>>(checkpointStopsUrl(checkpointId, vehicle, k))).items;
}

/** Truck stops (truck parking required) within corridorM of the route, in the order the driver reaches them. */
export async function fetchRouteStops(route: unknown, corridorM: number, vehicle: Vehicle): Promise<RouteStops> {
  const body = { route, corridorM, truck: true, hazmat: vehicle.hazmat, ...(vehicle.lengthM !== null ? { vehicleLengthM: vehicle.lengthM } : {}) };
  return requestData<RouteStops>('/api/routes/stops', { json: body });
}
