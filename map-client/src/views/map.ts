// The map: basemap, the stations from vector tiles, the origin and the selected station.
// The tiles (/tiles/stations, see the README's map section) count every station that passes the filters exactly once at
// every zoom: a cell of 1/8 of a tile holding one station draws it, a cell holding more draws a cluster with its count;
// from STATION_ZOOM every station is drawn. The filters travel in the tile URL, so markers and list always agree.

import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { stationTilesUrl, type Crs, type MapConfig, type StationFilter } from '../api';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLon } from '../coords';
import { KIND_COLOURS } from './kinds';
import { RouteOverlay } from './route-overlay';

maplibregl.setWorkerUrl(workerUrl);

/** From this zoom the tiles hold every station on its own. */
const STATION_ZOOM = 14;
/** The tiles' highest zoom; MapLibre enlarges them beyond it. */
const TILES_MAX_ZOOM = 16;
const COUNT_IMAGE = 'count-';
const BEIJING: [number, number] = [116.3975, 39.9087];

const kindColour: maplibregl.ExpressionSpecification = [
  'match', ['get', 'kind'],
  'warm_station', KIND_COLOURS.warm_station!,
  'workers_home', KIND_COLOURS.workers_home!,
  'checkpoint_rest_stop', KIND_COLOURS.checkpoint_rest_stop!,
  '#475569',
];

// A cluster takes the colour of the kind it holds most of (the tiles count each kind).
const clusterColour: maplibregl.ExpressionSpecification = [
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
  private readonly crs: Crs;
  private filter: StationFilter = { kinds: [], amenities: [], openNow: false };
  private ready: Promise<void>;
  private tap: ((p: LatLon) => void) | null = null;
  /** Truck mode's road ahead and its stops. */
  readonly route: RouteOverlay;

  constructor(container: HTMLElement & { stationMap?: maplibregl.Map }, config: MapConfig, private readonly events: MapEvents) {
    this.crs = config.basemapCrs === 'gcj02' ? 'gcj02' : 'wgs84';
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
    // The browser tests read what is drawn (queryRenderedFeatures) from the map itself.
    container.stationMap = this.map;
    this.route = new RouteOverlay(this.map, (p) => this.display(p), (n) => `${COUNT_IMAGE}${n}`);
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
    });
    this.map.on('click', (e) => this.onClick(e));
    // A long press on a phone arrives as contextmenu.
    this.map.on('contextmenu', (e) => this.events.onOrigin(this.toWgs84(e.lngLat)));
  }

  private addLayers(): void {
    const m = this.map;
    m.addSource('origin', { type: 'geojson', data: empty });
    m.addSource('selected', { type: 'geojson', data: empty });
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
    // Counts are drawn as images, not text: text needs glyph files from a server, and the page must work offline. Each
    // is made when a tile first needs it (the resolver runs before the tile is laid out; `styleimagemissing` comes after).
    m.setMissingStyleImageResolver((id) => this.addCountImage(id));
    this.addStations();
    this.route.add('selected');
    for (const layer of ['clusters', 'stations', 'route-stops']) {
      m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
      m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = this.tap ? 'crosshair' : ''));
    }
  }

  /** The station tiles and their layers, below the selected station and the origin. */
  private addStations(): void {
    const m = this.map;
    m.addSource('stations', {
      type: 'vector', tiles: [this.tilesUrl()], minzoom: 0, maxzoom: TILES_MAX_ZOOM,
    });
    m.addLayer({
      id: 'clusters', type: 'circle', source: 'stations', 'source-layer': 'clusters',
      paint: {
        'circle-color': clusterColour, 'circle-opacity': 0.85, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'count'], 11, 10, 15, 100, 20, 1000, 26],
      },
    }, 'selected');
    m.addLayer({
      id: 'clusters-count', type: 'symbol', source: 'stations', 'source-layer': 'clusters',
      layout: {
        'icon-allow-overlap': true, 'icon-ignore-placement': true,
        'icon-image': ['concat', COUNT_IMAGE, ['to-string', ['get', 'count']]],
      },
    }, 'selected');
    m.addLayer({
      id: 'stations', type: 'circle', source: 'stations', 'source-layer': 'stations',
      paint: { 'circle-color': kindColour, 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    }, 'selected');
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

  /** The MapLibre map once its style has loaded, for overlays such as the planner's. */
  async loaded(): Promise<maplibregl.Map> {
    await this.ready;
    return this.map;
  }

  /** Which stations the markers show: the list's filters. */
  setFilter(filter: StationFilter): void {
    this.filter = filter;
    // The tiles' ETag names the filters, so the tiles MapLibre reloads under the new URL never come back as a 304 of
    // the old filter's markers.
    (this.map.getSource('stations') as maplibregl.VectorTileSource | undefined)?.setTiles([this.tilesUrl()]);
  }

  /**
   * While set, a tap on the map is handed to `handler` (truck mode drawing the road ahead) instead of opening a
   * station or setting the origin.
   */
  setTapHandler(handler: ((p: LatLon) => void) | null): void {
    this.tap = handler;
    this.map.getCanvas().style.cursor = handler ? 'crosshair' : '';
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

  /** Words the map's own controls in the page's language (MapLibre labels them in English once, at start). */
  label(texts: { zoomIn: string; zoomOut: string; attribution: string }): void {
    const controls: [string, string][] = [
      ['.maplibregl-ctrl-zoom-in', texts.zoomIn], ['.maplibregl-ctrl-zoom-out', texts.zoomOut], ['.maplibregl-ctrl-attrib-button', texts.attribution],
    ];
    for (const [selector, text] of controls) {
      const button = this.map.getContainer().querySelector(selector);
      button?.setAttribute('title', text);
      button?.setAttribute('aria-label', text);
    }
  }

  /** Frames the origin and the stations around it. */
  fit(points: readonly LatLon[]): void {
    if (points.length === 0) return;
    const bounds = new maplibregl.LngLatBounds();
    for (const p of points) bounds.extend(this.display(p));
    this.map.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 400 });
  }

  private tilesUrl(): string {
    return stationTilesUrl(location.origin, this.filter, this.crs);
  }

  private onClick(e: maplibregl.MapMouseEvent): void {
    if (this.tap) {
      this.tap(this.toWgs84(e.lngLat));
      return;
    }
    const hit = this.map.queryRenderedFeatures(e.point, { layers: ['route-stops', 'stations', 'clusters'] })[0];
    if (!hit) {
      this.events.onOrigin(this.toWgs84(e.lngLat));
    } else if (hit.layer.id === 'stations' || hit.layer.id === 'route-stops') {
      this.events.onStation(Number(hit.properties.id));
    } else {
      // Two zoom levels split a cell in 16; by STATION_ZOOM every station stands alone.
      const at = (hit.geometry as GeoJSON.Point).coordinates as [number, number];
      this.map.easeTo({ center: at, zoom: Math.min(Math.floor(this.map.getZoom()) + 2, STATION_ZOOM) });
    }
  }

  private source(id: string): maplibregl.GeoJSONSource {
    return this.map.getSource(id) as maplibregl.GeoJSONSource;
  }

  // Stations are WGS-84; a GCJ-02 basemap (Amap, Tencent tiles) needs them shifted to line up with its streets. The
  // tiles come shifted from the server (crs=gcj02); the origin and the selected station are shifted here.
  private display(p: LatLon): [number, number] {
    const d = this.crs === 'gcj02' ? wgs84ToGcj02(p) : p;
    return [d.lon, d.lat];
  }

  private toWgs84(lngLat: maplibregl.LngLat): LatLon {
    const p = { lat: lngLat.lat, lon: lngLat.lng };
    return this.crs === 'gcj02' ? gcj02ToWgs84(p) : p;
  }

  private point(p: LatLon, properties: Record<string, unknown>): GeoJSON.FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties, geometry: { type: 'Point', coordinates: this.display(p) } }],
    };
  }
}
