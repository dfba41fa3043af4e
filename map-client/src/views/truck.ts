// Truck mode: pick a checkpoint and see the truck stops around it, or paste the road ahead (a GeoJSON LineString) and
// see the stops along it in the order they come; both for the driver's vehicle length and load.

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
  private corridorM = DEFAULT_CORRIDOR_M;
  private stops: TruckStop[] = [];
  /** Built on each render, so a language switch re-words it. */
  private status: (() => string) | null = null;

  constructor(private readonly target: HTMLElement, private readonly hooks: TruckPanelHooks) {
    this.checkpointSelect.addEventListener('change', () => { this.checkpointId = Number(this.checkpointSelect.value); });
  }

  /** Loads the checkpoints the first time the panel opens. */
  async open(): Promise<void> {
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
      this.vehicle = { ...this.vehicle, lengthM: Number.isFinite(value) && value > 0 ? value : null };
    });
    const hazmat = h('input', { id: 'truck-hazmat', type: 'checkbox', checked: this.vehicle.hazmat });
    hazmat.addEventListener('change', () => { this.vehicle = { ...this.vehicle, hazmat: hazmat.checked }; });

    const nearCheckpoint = h('button', { type: 'button', class: 'primary', id: 'truck-checkpoint-stops' }, this.t('truckStopsNearCheckpoint'));
    nearCheckpoint.addEventListener('click', () => void this.loadCheckpointStops());

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
      route,
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
      this.hooks.onFrame([checkpoint, ...stops]);
      return stops;
    });
  }

  private async loadRouteStops(): Promise<void> {
    let route: unknown;
    try {
      route = JSON.parse(this.routeText);
    } catch {
      this.status = () => this.t('truckRouteNotJson');
      this.renderResults();
      return;
    }
    await this.show(async () => {
      const answer = await fetchRouteStops(route, this.corridorM, this.vehicle);
      this.hooks.onFrame([...(routePositions(route) ?? []), ...answer.items]);
      return answer.items;
    });
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
