// The planner view: coverage radius around stations, the uncovered-demand heat grid, coverage by district and suggested
// sites with their gains, over the station map. Opened from the header; everything it draws sits in its own sources and
// layers. On a phone its panel is a bottom sheet under the map, and folds down to its title.

import * as maplibregl from 'maplibre-gl';
import { KINDS, type MapConfig } from '../api';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLon } from '../coords';
import { translate, translateKnown, type Lang, type MessageKey } from '../i18n';
import { h } from '../views/dom';
import {
  fetchCoverage, fetchLayers, fetchRun, fetchStationPoints, startRun, type Coverage, type DemandLayer, type RunRequest, type SuggestedSite,
} from './api';
import { DEFAULT_DISTRICT_SORT, districtTable, nextSort, type DistrictSort } from './districts';
import { circleRing, heatStops } from './geometry';
import './planner.css';

const KEY_STORAGE = 'stationmap.plannerKey';
const RADIUS_ZOOM = 12;
const POLL_MS = 1000;
const SOLVERS: readonly RunRequest['solver'][] = ['auto', 'greedy', 'exact'];
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Host {
  loaded(): Promise<maplibregl.Map>;
}

/** The form as the planner last left it, kept across re-renders (a language switch rebuilds the panel). */
interface PlannerForm {
  layer: string;
  radius: string;
  kind: string;
  p: string;
  solver: RunRequest['solver'];
  key: string;
}

/** Adds the planner's toggle to the header and its panel over the map; `render` follows a language switch. */
export function mountPlanner(host: Host, config: MapConfig, lang: Lang): PlannerView {
  const planner = new PlannerView(host, config.basemapCrs === 'gcj02');
  document.getElementById('lang')?.before(planner.toggle);
  document.querySelector('main.layout')?.append(planner.panel);
  planner.render(lang);
  return planner;
}

export class PlannerView {
  readonly toggle = h('button', { type: 'button', id: 'planner-toggle', class: 'lang-button planner-toggle', 'aria-expanded': 'false' });
  readonly panel = h('section', { id: 'planner', class: 'planner', hidden: true });
  private readonly layerSelect = h('select', { name: 'layer' });
  private readonly coverageLine = h('p', { class: 'planner-coverage', role: 'status' });
  private readonly statusLine = h('p', { class: 'planner-status', role: 'status' });
  private readonly siteList = h('ol', { class: 'planner-sites' });
  private readonly districtBox = h('div', { class: 'planner-districts-box' });
  private readonly body = h('div', { id: 'planner-body', class: 'planner-body' });
  private readonly fold = h('button', { type: 'button', id: 'planner-fold', class: 'planner-fold', 'aria-controls': 'planner-body', 'aria-expanded': 'true' });
  private districtSort: DistrictSort = DEFAULT_DISTRICT_SORT;
  private lang: Lang = 'zh-CN';
  private map: maplibregl.Map | null = null;
  private form: PlannerForm = { layer: '', radius: '500', kind: '', p: '10', solver: 'auto', key: sessionStorage.getItem(KEY_STORAGE) ?? '' };
  private layers: DemandLayer[] = [];
  private coverage: Coverage | null = null;
  private reachHint = false;
  /** Built on each render, so a language switch re-words it. */
  private status: (() => string) | null = null;
  private sites: SuggestedSite[] = [];
  private markers: maplibregl.Marker[] = [];

  constructor(private readonly host: Host, private readonly gcj02: boolean) {
    this.toggle.addEventListener('click', () => void this.setOpen(this.panel.hidden));
    this.fold.addEventListener('click', () => {
      this.body.hidden = !this.body.hidden;
      this.renderFold();
    });
    this.control(this.layerSelect, (value) => { this.form.layer = value; });
  }

  /** Builds the panel in a language; the form keeps what was entered. */
  render(lang: Lang): void {
    this.lang = lang;
    this.toggle.textContent = this.t('plannerToggle');
    this.toggle.setAttribute('aria-label', this.t('plannerToggleLabel'));
    const field = (label: MessageKey, control: HTMLElement) => h('label', {}, h('span', {}, this.t(label)), control);

    const radius = this.control(h('input', { name: 'radius', type: 'number', min: '50', max: '5000', step: '50', value: this.form.radius }),
      (value) => { this.form.radius = value; });
    const kind = this.control(h('select', { name: 'kind' },
      option('', this.t('plannerAllKinds'), this.form.kind),
      ...KINDS.map((k) => option(k, this.t(`kind_${k}`), this.form.kind))),
    (value) => { this.form.kind = value; });
    const p = this.control(h('input', { name: 'p', type: 'number', min: '1', max: '1000', value: this.form.p }),
      (value) => { this.form.p = value; });
    const solver = this.control(h('select', { name: 'solver' },
      ...SOLVERS.map((v) => option(v, this.t(`solver_${v}`), this.form.solver))),
    (value) => { this.form.solver = value as RunRequest['solver']; });
    const key = this.control(h('input', { name: 'key', type: 'password', autocomplete: 'off', value: this.form.key }),
      (value) => { this.form.key = value; });
    const showCoverage = h('button', { type: 'button', class: 'secondary', name: 'coverage' }, this.t('plannerShowCoverage'));
    showCoverage.addEventListener('click', () => void this.showCoverage());
    const suggest = h('button', { type: 'button', class: 'primary', name: 'suggest' }, this.t('plannerSuggest'));
    suggest.addEventListener('click', () => void this.suggest());

    this.renderFold();
    this.body.replaceChildren(
      field('plannerLayer', this.layerSelect),
      field('plannerRadius', radius),
      field('plannerKind', kind),
      showCoverage,
      this.coverageLine,
      this.districtBox,
      field('plannerSites', p),
      field('plannerSolver', solver),
      field('plannerKey', key),
      suggest,
      this.statusLine,
      this.siteList);
    this.panel.replaceChildren(h('div', { class: 'planner-head' }, h('h2', {}, this.t('plannerTitle')), this.fold), this.body);
    this.renderLayers();
    this.renderResults();
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
    if (open && this.layers.length === 0) await this.loadLayers();
  }

  private async ensureMap(): Promise<maplibregl.Map> {
    if (this.map) return this.map;
    const map = await this.host.loaded();
    map.addSource('planner-heat', { type: 'geojson', data: empty });
    map.addSource('planner-reach', { type: 'geojson', data: empty });
    // Below the station markers, so stations stay clickable through the overlays.
    const below = map.getLayer('clusters') ? 'clusters' : undefined;
    map.addLayer({ id: 'planner-heat', type: 'fill', source: 'planner-heat', paint: { 'fill-opacity': 0.55, 'fill-color': '#f59e0b' } }, below);
    map.addLayer({ id: 'planner-heat-line', type: 'line', source: 'planner-heat', paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.6 } }, below);
    map.addLayer({ id: 'planner-reach', type: 'fill', source: 'planner-reach', paint: { 'fill-color': '#2563eb', 'fill-opacity': 0.12 } }, below);
    map.addLayer({ id: 'planner-reach-line', type: 'line', source: 'planner-reach', paint: { 'line-color': '#2563eb', 'line-width': 1 } }, below);
    map.on('moveend', () => {
      if (!this.panel.hidden && this.coverage) void this.drawReach();
    });
    this.map = map;
    return map;
  }

  private async loadLayers(): Promise<void> {
    try {
      this.layers = await fetchLayers();
      this.form.layer ||= this.layers[0]?.name ?? '';
      this.renderLayers();
    } catch (error) {
      this.fail(error);
    }
  }

  private async showCoverage(): Promise<void> {
    const { layer, kind } = this.form;
    if (!layer) return;
    try {
      const coverage = await fetchCoverage(layer, this.radius(), kind, Math.max(250, this.radius()));
      const map = await this.ensureMap();
      const cells = coverage.uncovered.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((r) => r.map((p) => this.draw(p))) } }));
      (map.getSource('planner-heat') as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features: cells });
      const max = Math.max(0, ...coverage.uncovered.features.map((f) => f.properties.weight));
      map.setPaintProperty('planner-heat', 'fill-color', ['interpolate', ['linear'], ['get', 'weight'], ...heatStops(max)]);
      this.coverage = coverage;
      this.fit(cells.flatMap((c) => c.geometry.coordinates[0] ?? []));
      await this.drawReach();
    } catch (error) {
      this.fail(error);
    }
    this.renderResults();
  }

  /** Circles of the coverage radius around the stations in view (only when zoomed in: thousands would blur together). */
  private async drawReach(): Promise<void> {
    const map = await this.ensureMap();
    const source = map.getSource('planner-reach') as maplibregl.GeoJSONSource;
    this.reachHint = map.getZoom() < RADIUS_ZOOM;
    this.renderResults();
    if (this.reachHint) {
      source.setData(empty);
      return;
    }
    const bounds = map.getBounds();
    const sw = this.wgs84({ lat: bounds.getSouth(), lon: bounds.getWest() });
    const ne = this.wgs84({ lat: bounds.getNorth(), lon: bounds.getEast() });
    const stations = await fetchStationPoints([sw.lon, sw.lat, ne.lon, ne.lat], this.form.kind);
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
    const key = this.form.key.trim();
    if (!key) {
      this.setStatus(() => this.t('plannerNeedKey'));
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    const { layer, kind, solver } = this.form;
    const request: RunRequest = { layer, radiusM: this.radius(), p: Number(this.form.p), solver };
    if (kind) request.kind = kind;
    try {
      const id = await startRun(request, key);
      for (;;) {
        const run = await fetchRun(id, key);
        if (run.status === 'failed') throw new Error(run.error ?? 'failed');
        if (run.status === 'succeeded' && run.result) {
          const r = run.result;
          this.sites = r.sites;
          await this.drawSites();
          this.setStatus(() => this.t('plannerResult', {
            share: percent(r.shareAfter), gain: Math.round(r.objective), solver: this.known('solver', r.solver), status: this.known('runStatus', r.status),
          }));
          return;
        }
        this.setStatus(() => this.t('plannerRunning', { percent: percent(run.progress) }));
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private async drawSites(): Promise<void> {
    const map = await this.ensureMap();
    for (const marker of this.markers) marker.remove();
    this.markers = this.sites.map((site) => {
      const element = h('div', { class: 'planner-site', title: `${site.name} · ${this.t('plannerGain', { gain: Math.round(site.marginalGain) })}` },
        String(site.rank));
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

  /** The layers once loaded: only their select, not the inputs, which may hold what the planner is typing. */
  private renderLayers(): void {
    this.layerSelect.replaceChildren(...this.layers.map((l) =>
      option(l.name, `${this.known('layer', l.name)} (${Math.round(l.totalWeight)})`, this.form.layer)));
  }

  /** The parts that change as answers arrive: coverage, status and the suggested sites. */
  private renderResults(): void {
    const c = this.coverage;
    this.coverageLine.textContent = [
      c ? this.t('plannerCoverage', { share: percent(c.share), covered: Math.round(c.coveredWeight), total: Math.round(c.totalWeight) }) : '',
      this.reachHint ? this.t('plannerZoomForRadius') : '',
    ].filter(Boolean).join(' · ');
    this.statusLine.textContent = this.status?.() ?? '';
    this.districtBox.replaceChildren(...(c && c.districts.length > 0
      ? [districtTable(c.districts, this.districtSort, this.lang, (column) => {
          this.districtSort = nextSort(this.districtSort, column);
          this.renderResults();
          this.districtBox.querySelector<HTMLElement>(`button[data-column="${column}"]`)?.focus();
        })]
      : []));
    this.siteList.replaceChildren(...this.sites.map((site) => {
      const button = h('button', { type: 'button', class: 'planner-site-item' },
        `${site.name} (${this.known('host', site.hostType)}) ${this.t('plannerGain', { gain: Math.round(site.marginalGain) })}`);
      button.addEventListener('click', () => this.map?.flyTo({ center: this.draw([site.lon, site.lat]), zoom: 14 }));
      return h('li', {}, button);
    }));
  }

  /** The fold button says what pressing it does; the sheet keeps its title row either way. */
  private renderFold(): void {
    const open = !this.body.hidden;
    this.fold.setAttribute('aria-expanded', String(open));
    this.fold.setAttribute('aria-label', this.t(open ? 'plannerCollapse' : 'plannerExpand'));
    this.fold.textContent = open ? '▾' : '▴';
  }

  private setStatus(status: () => string): void {
    this.status = status;
    this.renderResults();
  }

  private fail(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.setStatus(() => this.t('plannerFailed', { reason }));
  }

  /** A form control that writes what is entered back into the form state. */
  private control<T extends HTMLInputElement | HTMLSelectElement>(element: T, update: (value: string) => void): T {
    element.addEventListener('input', () => update(element.value));
    return element;
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  /** The label of a value from data (a host type, a layer name), or the value itself when the table has none. */
  private known(prefix: string, value: string): string {
    return translateKnown(this.lang, `${prefix}_${value}`) ?? value;
  }

  private radius(): number {
    return Number(this.form.radius) || 500;
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
}

function option(value: string, label: string, current: string): HTMLOptionElement {
  return h('option', { value, selected: value === current }, label);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
