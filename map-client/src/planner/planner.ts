// The planner view: coverage radius around stations, the uncovered-demand heat grid and suggested sites with their
// gains, over the station map. Opened from the header; everything it draws sits in its own sources and layers.

import * as maplibregl from 'maplibre-gl';
import type { MapConfig } from '../api';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLon } from '../coords';
import { translate, translateKnown, type Lang, type MessageKey } from '../i18n';
import { fetchCoverage, fetchLayers, fetchRun, fetchStationPoints, startRun, type RunRequest, type SuggestedSite } from './api';
import { circleRing, heatStops } from './geometry';
import './planner.css';

const KEY_STORAGE = 'stationmap.plannerKey';
const RADIUS_ZOOM = 12;
const POLL_MS = 1000;
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Host {
  loaded(): Promise<maplibregl.Map>;
}

export function mountPlanner(host: Host, config: MapConfig, lang: () => Lang): void {
  const planner = new PlannerView(host, config.basemapCrs === 'gcj02', lang);
  planner.mount();
}

class PlannerView {
  private map: maplibregl.Map | null = null;
  private readonly panel = document.createElement('section');
  private readonly toggle = document.createElement('button');
  private markers: maplibregl.Marker[] = [];
  private status = '';
  private coverageLine = '';
  private reachHint = false;
  private sites: SuggestedSite[] = [];
  private coverageShown = false;

  constructor(private readonly host: Host, private readonly gcj02: boolean, private readonly lang: () => Lang) {}

  mount(): void {
    this.toggle.type = 'button';
    this.toggle.id = 'planner-toggle';
    this.toggle.className = 'lang-button planner-toggle';
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.addEventListener('click', () => void this.setOpen(this.panel.hidden));
    document.getElementById('lang')?.before(this.toggle);
    // The station view re-renders on a language switch; follow it.
    document.getElementById('lang')?.addEventListener('click', () => queueMicrotask(() => this.render()));

    this.panel.id = 'planner';
    this.panel.className = 'planner';
    this.panel.hidden = true;
    this.panel.innerHTML = `
      <h2 data-text="plannerTitle"></h2>
      <label><span data-text="plannerLayer"></span><select name="layer"></select></label>
      <label><span data-text="plannerRadius"></span><input name="radius" type="number" min="50" max="5000" step="50" value="500" /></label>
      <label><span data-text="plannerKind"></span><select name="kind">
        <option value="" data-text="plannerAllKinds"></option>
        <option value="warm_station" data-text="kind_warm_station"></option>
        <option value="workers_home" data-text="kind_workers_home"></option>
        <option value="checkpoint_rest_stop" data-text="kind_checkpoint_rest_stop"></option>
      </select></label>
      <button type="button" class="secondary" name="coverage" data-text="plannerShowCoverage"></button>
      <p class="planner-coverage" role="status"></p>
      <label><span data-text="plannerSites"></span><input name="p" type="number" min="1" max="1000" value="10" /></label>
      <label><span data-text="plannerSolver"></span><select name="solver">
        <option value="auto" data-text="solver_auto"></option><option value="greedy" data-text="solver_greedy"></option><option value="exact" data-text="solver_exact"></option>
      </select></label>
      <label><span data-text="plannerKey"></span><input name="key" type="password" autocomplete="off" /></label>
      <button type="button" class="primary" name="suggest" data-text="plannerSuggest"></button>
      <p class="planner-status" role="status"></p>
      <ol class="planner-sites"></ol>`;
    document.querySelector('main.layout')?.append(this.panel);
    this.input('key').value = sessionStorage.getItem(KEY_STORAGE) ?? '';
    this.button('coverage').addEventListener('click', () => void this.showCoverage());
    this.button('suggest').addEventListener('click', () => void this.suggest());
    this.render();
  }

  private async setOpen(open: boolean): Promise<void> {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('planner-open', open);
    const map = await this.ensureMap();
    for (const id of ['planner-heat', 'planner-heat-line', 'planner-reach', 'planner-reach-line']) {
      map.setLayoutProperty(id, 'visibility', open ? 'visible' : 'none');
    }
    for (const marker of this.markers) marker.getElement().hidden = !open;
    if (open && this.select('layer').options.length === 0) await this.loadLayers();
  }

  private async ensureMap(): Promise<maplibregl.Map> {
    if (this.map) return this.map;
    const map = await this.host.loaded();
    map.addSource('planner-heat', { type: 'geojson', data: empty });
    map.addSource('planner-reach', { type: 'geojson', data: empty });
    // Below the station markers, so stations stay clickable through the overlays.
    const below = map.getLayer('cells') ? 'cells' : undefined;
    map.addLayer({ id: 'planner-heat', type: 'fill', source: 'planner-heat', paint: { 'fill-opacity': 0.55, 'fill-color': '#f59e0b' } }, below);
    map.addLayer({ id: 'planner-heat-line', type: 'line', source: 'planner-heat', paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.6 } }, below);
    map.addLayer({ id: 'planner-reach', type: 'fill', source: 'planner-reach', paint: { 'fill-color': '#2563eb', 'fill-opacity': 0.12 } }, below);
    map.addLayer({ id: 'planner-reach-line', type: 'line', source: 'planner-reach', paint: { 'line-color': '#2563eb', 'line-width': 1 } }, below);
    map.on('moveend', () => {
      if (!this.panel.hidden && this.coverageShown) void this.drawReach();
    });
    this.map = map;
    return map;
  }

  private async loadLayers(): Promise<void> {
    try {
      const layers = await fetchLayers();
      this.select('layer').replaceChildren(...layers.map((l) => new Option(`${this.known('layer', l.name)} (${Math.round(l.totalWeight)})`, l.name)));
    } catch (error) {
      this.fail(error);
    }
  }

  private async showCoverage(): Promise<void> {
    const layer = this.select('layer').value;
    if (!layer) return;
    try {
      const coverage = await fetchCoverage(layer, this.radius(), this.select('kind').value, Math.max(250, this.radius()));
      const map = await this.ensureMap();
      const cells = coverage.uncovered.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((r) => r.map((p) => this.draw(p))) } }));
      (map.getSource('planner-heat') as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features: cells });
      const max = Math.max(0, ...coverage.uncovered.features.map((f) => f.properties.weight));
      map.setPaintProperty('planner-heat', 'fill-color', ['interpolate', ['linear'], ['get', 'weight'], ...heatStops(max)]);
      this.coverageLine = this.t('plannerCoverage', {
        share: percent(coverage.share), covered: Math.round(coverage.coveredWeight), total: Math.round(coverage.totalWeight),
      });
      this.coverageShown = true;
      this.fit(cells.flatMap((c) => c.geometry.coordinates[0] ?? []));
      await this.drawReach();
    } catch (error) {
      this.fail(error);
    }
    this.render();
  }

  /** Circles of the coverage radius around the stations in view (only when zoomed in: thousands would blur together). */
  private async drawReach(): Promise<void> {
    const map = await this.ensureMap();
    const source = map.getSource('planner-reach') as maplibregl.GeoJSONSource;
    this.reachHint = map.getZoom() < RADIUS_ZOOM;
    this.render();
    if (this.reachHint) {
      source.setData(empty);
      return;
    }
    const bounds = map.getBounds();
    const sw = this.wgs84({ lat: bounds.getSouth(), lon: bounds.getWest() });
    const ne = this.wgs84({ lat: bounds.getNorth(), lon: bounds.getEast() });
    const stations = await fetchStationPoints([sw.lon, sw.lat, ne.lon, ne.lat], this.select('kind').value);
    const radius = this.radius();
    source.setData({
      type: 'FeatureCollection',
      features: stations.map((s) => ({
        type: 'Feature', properties: {},
        geometry: { type: 'Polygon', coordinates: [circleRing(s, radius).map(([lon, lat]) => this.draw([lon, lat]))] },
      })),
    });
  }

  private async suggest(): Promise<void> {
    const key = this.input('key').value.trim();
    if (!key) {
      this.status = this.t('plannerNeedKey');
      this.render();
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    const request: RunRequest = {
      layer: this.select('layer').value,
      radiusM: this.radius(),
      p: Number(this.input('p').value),
      solver: this.select('solver').value as RunRequest['solver'],
    };
    if (this.select('kind').value) request.kind = this.select('kind').value;
    try {
      const id = await startRun(request, key);
      for (;;) {
        const run = await fetchRun(id, key);
        if (run.status === 'failed') throw new Error(run.error ?? 'failed');
        if (run.status === 'succeeded' && run.result) {
          const r = run.result;
          this.sites = r.sites;
          this.status = this.t('plannerResult', { share: percent(r.shareAfter), gain: Math.round(r.objective), solver: this.known('solver', r.solver), status: this.known('runStatus', r.status) });
          await this.drawSites();
          break;
        }
        this.status = this.t('plannerRunning', { percent: percent(run.progress) });
        this.render();
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      this.fail(error);
    }
    this.render();
  }

  private async drawSites(): Promise<void> {
    const map = await this.ensureMap();
    for (const marker of this.markers) marker.remove();
    this.markers = this.sites.map((site) => {
      const element = document.createElement('div');
      element.className = 'planner-site';
      element.textContent = String(site.rank);
      element.title = `${site.name} · ${this.t('plannerGain', { gain: Math.round(site.marginalGain) })}`;
      const [lon, lat] = this.draw([site.lon, site.lat]);
      return new maplibregl.Marker({ element }).setLngLat([lon, lat]).addTo(map);
    });
    this.fit(this.sites.map((s) => this.draw([s.lon, s.lat])));
  }

  /** Frames positions already in the basemap's datum; the reach circles follow on moveend. */
  private fit(positions: number[][]): void {
    if (!this.map || positions.length === 0) return;
    const bounds = new maplibregl.LngLatBounds();
    for (const [lon, lat] of positions) bounds.extend([lon!, lat!]);
    this.map.fitBounds(bounds, { padding: 48, maxZoom: 14, duration: 0 });
  }

  private render(): void {
    for (const element of this.panel.querySelectorAll<HTMLElement>('[data-text]')) {
      element.textContent = this.t(element.dataset.text as MessageKey);
    }
    this.toggle.textContent = this.t('plannerToggle');
    this.toggle.setAttribute('aria-label', this.t('plannerToggleLabel'));
    const hint = this.reachHint ? ` · ${this.t('plannerZoomForRadius')}` : '';
    this.panel.querySelector('.planner-coverage')!.textContent = this.coverageLine + hint;
    this.panel.querySelector('.planner-status')!.textContent = this.status;
    const list = this.panel.querySelector('.planner-sites')!;
    list.replaceChildren(...this.sites.map((site) => {
      const item = document.createElement('li');
      item.textContent = `${site.name} (${this.known('host', site.hostType)}) ${this.t('plannerGain', { gain: Math.round(site.marginalGain) })}`;
      item.addEventListener('click', () => this.map?.flyTo({ center: this.draw([site.lon, site.lat]), zoom: 14 }));
      return item;
    }));
  }

  private fail(error: unknown): void {
    this.status = this.t('plannerFailed', { reason: error instanceof Error ? error.message : String(error) });
    this.render();
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.lang(), key, params);
  }

  /** The label of a value from data (a host type, a layer name), or the value itself when the table has none. */
  private known(prefix: string, value: string): string {
    return translateKnown(this.lang(), `${prefix}_${value}`) ?? value;
  }

  private radius(): number {
    return Number(this.input('radius').value) || 500;
  }

  /** A WGS-84 [lon, lat] in the basemap's datum. */
  private draw(p: number[]): [number, number] {
    if (!this.gcj02) return [p[0]!, p[1]!];
    const g = wgs84ToGcj02({ lat: p[1]!, lon: p[0]! });
    return [g.lon, g.lat];
  }

  private wgs84(p: LatLon): LatLon {
    return this.gcj02 ? gcj02ToWgs84(p) : p;
  }

  private input(name: string): HTMLInputElement {
    return this.panel.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  }

  private select(name: string): HTMLSelectElement {
    return this.panel.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  }

  private button(name: string): HTMLButtonElement {
    return this.panel.querySelector<HTMLButtonElement>(`button[name="${name}"]`)!;
  }
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
