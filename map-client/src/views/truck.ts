// Truck mode: pick a checkpoint and see the truck stops around it, or draw the road ahead by tapping the map (or paste
// it as a GeoJSON LineString) and see the stops along it in the order they come, listed and marked on the map; all for
// the driver's vehicle length and load, which the map's markers follow too while the panel is open.

import type { LatLon } from '../coords';
import { formatDistance } from '../format';
import { Problem } from '../http';
import { translate, type Lang, type MessageKey } from '../i18n';
import {
  fetchCheckpointStops, fetchCheckpoints, fetchRouteStops, type Checkpoint, type TruckStop, type Vehicle,
} from '../truck-api';
import { h } from './dom';

const STOPS_PER_CHECKPOINT = 10;
const DEFAULT_CORRIDOR_M = 1000;

export interface TruckPanelHooks {
  onStation(id: number): void;
  onFrame(points: readonly LatLon[]): void;
  /** The vehicle changed: the markers and the nearest list follow it. */
  onVehicle(vehicle: Vehicle): void;
  /** Drawing starts (taps on the map go to `tap`) or stops (null). */
  onDrawing(tap: ((p: LatLon) => void) | null): void;
  /** What the map shows of the road ahead: its points (and whether they were tapped) and the stops found along it. */
  onRoute(road: readonly LatLon[], tapped: boolean, stops: readonly TruckStop[]): void;
}

export class TruckPanel {
  private readonly checkpointSelect = h('select', { id: 'truck-checkpoint' });
  private readonly statusLine = h('p', { class: 'message', role: 'status', id: 'truck-status' });
  private readonly stopList = h('ol', { class: 'nearest truck-stops', id: 'truck-stops' });
  private lang: Lang = 'zh-CN';
  private checkpoints: Checkpoint[] = [];
  private checkpointId: number | null = null;
  private vehicle: Vehicle = { lengthM: null, hazmat: false };
  private routeText = '';
  /** The points tapped on the map, in driving order. */
  private drawn: LatLon[] = [];
  private drawing = false;
  /** The road the stops were found along, as the map draws it, and whether it was tapped (its points are drawn too). */
  private road: LatLon[] = [];
  private roadTapped = false;
  private corridorM = DEFAULT_CORRIDOR_M;
  private stops: TruckStop[] = [];
  /** Numbers the route requests, so a slower answer to an older road never replaces a newer one. */
  private routeRequest = 0;
  /** Built on each render, so a language switch re-words it. */
  private status: (() => string) | null = null;

  constructor(private readonly target: HTMLElement, private readonly hooks: TruckPanelHooks) {
    this.checkpointSelect.addEventListener('change', () => { this.checkpointId = Number(this.checkpointSelect.value); });
  }

  /** Loads the checkpoints the first time the panel opens; the vehicle and the road ahead come back on the map. */
  async open(): Promise<void> {
    this.hooks.onVehicle(this.vehicle);
    this.showOnMap();
    if (this.checkpoints.length > 0) return;
    try {
      this.checkpoints = await fetchCheckpoints();
      this.checkpointId = this.checkpoints[0]?.id ?? null;
    } catch {
      this.status = () => this.t('loadFailed');
    }
    this.renderCheckpoints();
    this.renderResults();
  }

  /** The panel closes: taps go back to the map, and the road leaves it. */
  close(): void {
    this.setDrawing(false);
    this.hooks.onRoute([], false, []);
  }

  /** Builds the panel in a language; what the driver entered stays. */
  render(lang: Lang): void {
    this.lang = lang;
    this.checkpointSelect.setAttribute('aria-label', this.t('truckCheckpoint'));

    const length = h('input', {
      id: 'truck-length', type: 'number', min: '1', max: '30', step: '0.5', inputmode: 'decimal',
      value: this.vehicle.lengthM === null ? '' : String(this.vehicle.lengthM),
    });
    length.addEventListener('change', () => {
      const value = Number.parseFloat(length.value);
      this.setVehicle({ ...this.vehicle, lengthM: Number.isFinite(value) && value > 0 ? value : null });
    });
    const hazmat = h('input', { id: 'truck-hazmat', type: 'checkbox', checked: this.vehicle.hazmat });
    hazmat.addEventListener('change', () => this.setVehicle({ ...this.vehicle, hazmat: hazmat.checked }));

    const nearCheckpoint = h('button', { type: 'button', class: 'primary', id: 'truck-checkpoint-stops' }, this.t('truckStopsNearCheckpoint'));
    nearCheckpoint.addEventListener('click', () => void this.loadCheckpointStops());

    const draw = h('button', { type: 'button', id: 'truck-draw', 'aria-pressed': String(this.drawing) },
      this.t(this.drawing ? 'truckDrawDone' : 'truckDraw'));
    draw.addEventListener('click', () => this.setDrawing(!this.drawing));
    const undo = h('button', { type: 'button', id: 'truck-draw-undo', disabled: this.drawn.length === 0 }, this.t('truckDrawUndo'));
    undo.addEventListener('click', () => this.setDrawn(this.drawn.slice(0, -1)));
    const clear = h('button', { type: 'button', id: 'truck-draw-clear', disabled: this.drawn.length === 0 }, this.t('truckDrawClear'));
    clear.addEventListener('click', () => this.setDrawn([]));

    const route = h('textarea', { id: 'truck-route', rows: '3', placeholder: this.t('truckRoutePlaceholder') });
    route.value = this.routeText;
    route.addEventListener('input', () => { this.routeText = route.value; });
    const corridor = h('input', { id: 'truck-corridor', type: 'number', min: '1', max: '5000', step: '100', value: String(this.corridorM) });
    corridor.addEventListener('change', () => { this.corridorM = Number.parseFloat(corridor.value) || DEFAULT_CORRIDOR_M; });
    const alongRoute = h('button', { type: 'button', class: 'primary', id: 'truck-route-stops' }, this.t('truckStopsAlongRoute'));
    alongRoute.addEventListener('click', () => void this.loadRouteStops());

    this.target.replaceChildren(
      h('h3', {}, this.t('truckVehicle')),
      h('label', { class: 'field' }, this.t('truckLength'), ' ', length),
      h('label', { class: 'check' }, hazmat, ' ', this.t('truckHazmat')),
      h('h3', {}, this.t('truckCheckpoint')),
      this.checkpointSelect, ' ', nearCheckpoint,
      h('h3', {}, this.t('truckRoute')),
      h('p', { class: 'hint', id: 'truck-draw-hint' },
        this.drawn.length === 0 ? this.t('truckDrawHint') : this.t('truckDrawPoints', { n: this.drawn.length })),
      h('div', { class: 'truck-draw' }, draw, undo, clear),
      h('details', { class: 'truck-paste', open: this.routeText !== '' && this.drawn.length === 0 },
        h('summary', {}, this.t('truckPaste')), route),
      h('label', { class: 'field' }, this.t('truckCorridor'), ' ', corridor), ' ', alongRoute,
      this.statusLine,
      this.stopList);
    this.renderCheckpoints();
    this.renderResults();
  }

  /** The checkpoints once loaded: only their select, not the inputs, which may hold what the driver is typing. */
  private renderCheckpoints(): void {
    this.checkpointSelect.replaceChildren(
      ...this.checkpoints.map((c) => h('option', { value: String(c.id), selected: c.id === this.checkpointId }, c.name)));
  }

  /** The parts that change as answers arrive: the status line and the stops. */
  private renderResults(): void {
    const lang = this.lang;
    this.statusLine.textContent = this.status?.() ?? '';
    this.stopList.replaceChildren(...this.stops.map((stop) => {
      const button = h('button', { type: 'button', class: 'station', 'data-station-id': String(stop.id) },
        h('span', { class: 'station-main' },
          h('span', { class: 'station-name' }, stop.name),
          h('span', { class: 'station-meta' },
            h('strong', {}, 'alongM' in stop
              ? this.t('truckAlong', { along: formatDistance(stop.alongM, lang), off: formatDistance(stop.offsetM, lang) })
              : formatDistance(stop.distanceM, lang)),
            ' · ',
            this.describeTruck(stop))));
      button.addEventListener('click', () => this.hooks.onStation(stop.id));
      return h('li', {}, button);
    }));
  }

  private async loadCheckpointStops(): Promise<void> {
    const checkpoint = this.checkpoints.find((c) => c.id === this.checkpointId);
    if (!checkpoint) return;
    await this.show(async () => {
      const stops = await fetchCheckpointStops(checkpoint.id, this.vehicle, STOPS_PER_CHECKPOINT);
      this.road = [];
      this.hooks.onFrame([checkpoint, ...stops]);
      return stops;
    });
  }

  private setVehicle(vehicle: Vehicle): void {
    this.vehicle = vehicle;
    this.hooks.onVehicle(vehicle);
  }

  private setDrawing(drawing: boolean): void {
    if (this.drawing === drawing) return;
    this.drawing = drawing;
    this.hooks.onDrawing(drawing ? (p) => this.setDrawn([...this.drawn, p]) : null);
    this.render(this.lang);
  }

  /** The tapped road changed: redraw it, and from two points on, find its stops again. */
  private setDrawn(points: LatLon[]): void {
    this.drawn = points;
    this.road = points;
    this.roadTapped = true;
    if (points.length < 2) {
      this.stops = [];
      this.status = points.length === 1 ? () => this.t('truckDrawMore') : null;
      this.showOnMap();
    }
    this.render(this.lang);
    if (points.length >= 2) void this.loadRouteStops();
  }

  /** Stops along the tapped road, or else along the pasted GeoJSON. */
  private async loadRouteStops(): Promise<void> {
    const tapped = this.drawn.length >= 2;
    let route: unknown;
    if (tapped) {
      route = { type: 'LineString', coordinates: this.drawn.map((p) => [p.lon, p.lat]) };
    } else {
      try {
        route = JSON.parse(this.routeText);
      } catch {
        this.status = () => this.t(this.drawn.length === 1 ? 'truckDrawMore' : 'truckRouteNotJson');
        this.renderResults();
        return;
      }
    }
    const request = ++this.routeRequest;
    const road = routePositions(route) ?? [];
    await this.show(async () => {
      const answer = await fetchRouteStops(route, this.corridorM, this.vehicle);
      if (request !== this.routeRequest) return this.stops;
      this.road = road;
      this.roadTapped = tapped;
      // A tapped road is already in view: moving the map under a driver's finger would misplace the next tap.
      if (!tapped) this.hooks.onFrame([...road, ...answer.items]);
      return answer.items;
    });
  }

  private showOnMap(): void {
    this.hooks.onRoute(this.road, this.roadTapped, this.stops);
  }

  private async show(load: () => Promise<TruckStop[]>): Promise<void> {
    try {
      this.stops = await load();
      this.status = this.stops.length === 0 ? () => this.t('truckNoStops') : null;
    } catch (error) {
      this.stops = [];
      // A 400 (or a 413 for a route too long) names the inputs at fault.
      const fields = error instanceof Problem && (error.status === 400 || error.status === 413) ? error.fields.join(', ') : null;
      this.status = () => (fields === null ? this.t('loadFailed') : this.t('truckBadInput', { fields }));
    }
    this.showOnMap();
    this.renderResults();
  }

  private describeTruck(stop: TruckStop): string {
    const parts = [this.t('truckParking', { n: stop.truckParkingSpaces ?? 0 })];
    if (stop.maxVehicleLengthM !== null) parts.push(this.t('truckMaxLength', { n: stop.maxVehicleLengthM }));
    if (stop.hazmatAllowed) parts.push(this.t('truckHazmatAllowed'));
    return parts.join(' · ');
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }
}

/** The [lon, lat] positions of a pasted GeoJSON LineString or Feature, for framing the map; null when it is neither. */
export function routePositions(route: unknown): LatLon[] | null {
  const geometry = (route as { type?: string; geometry?: unknown })?.type === 'Feature' ? (route as { geometry: unknown }).geometry : route;
  const line = geometry as { type?: string; coordinates?: unknown };
  if (line?.type !== 'LineString' || !Array.isArray(line.coordinates)) return null;
  return line.coordinates
    .filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
    .map(([lon, lat]) => ({ lat, lon }));
}
