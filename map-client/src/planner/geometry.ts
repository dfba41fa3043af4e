// Pure geometry for the planner overlays: reach circles in metres, and the heat ramp of uncovered demand.

import type { LatLon } from '../coords';

const EARTH_RADIUS_M = 6_371_008.8;

/** A closed ring of [lon, lat] around a point at a geodesic distance of radiusM (spherical; a drawing, not a measure). */
export function circleRing(centre: LatLon, radiusM: number, vertices = 48): [number, number][] {
  const lat1 = (centre.lat * Math.PI) / 180;
  const lon1 = (centre.lon * Math.PI) / 180;
  const angular = radiusM / EARTH_RADIUS_M;
  const ring: [number, number][] = [];
  for (let i = 0; i <= vertices; i++) {
    const bearing = (2 * Math.PI * (i % vertices)) / vertices;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
    const lon2 = lon1 + Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([(lon2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
  }
  return ring;
}

/** Heat colours for uncovered weight, from light (little) to dark red (the most in view). */
export const HEAT_RAMP = ['#fde68a', '#f59e0b', '#dc2626', '#7f1d1d'] as const;

/** Stops of a MapLibre interpolate expression spreading HEAT_RAMP over [0, max]. */
export function heatStops(max: number): (number | string)[] {
  const top = Math.max(max, 1);
  return HEAT_RAMP.flatMap((colour, i) => [(top * i) / (HEAT_RAMP.length - 1), colour]);
}
