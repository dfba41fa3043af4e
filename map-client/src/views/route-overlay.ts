// Truck mode's road ahead on the map: the line a driver drew (or pasted), the points they tapped, and the stops found
// along it, numbered in the order the list gives them.

import type * as maplibregl from 'maplibre-gl';
import type { LatLon } from '../coords';

const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export class RouteOverlay {
  constructor(
    private readonly map: maplibregl.Map,
    private readonly display: (p: LatLon) => [number, number],
    private readonly numberImage: (n: number) => string,
  ) {}

  /** The overlay's sources and layers, above the stations and below the selected station. */
  add(before: string): void {
    const m = this.map;
    m.addSource('route', { type: 'geojson', data: empty });
    m.addSource('route-stops', { type: 'geojson', data: empty });
    m.addLayer({
      id: 'route-line', type: 'line', source: 'route', filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#1d4ed8', 'line-width': 5, 'line-opacity': 0.8 },
    }, before);
    m.addLayer({
      id: 'route-points', type: 'circle', source: 'route', filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': '#ffffff', 'circle-radius': 5, 'circle-stroke-color': '#1d4ed8', 'circle-stroke-width': 3 },
    }, before);
    m.addLayer({
      id: 'route-stops', type: 'circle', source: 'route-stops',
      paint: { 'circle-color': '#b45309', 'circle-radius': 12, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    }, before);
    m.addLayer({
      id: 'route-stops-order', type: 'symbol', source: 'route-stops',
      layout: { 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-image': ['get', 'image'] },
    }, before);
  }

  /** Draws the road (the tapped points too when `tapped`) and the stops, numbered from 1 in list order. */
  show(road: readonly LatLon[], tapped: boolean, stops: readonly (LatLon & { id: number })[]): void {
    const features: GeoJSON.Feature[] = [];
    if (road.length >= 2) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: road.map(this.display) } });
    }
    if (tapped) {
      for (const p of road) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: this.display(p) } });
    }
    this.source('route').setData({ type: 'FeatureCollection', features });
    this.source('route-stops').setData({
      type: 'FeatureCollection',
      features: stops.map((s, i) => ({
        type: 'Feature', id: s.id, properties: { id: s.id, order: i + 1, image: this.numberImage(i + 1) },
        geometry: { type: 'Point', coordinates: this.display(s) },
      })),
    });
  }

  private source(id: string): maplibregl.GeoJSONSource {
    return this.map.getSource(id) as maplibregl.GeoJSONSource;
  }
}
