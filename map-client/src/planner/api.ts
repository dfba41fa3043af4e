// HTTP calls of the planner view (/api/planning). Coordinates are WGS-84 both ways.

import type { Answer, GeoJsonAnswer } from '../answers';
import { bearer, requestData } from '../http';

export type DemandLayer = Answer<'DemandLayer'>;

export type Coverage = Omit<Answer<'CoverageResponse'>, 'uncovered'> & {
  /** Uncovered demand summed on a grid. */
  uncovered: GeoJsonAnswer<'FeatureCollectionOfPolygonGeometryAndCellProperties', GeoJSON.Polygon, 'CellProperties'>;
};

export type RunResult = Answer<'PlanningResult'>;

export type SuggestedSite = Answer<'SuggestedSiteResult'>;

export type Run = Answer<'RunResponse'>;

export interface RunRequest {
  layer: string;
  radiusM: number;
  p: number;
  kind?: string;
  solver: 'greedy' | 'exact' | 'auto';
}

export interface StationPoint {
  lat: number;
  lon: number;
}

export async function fetchLayers(): Promise<DemandLayer[]> {
  return (await requestData<Answer<'LayersResponse'>>('/api/planning/layers')).layers;
}

export async function fetchCoverage(layer: string, radiusM: number, kind: string, cellM: number): Promise<Coverage> {
  const query = new URLSearchParams({ layer, radiusM: String(radiusM), cellM: String(cellM) });
  if (kind) query.set('kind', kind);
  return requestData<Coverage>(`/api/planning/coverage?${query}`);
}

export async function startRun(request: RunRequest, key: string): Promise<number> {
  return (await requestData<Answer<'RunAccepted'>>('/api/planning/runs', { json: request, headers: bearer(key) })).id;
}

/** A run is readable with a planner's (or an operator's) key only: it names who started it. */
export async function fetchRun(id: number, key: string): Promise<Run> {
  return requestData<Run>(`/api/planning/runs/${id}`, { headers: bearer(key) });
}

/** Live stations in a WGS-84 box, for drawing their coverage radius. */
export async function fetchStationPoints(box: [number, number, number, number], kind: string): Promise<StationPoint[]> {
  const query = new URLSearchParams({ bbox: box.join(',') });
  if (kind) query.set('kind', kind);
  const collection = await requestData<GeoJsonAnswer<'StationFeatureCollection', GeoJSON.Point, 'StationProperties'>>(`/api/stations?${query}`);
  return collection.features.map((f) => {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    return { lon, lat };
  });
}
