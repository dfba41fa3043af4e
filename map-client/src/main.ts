// The page: wires the map, the nearest list, the filters and the station card, and keeps the URL in step.

import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import {
  fetchConfig, fetchNearest, fetchStation, type MapConfig, type NearestItem, type StationDetail, type StationFilter, type Vehicle,
} from './api';
import type { LatLon } from './coords';
import { formatClock } from './format';
import { mountPlanner, type PlannerView } from './planner/planner';
import { translate, type Lang, type MessageKey } from './i18n';
import {
  loadFavourites, loadFilters, loadLang, saveFavourites, saveFilters, saveLang, type Filters,
} from './preferences';
import { postCheckin, type CheckinKind } from './checkin-api';
import { Problem } from './http';
import { renderCard } from './views/card';
import { renderCheckin, type CheckinResult } from './views/checkin';
import { renderFilters } from './views/filters';
import { renderList } from './views/list';
import { StationMapView } from './views/map';
import { TruckPanel } from './views/truck';

const NEAREST_COUNT = 10;
/** A station's card; "/checkin" is the QR code at its door, which asks the visitor to check in. */
const STATION_ROUTE = /^#\/station\/(\d+)(\/checkin)?$/;

const FALLBACK_CONFIG: MapConfig = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 19, basemapCrs: 'wgs84',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

class App {
  private lang: Lang = loadLang();
  private filters: Filters = loadFilters();
  private vehicle: Vehicle | null = null;
  private favourites = loadFavourites();
  private origin: LatLon | null = null;
  private items: NearestItem[] = [];
  private itemsCachedAt: Date | null = null;
  private station: { detail: StationDetail; cachedAt: Date | null } | null = null;
  private message: MessageKey | null = 'pickOnMap';
  private checkinPrompt = false;
  private checkinResult: CheckinResult | null = null;
  private nearestRequest: AbortController | null = null;
  private map!: StationMapView;
  private truck!: TruckPanel;
  private planner!: PlannerView;

  async start(): Promise<void> {
    const config = await fetchConfig().then((r) => r.data).catch(() => FALLBACK_CONFIG);
    this.map = new StationMapView($('map'), config, {
      onStation: (id) => void this.openStation(id),
      onOrigin: (origin) => void this.setOrigin(origin),
    });
    this.map.setFilter(this.stationFilter());
    this.planner = mountPlanner(this.map, config, this.lang);
    $('lang').addEventListener('click', () => this.setLang(this.lang === 'zh-CN' ? 'en' : 'zh-CN'));
    $('locate').addEventListener('click', () => this.locate());
    $('filters-toggle').addEventListener('click', () => {
      const panel = $('filters');
      panel.hidden = !panel.hidden;
      $('filters-toggle').setAttribute('aria-expanded', String(!panel.hidden));
    });
    this.truck = new TruckPanel($('truck'), {
      onStation: (id) => void this.openStation(id),
      onFrame: (points) => this.map.fit(points),
      onVehicle: (vehicle) => this.setVehicle(vehicle),
      onDrawing: (tap) => this.map.setTapHandler(tap),
      onRoute: (road, tapped, stops) => void this.map.loaded().then(() => this.map.route.show(road, tapped, stops)),
    });
    $('truck-toggle').addEventListener('click', () => {
      const panel = $('truck');
      panel.hidden = !panel.hidden;
      $('truck-toggle').setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) {
        void this.truck.open();
      } else {
        this.truck.close();
        this.setVehicle(null);
      }
    });
    this.truck.render(this.lang);
    window.addEventListener('hashchange', () => void this.route());
    this.render();
    await this.route();
    document.body.dataset.ready = 'true';
  }

  private now(): Date {
    return new Date();
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  private setLang(lang: Lang): void {
    this.lang = lang;
    saveLang(lang);
    this.truck.render(lang);
    this.planner.render(lang);
    this.render();
  }

  private locate(): void {
    if (!navigator.geolocation) {
      this.showMessage('locateFailed');
      return;
    }
    this.showMessage('locating');
    navigator.geolocation.getCurrentPosition(
      (p) => void this.setOrigin({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => this.showMessage('locateFailed'),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  private async setOrigin(origin: LatLon): Promise<void> {
    this.origin = origin;
    void this.map.setOrigin(origin);
    this.closeStation();
    await this.loadNearest(true);
  }

  private async loadNearest(frame: boolean): Promise<void> {
    if (!this.origin) return;
    this.nearestRequest?.abort();
    const controller = new AbortController();
    this.nearestRequest = controller;
    $('panel').setAttribute('aria-busy', 'true');
    try {
      const { data, cachedAt } = await fetchNearest(
        { ...this.origin, k: NEAREST_COUNT, ...this.stationFilter() },
        controller.signal);
      this.items = data.items;
      this.itemsCachedAt = cachedAt;
      this.message = data.items.length === 0 ? 'noResults' : null;
      if (frame) this.map.fit([this.origin, ...data.items.slice(0, 5)]);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.items = [];
      this.message = 'loadFailed';
    } finally {
      if (this.nearestRequest === controller) $('panel').removeAttribute('aria-busy');
    }
    this.render();
  }

  private setFilters(filters: Filters): void {
    this.filters = filters;
    saveFilters(filters);
    this.map.setFilter(this.stationFilter());
    this.render();
    void this.loadNearest(false);
  }

  /** Truck mode's vehicle (null when the panel closes) filters markers and list like the other filters. */
  private setVehicle(vehicle: Vehicle | null): void {
    this.vehicle = vehicle;
    this.map.setFilter(this.stationFilter());
    void this.loadNearest(false);
  }

  private stationFilter(): StationFilter {
    return { ...this.filters, vehicle: this.vehicle };
  }

  private async route(): Promise<void> {
    const match = STATION_ROUTE.exec(location.hash);
    this.checkinPrompt = match?.[2] !== undefined;
    if (match) await this.openStation(Number(match[1]), true);
    else if (this.station) this.closeStation();
  }

  private async openStation(id: number, centre = true): Promise<void> {
    if (this.station?.detail.id !== id) this.checkinResult = null;
    if (this.station?.detail.id !== id && !STATION_ROUTE.test(location.hash)) {
      history.pushState(null, '', `#/station/${id}`);
    }
    try {
      const { data, cachedAt } = await fetchStation(id);
      this.station = { detail: data, cachedAt };
    } catch {
      this.station = null;
      this.message = 'stationNotFound';
    }
    this.render();
    // After render: the card shrinks the map, and the station must be centred in the map's new size.
    if (this.station) void this.map.select(this.station.detail, centre);
  }

  private closeStation(): void {
    if (!this.station) return;
    this.station = null;
    void this.map.select(null);
    if (STATION_ROUTE.test(location.hash)) history.pushState(null, '', location.pathname + location.search);
    this.render();
  }

  /** Sends a check-in with the phone's position when it gives one (for the proximity check only), and shows the outcome. */
  private async checkIn(kind: CheckinKind, amenity?: string, comment?: string): Promise<void> {
    const station = this.station?.detail;
    if (!station) return;
    this.checkinResult = { state: 'sending' };
    this.render();
    const position = await new Promise<LatLon | null>((resolve) => {
      if (!navigator.geolocation) resolve(null);
      else navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }), () => resolve(null),
        { enableHighAccuracy: true, timeout: 8000, maximumAge: 60000 });
    });
    try {
      const answer = await postCheckin(station.id, { kind, ...(amenity ? { amenity } : {}), ...(comment ? { comment } : {}) }, position);
      this.checkinResult = { state: 'done', counted: answer.counted };
      if (this.station?.detail.id === station.id) this.station = { ...this.station, detail: { ...station, status: answer.status } };
    } catch (error) {
      this.checkinResult = { state: 'failed', problem: error instanceof Problem ? error : null };
    }
    this.render();
  }

  private toggleFavourite(id: number): void {
    if (this.favourites.has(id)) this.favourites.delete(id);
    else this.favourites.add(id);
    saveFavourites(this.favourites);
    this.render();
  }

  private showMessage(key: MessageKey): void {
    this.message = key;
    this.render();
  }

  private render(): void {
    const lang = this.lang;
    document.documentElement.lang = lang;
    document.title = this.t('appTitle');
    $('title').textContent = this.t('appTitle');
    $('lang').textContent = this.t('switchLanguage');
    $('lang').setAttribute('aria-label', this.t('switchLanguageLabel'));
    $('locate').textContent = this.t('locateMe');
    const activeFilters = this.filters.kinds.length + this.filters.amenities.length + Number(this.filters.openNow);
    $('filters-toggle').textContent = activeFilters ? `${this.t('filters')} (${activeFilters})` : this.t('filters');
    renderFilters($('filters'), this.filters, lang, (f) => this.setFilters(f));
    $('truck-toggle').textContent = this.t('truckMode');

    $('message').textContent = this.message ? this.t(this.message) : '';
    $('cached').textContent = this.itemsCachedAt ? this.t('cachedAt', { time: formatClock(this.itemsCachedAt) }) : '';
    $('nearest-title').textContent = this.items.length ? this.t('nearestTitle') : '';
    renderList($('nearest'), this.items, {
      lang, now: this.now(), favourites: this.favourites,
      onSelect: (item) => void this.openStation(item.id),
    });

    const card = $('card');
    card.hidden = this.station === null;
    document.body.classList.toggle('card-open', this.station !== null);
    $('list-view').hidden = this.station !== null;
    if (this.station) {
      const s = this.station.detail;
      renderCard(card, s, {
        lang, now: this.now(), origin: this.origin,
        distanceM: this.items.find((i) => i.id === s.id)?.distanceM ?? null,
        favourite: this.favourites.has(s.id),
        cachedAt: this.station.cachedAt,
        checkin: s.retiredAt ? undefined : renderCheckin({
          lang, now: this.now(), status: s.status, amenities: s.amenities, prompt: this.checkinPrompt, result: this.checkinResult,
          onCheckin: (kind, amenity, comment) => void this.checkIn(kind, amenity, comment),
        }),
        onClose: () => this.closeStation(),
        onToggleFavourite: () => this.toggleFavourite(s.id),
      });
    }
  }
}

void new App().start();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
