// The map: basemap, station markers for the visible area only, the origin and the selected station.
// Below DETAIL_ZOOM the server aggregates stations on a grid (/api/stations/clusters); from DETAIL_ZOOM on the page
// loads the stations in view (/api/stations?bbox=) and MapLibre clusters them on the phone.

import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { fetchClusters, fetchStationsInView, type BBox, type MapConfig } from '../api';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLon } from '../coords';
import { KIND_COLOURS } from './kinds';

maplibregl.setWorkerUrl(workerUrl);

export const DETAIL_ZOOM = 11;
const PAN_DEBOUNCE_MS = 250;
const COUNT_IMAGE = 'count-';
const BEIJING: [number, number] = [116.3975, 39.9087];


const kindColour: maplibregl.ExpressionSpecification = [
  'match', ['get', 'kind'],
  'warm_station', KIND_COLOURS.warm_station!,
  'workers_home', KIND_COLOURS.workers_home!,
  'checkpoint_rest_stop', KIND_COLOURS.checkpoint_rest_stop!,
  '#475569',
];

// A grid cell takes the colour of the kind it holds most of.
const cellColour: maplibregl.ExpressionSpecification = [
  'case',
  ['all', ['>=', ['get', 'warm_station'], ['get', 'workers_home']], ['>=', ['get', 'warm_station'], ['get', 'checkpoint_rest_stop']]],
  KIND_COLOURS.warm_station!,
  ['>=', ['get', 'workers_home'], ['get', 'checkpoint_rest_stop']],
  KIND_COLOURS.workers_home!,
  KIND_COLOURS.checkpoint_rest_stop!,
];

const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface MapEvents {
  onStation(id: number): void;
  onOrigin(origin: LatLon): void;
}

export class StationMapView {
  private readonly map: maplibregl.Map;
  private readonly gcj02: boolean;
  private kinds: readonly string[] = [];
  private pending: AbortController | null = null;
  private timer: number | undefined;
  private ready: Promise<void>;

  constructor(container: HTMLElement, config: MapConfig, private readonly events: MapEvents) {
    this.gcj02 = config.basemapCrs === 'gcj02';
    this.map = new maplibregl.Map({
      container,
      center: BEIJING,
      zoom: 11,
      maxZoom: config.maxZoom,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      style: {
        version: 8,
        sources: {
          basemap: {
            type: 'raster', tiles: [config.tileUrl], tileSize: 256, maxzoom: config.maxZoom, attribution: config.attribution,
          },
        },
        // The plain background is what remains when tiles cannot be fetched: the stations still show on it.
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#e5e7eb' } },
          { id: 'basemap', type: 'raster', source: 'basemap' },
        ],
      },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.ready = new Promise((resolve) => this.map.on('load', () => {
      this.addLayers();
      resolve();
    }));
    this.map.on('moveend', () => {
      // Where the map looks, in the basemap's datum: lets a test (or a curious engineer) see the GCJ-02 shift.
      const c = this.map.getCenter();
      container.dataset.center = `${c.lng.toFixed(7)},${c.lat.toFixed(7)}`;
      this.scheduleLoad();
    });
    this.map.on('click', (e) => this.onClick(e));
    // A long press on a phone arrives as contextmenu.
    this.map.on('contextmenu', (e) => this.events.onOrigin(this.toWgs84(e.lngLat)));
  }

  private addLayers(): void {
    const m = this.map;
    m.addSource('cells', { type: 'geojson', data: empty });
    m.addSource('stations', { type: 'geojson', data: empty, cluster: true, clusterRadius: 40, clusterMaxZoom: 14 });
    m.addSource('origin', { type: 'geojson', data: empty });
    m.addSource('selected', { type: 'geojson', data: empty });
    m.addLayer({
      id: 'cells', type: 'circle', source: 'cells',
      paint: {
        'circle-color': cellColour, 'circle-opacity': 0.85, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'count'], 7, 2, 11, 10, 15, 100, 20, 1000, 26],
      },
    });
    m.addLayer({
      id: 'station-clusters', type: 'circle', source: 'stations', filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#334155', 'circle-opacity': 0.8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 11, 10, 15, 50, 20],
      },
    });
    m.addLayer({
      id: 'stations', type: 'circle', source: 'stations', filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': kindColour, 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
    m.addLayer({
      id: 'selected', type: 'circle', source: 'selected',
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 14, 'circle-stroke-color': '#111827', 'circle-stroke-width': 4 },
    });
    m.addLayer({
      id: 'origin-halo', type: 'circle', source: 'origin',
      paint: { 'circle-color': 'rgba(124, 58, 237, 0.22)', 'circle-radius': 20 },
    });
    m.addLayer({
      id: 'origin', type: 'circle', source: 'origin',
      paint: { 'circle-color': '#7c3aed', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    });
    // Counts are drawn as images, not text: text needs glyph files from a server, and the page must work offline.
    m.on('styleimagemissing', (e) => this.addCountImage(e.id));
    for (let n = 2; n <= 100; n++) this.addCountImage(COUNT_IMAGE + n);
    const countLayout: maplibregl.SymbolLayerSpecification['layout'] = { 'icon-allow-overlap': true, 'icon-ignore-placement': true };
    m.addLayer({
      id: 'cells-count', type: 'symbol', source: 'cells', filter: ['>', ['get', 'count'], 1],
      layout: { ...countLayout, 'icon-image': ['concat', COUNT_IMAGE, ['to-string', ['get', 'count']]] },
    });
    m.addLayer({
      id: 'station-clusters-count', type: 'symbol', source: 'stations', filter: ['has', 'point_count'],
      layout: { ...countLayout, 'icon-image': ['concat', COUNT_IMAGE, ['to-string', ['get', 'point_count']]] },
    });
    for (const layer of ['cells', 'station-clusters', 'stations']) {
      m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
      m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
    }
    this.scheduleLoad(0);
  }

  private addCountImage(id: string): void {
    if (!id.startsWith(COUNT_IMAGE) || this.map.hasImage(id)) return;
    const n = Number(id.slice(COUNT_IMAGE.length));
    const text = n >= 10000 ? `${Math.round(n / 1000)}k` : String(n);
    const ratio = 2;
    const canvas = document.createElement('canvas');
    canvas.width = (text.length * 9 + 8) * ratio;
    canvas.height = 18 * ratio;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.font = 'bold 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.strokeText(text, canvas.width / ratio / 2, 9.5);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(text, canvas.width / ratio / 2, 9.5);
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    this.map.addImage(id, { width: canvas.width, height: canvas.height, data: new Uint8Array(image.data.buffer) }, { pixelRatio: ratio });
  }

  /** Which kinds the markers show; reloads the view. */
  /** The MapLibre map once its style has loaded, for overlays such as the planner's. */
  async loaded(): Promise<maplibregl.Map> {
    await this.ready;
    return this.map;
  }

  setKinds(kinds: readonly string[]): void {
    this.kinds = kinds;
    this.scheduleLoad(0);
  }

  async setOrigin(origin: LatLon | null): Promise<void> {
    await this.ready;
    this.source('origin').setData(origin ? this.point(origin, {}) : empty);
  }

  async select(station: (LatLon & { id: number }) | null, centre = false): Promise<void> {
    await this.ready;
    this.source('selected').setData(station ? this.point(station, { id: station.id }) : empty);
    if (station && centre) {
      this.map.resize();
      this.map.easeTo({ center: this.display(station), zoom: Math.max(this.map.getZoom(), 15), duration: 400 });
    }
  }

  /** Frames the origin and the stations around it. */
  fit(points: readonly LatLon[]): void {
    if (points.length === 0) return;
    const bounds = new maplibregl.LngLatBounds();
    for (const p of points) bounds.extend(this.display(p));
    this.map.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 400 });
  }

  private scheduleLoad(delay = PAN_DEBOUNCE_MS): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.loadView(), delay);
  }

  private async loadView(): Promise<void> {
    // Not isStyleLoaded(): that stays false while basemap tiles are pending, which offline is for ever.
    if (!this.map.getSource('stations')) return;
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    const zoom = this.map.getZoom();
    const bbox = this.visibleBBox();
    try {
      if (zoom >= DETAIL_ZOOM) {
        const { data } = await fetchStationsInView(bbox, this.kinds, controller.signal);
        // Clustering keeps properties, not feature ids: the id travels as a property.
        const features = data.features.map((f) => ({ ...f, properties: { ...f.properties, id: f.id } }));
        this.source('stations').setData(this.shift({ ...data, features }));
        this.source('cells').setData(empty);
      } else {
        const { data } = await fetchClusters(bbox, zoom, this.kinds, controller.signal);
        // Images added before the data arrives are drawn at once; ones asked for later wait for the next repaint.
        for (const f of data.features) this.addCountImage(COUNT_IMAGE + String(f.properties?.count));
        this.source('cells').setData(this.shift(data));
        this.source('stations').setData(empty);
      }
      this.map.getContainer().dataset.loaded = zoom >= DETAIL_ZOOM ? 'stations' : 'cells';
    } catch (error) {
      if ((error as Error).name !== 'AbortError') console.warn('stations in view', error);
    }
  }

  /** The view as a WGS-84 box, slightly enlarged so short pans need no new request. */
  private visibleBBox(): BBox {
    const b = this.map.getBounds();
    const sw = this.toWgs84(b.getSouthWest());
    const ne = this.toWgs84(b.getNorthEast());
    const padLon = (ne.lon - sw.lon) * 0.1;
    const padLat = (ne.lat - sw.lat) * 0.1;
    return [
      Math.max(-180, sw.lon - padLon), Math.max(-90, sw.lat - padLat),
      Math.min(180, ne.lon + padLon), Math.min(90, ne.lat + padLat),
    ];
  }

  private onClick(e: maplibregl.MapMouseEvent): void {
    const hit = this.map.queryRenderedFeatures(e.point, { layers: ['stations', 'station-clusters', 'cells'] })[0];
    if (!hit) {
      this.events.onOrigin(this.toWgs84(e.lngLat));
      return;
    }
    const props = hit.properties as Record<string, unknown>;
    const at = (hit.geometry as GeoJSON.Point).coordinates as [number, number];
    if (hit.layer.id === 'stations') {
      this.events.onStation(Number(props.id));
    } else if (hit.layer.id === 'cells' && typeof props.stationId === 'number') {
      this.events.onStation(props.stationId);
    } else if (hit.layer.id === 'station-clusters') {
      void (this.source('stations') as maplibregl.GeoJSONSource)
        .getClusterExpansionZoom(Number(props.cluster_id))
        .then((zoom) => this.map.easeTo({ center: at, zoom }));
    } else {
      this.map.easeTo({ center: at, zoom: Math.min(this.map.getZoom() + 2, DETAIL_ZOOM + 1) });
    }
  }

  private source(id: string): maplibregl.GeoJSONSource {
    return this.map.getSource(id) as maplibregl.GeoJSONSource;
  }

  // Stations are WGS-84; a GCJ-02 basemap (Amap, Tencent tiles) needs them shifted to line up with its streets.
  private display(p: LatLon): [number, number] {
    const d = this.gcj02 ? wgs84ToGcj02(p) : p;
    return [d.lon, d.lat];
  }

  private toWgs84(lngLat: maplibregl.LngLat): LatLon {
    const p = { lat: lngLat.lat, lon: lngLat.lng };
    return this.gcj02 ? gcj02ToWgs84(p) : p;
  }

  private point(p: LatLon, properties: Record<string, unknown>): GeoJSON.FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties, geometry: { type: 'Point', coordinates: this.display(p) } }],
    };
  }

  private shift<T extends GeoJSON.FeatureCollection<GeoJSON.Point>>(collection: T): T {
    if (!this.gcj02) return collection;
    for (const f of collection.features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      f.geometry.coordinates = this.display({ lat, lon });
    }
    return collection;
  }
}
