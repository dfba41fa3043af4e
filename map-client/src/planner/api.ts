// HTTP calls of the planner view (/api/planning). Coordinates are WGS-84 both ways.

import { bearer, requestData } from '../http';

export interface DemandLayer {
  name: string;
  points: number;
  totalWeight: number;
}

export interface CoverageCell {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  properties: { weight: number; points: number };
}

export interface Coverage {
  layer: string;
  radiusM: number;
  totalWeight: number;
  coveredWeight: number;
  share: number;
  districts: { district: string; totalWeight: number; coveredWeight: number; share: number }[];
  uncovered: { type: 'FeatureCollection'; features: CoverageCell[] };
}

export interface SuggestedSite {
  rank: number;
  candidateId: number;
  name: string;
  hostType: string;
  district: string | null;
  lat: number;
  lon: number;
  marginalGain: number;
  coveredAfter: number;
}

export interface RunResult {
  solver: string;
  status: string;
  objective: number;
  bound: number;
  gap: number;
  totalWeight: number;
  coveredBefore: number;
  coveredAfter: number;
  shareBefore: number;
  shareAfter: number;
  solveMs: number;
  sites: SuggestedSite[];
}

export interface Run {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  result: RunResult | null;
  error: string | null;
}

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
  return (await requestData<{ layers: DemandLayer[] }>('/api/planning/layers')).layers;
}

export async function fetchCoverage(layer: string, radiusM: number, kind: string, cellM: number): Promise<Coverage> {
  const query = new URLSearchParams({ layer, radiusM: String(radiusM), cellM: String(cellM) });
  if (kind) query.set('kind', kind);
  return requestData<Coverage>(`/api/planning/coverage?${query}`);
}

export async function startRun(request: RunRequest, key: string): Promise<number> {
  return (await requestData<{ id: number }>('/api/planning/runs', { json: request, headers: bearer(key) })).id;
}

/** A run is readable with a planner's (or an operator's) key only: it names who started it. */
export async function fetchRun(id: number, key: string): Promise<Run> {
  return requestData<Run>(`/api/planning/runs/${id}`, { headers: bearer(key) });
}

/** Live stations in a WGS-84 box, for drawing their coverage radius. */
export async function fetchStationPoints(box: [number, number, number, number], kind: string): Promise<StationPoint[]> {
  const query = new URLSearchParams({ bbox: box.join(',') });
  if (kind) query.set('kind', kind);
  const collection = await requestData<{ features: { geometry: { coordinates: [number, number] } }[] }>(`/api/stations?${query}`);
  return collection.features.map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
}
