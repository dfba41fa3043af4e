// The page: wires the map, the nearest list, the filters and the station card, and keeps the URL in step.

import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import {
  fetchConfig, fetchNearest, fetchNearestAside, fetchStation, type MapConfig, type NearestItem, type StationDetail, type StationFilter,
  type Vehicle,
} from './api';
import type { LatLon } from './coords';
import { formatClock } from './format';
import { mountPlanner, type PlannerView } from './planner/planner';
import { translate, type Lang, type MessageKey } from './i18n';
import { lastNearest, type SavedNearest } from './offline';
import { loadFilters, loadLang, saveFilters, saveLang, type Filters } from './preferences';
import { postCheckin, type CheckinKind } from './checkin-api';
import { Problem } from './http';
import { renderCard } from './views/card';
import { renderCheckin, type CheckinResult } from './views/checkin';
import { Favourites } from './views/favourites';
import { FocusReturn, keepingFocus } from './views/focus';
import { renderFilters } from './views/filters';
import { renderList } from './views/list';
import { StationMapView } from './views/map';
import { renderRetiredCard } from './views/retired';
import { SearchBox } from './views/search';
import { renderTabs } from './views/tabs';
import { TruckPanel } from './views/truck';

const NEAREST_COUNT = 10;
/** Open stations offered instead of a retired one. */
const ALTERNATIVE_COUNT = 3;
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
  private favourites = new Favourites();
  private tab: 'nearby' | 'favourites' = 'nearby';
  private origin: LatLon | null = null;
  private items: NearestItem[] = [];
  private itemsCachedAt: Date | null = null;
  /** The list on screen is the last one saved, shown on load until the worker asks again. */
  private itemsRestored = false;
  private station: { detail: StationDetail; cachedAt: Date | null; alternatives: NearestItem[] | null } | null = null;
  private readonly focusReturn = new FocusReturn();
  private message: MessageKey | null = 'pickOnMap';
  private checkinPrompt = false;
  private checkinResult: CheckinResult | null = null;
  private nearestRequest: AbortController | null = null;
  private map!: StationMapView;
  private search!: SearchBox;
  private truck!: TruckPanel;
  private planner!: PlannerView;

  async start(): Promise<void> {
    const saved = lastNearest();
    const config = await fetchConfig().then((r) => r.data).catch(() => FALLBACK_CONFIG);
    this.map = new StationMapView($('map'), config, {
      onStation: (id) => void this.openStation(id),
      onOrigin: (origin) => void this.setOrigin(origin),
    });
    this.map.setFilter(this.stationFilter());
    // A chosen suggestion goes through the card's route, as a shared link would: the map flies to it, its card opens.
    this.search = new SearchBox($('search'), {
      origin: () => this.origin,
      onChoose: (id) => { location.hash = `#/station/${id}`; },
    });
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
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !this.station) return;
      e.preventDefault();
      this.closeStation();
    });
    this.render();
    this.restore(await saved);
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

  /** Shows the last saved list at once, with when it was saved, until the worker asks for a new one. */
  private restore(saved: SavedNearest | null): void {
    if (!saved || this.origin) return;
    this.origin = saved.answer.origin;
    this.items = saved.answer.items;
    this.itemsCachedAt = saved.savedAt;
    this.itemsRestored = true;
    this.message = null;
    void this.map.setOrigin(this.origin);
    this.map.fit([this.origin, ...this.items.slice(0, 5)]);
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
      this.itemsRestored = false;
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
    if (this.station?.detail.id !== id && STATION_ROUTE.exec(location.hash)?.[1] !== String(id)) {
      history.pushState(null, '', `#/station/${id}`);
    }
    // A card opened from another card (a retired one's alternatives) goes back to where the first one was opened from.
    if (this.station === null) this.focusReturn.remember();
    try {
      const { data, cachedAt } = await fetchStation(id);
      this.station = { detail: data, cachedAt, alternatives: null };
      this.favourites.remember(data);
    } catch {
      this.station = null;
      this.message = 'stationNotFound';
    }
    this.render();
    if (!this.station) return;
    document.getElementById('card-name')?.focus();
    // After render: the card shrinks the map, and the station must be centred in the map's new size.
    const shown = this.map.select(this.station.detail, centre);
    if (this.station.detail.retiredAt !== null) void this.loadAlternatives(this.station.detail, shown);
  }

  /**
   * The open stations nearest to where a retired station stood, under the worker's kind and amenity filters; framed
   * with it once the map has shown it.
   */
  private async loadAlternatives(retired: StationDetail, shown: Promise<void>): Promise<void> {
    let alternatives: NearestItem[] = [];
    try {
      const { data } = await fetchNearestAside({
        lat: retired.lat, lon: retired.lon, k: ALTERNATIVE_COUNT, kinds: this.filters.kinds, amenities: this.filters.amenities, openNow: true,
      });
      alternatives = data.items;
    } catch {
      // Offline with nothing cached for this spot: the card says none are known.
    }
    if (this.station?.detail.id !== retired.id) return;
    this.station.alternatives = alternatives;
    this.render();
    await shown;
    this.map.fit([retired, ...alternatives]);
  }

  private closeStation(): void {
    if (!this.station) return;
    this.station = null;
    void this.map.select(null);
    if (STATION_ROUTE.test(location.hash)) history.pushState(null, '', location.pathname + location.search);
    this.render();
    this.focusReturn.restore($('locate'));
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

  private toggleFavourite(station: StationDetail): void {
    this.favourites.toggle(station);
    this.render();
  }

  private selectTab(tab: 'nearby' | 'favourites'): void {
    this.tab = tab;
    this.render();
    if (tab === 'favourites') void this.favourites.refresh().then(() => this.render());
  }

  private showMessage(key: MessageKey): void {
    this.message = key;
    this.render();
  }

  private render(): void {
    keepingFocus(() => this.renderPage());
  }

  private renderPage(): void {
    const lang = this.lang;
    document.documentElement.lang = lang;
    document.title = this.t('appTitle');
    $('title').textContent = this.t('appTitle');
    $('lang').textContent = this.t('switchLanguage');
    $('lang').setAttribute('aria-label', this.t('switchLanguageLabel'));
    // Its label is in the language it switches to, so a screen reader speaks it in that language.
    $('lang').setAttribute('lang', lang === 'zh-CN' ? 'en' : 'zh-CN');
    $('locate').textContent = this.t('locateMe');
    const activeFilters = this.filters.kinds.length + this.filters.amenities.length + Number(this.filters.openNow);
    $('filters-toggle').textContent = activeFilters ? `${this.t('filters')} (${activeFilters})` : this.t('filters');
    renderFilters($('filters'), this.filters, lang, (f) => this.setFilters(f));
    $('truck-toggle').textContent = this.t('truckMode');

    $('map').setAttribute('aria-label', this.t('mapLabel'));
    this.search.render(lang);
    this.map.label({ zoomIn: this.t('zoomIn'), zoomOut: this.t('zoomOut'), attribution: this.t('attributionToggle') });

    $('message').textContent = this.message ? this.t(this.message) : '';
    const nearby = this.tab === 'nearby';
    const savedAt = this.itemsCachedAt ? formatClock(this.itemsCachedAt) : null;
    $('cached').textContent = nearby && savedAt ? this.t(this.itemsRestored ? 'lastListAt' : 'cachedAt', { time: savedAt }) : '';
    $('nearest-title').textContent = this.items.length ? this.t('nearestTitle') : '';
    renderTabs($('list-tabs'), [
      { id: 'nearby', label: this.t('tabNearby'), panel: 'nearby-panel' },
      { id: 'favourites', label: this.t('tabFavourites', { n: this.favourites.starred.size }), panel: 'favourites-panel' },
    ], this.tab, this.t('listTabs'), (tab) => this.selectTab(tab));
    renderList($('nearest'), this.items, {
      lang, now: this.now(), favourites: this.favourites.starred,
      onSelect: (item) => void this.openStation(item.id),
    });
    this.favourites.render($('favourites-panel'), {
      lang, now: this.now(), origin: this.origin, onSelect: (id) => void this.openStation(id),
    });

    const card = $('card');
    card.hidden = this.station === null;
    document.body.classList.toggle('card-open', this.station !== null);
    $('list-view').hidden = this.station !== null;
    if (this.station) {
      const s = this.station.detail;
      const head = {
        lang, now: this.now(), favourite: this.favourites.has(s.id),
        onClose: () => this.closeStation(),
        onToggleFavourite: () => this.toggleFavourite(s),
      };
      if (s.retiredAt !== null) {
        renderRetiredCard(card, s, {
          ...head, alternatives: this.station.alternatives, favourites: this.favourites.starred, onSelect: (id) => void this.openStation(id),
        });
      } else {
        renderCard(card, s, {
          ...head, origin: this.origin,
          distanceM: this.items.find((i) => i.id === s.id)?.distanceM ?? null,
          cachedAt: this.station.cachedAt,
          checkin: renderCheckin({
            lang, now: this.now(), status: s.status, amenities: s.amenities, prompt: this.checkinPrompt, result: this.checkinResult,
            onCheckin: (kind, amenity, comment) => void this.checkIn(kind, amenity, comment),
          }),
        });
      }
    }
  }
}

void new App().start();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
