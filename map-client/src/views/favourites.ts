// The starred stations as a list of their own. What the phone saved lists them at once, even offline; the API (or the
// service worker's copy) then says whether each is open or retired; distances appear once the worker's position is known.

import { fetchStation, type StationDetail } from '../api';
import { haversineMeters, type LatLon } from '../coords';
import { translate, type Lang } from '../i18n';
import { loadFavourites, saveFavourites, type SavedStation } from '../preferences';
import { clear, h } from './dom';
import { stationRow, type ListedStation } from './list';

export interface FavouritesContext {
  lang: Lang;
  now: Date;
  origin: LatLon | null;
  onSelect(id: number): void;
}

const REFRESH_BATCH = 6;

const snapshot = (s: StationDetail): SavedStation => ({ id: s.id, name: s.name, kind: s.kind, lat: s.lat, lon: s.lon });

export class Favourites {
  private saved: SavedStation[] = loadFavourites();
  private ids = new Set(this.saved.map((s) => s.id));
  private readonly details = new Map<number, StationDetail>();

  get starred(): ReadonlySet<number> {
    return this.ids;
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  /** Stars or unstars a station; a new star goes first. */
  toggle(station: StationDetail): void {
    this.saved = this.has(station.id) ? this.saved.filter((s) => s.id !== station.id) : [snapshot(station), ...this.saved];
    this.ids = new Set(this.saved.map((s) => s.id));
    this.details.set(station.id, station);
    saveFavourites(this.saved);
  }

  /** A station's latest answer (its card was opened): keeps a favourite's saved name and place current. */
  remember(station: StationDetail): void {
    if (!this.has(station.id)) return;
    this.details.set(station.id, station);
    const fresh = snapshot(station);
    const index = this.saved.findIndex((s) => s.id === station.id);
    const old = this.saved[index]!;
    if (old.name !== fresh.name || old.kind !== fresh.kind || old.lat !== fresh.lat || old.lon !== fresh.lon) {
      this.saved[index] = fresh;
      saveFavourites(this.saved);
    }
  }

  /** Asks for every favourite's live state; one that cannot be had (offline, not cached) keeps what was saved. */
  async refresh(): Promise<void> {
    const ids = this.saved.map((s) => s.id);
    // A few at a time: a long list should not queue dozens of lookups on a phone's connection at once.
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) {
      const answers = await Promise.allSettled(ids.slice(i, i + REFRESH_BATCH).map((id) => fetchStation(id)));
      for (const answer of answers) {
        if (answer.status === 'fulfilled') this.remember(answer.value.data);
      }
    }
  }

  render(target: HTMLElement, ctx: FavouritesContext): void {
    clear(target);
    const rows = favouriteRows(this.saved, this.details, ctx.origin);
    if (rows.length === 0) {
      target.append(h('p', { class: 'message' }, translate(ctx.lang, 'favouritesEmpty')));
      return;
    }
    if (!ctx.origin) target.append(h('p', { class: 'message' }, translate(ctx.lang, 'favouritesNeedPosition')));
    target.append(h('ol', { class: 'nearest', id: 'favourites-list' }, ...rows.map((row) => stationRow(row, {
      lang: ctx.lang, now: ctx.now, favourite: false, onSelect: () => ctx.onSelect(row.id),
    }))));
  }
}

/**
 * The favourites as list rows, from their live answers where known and else from what was saved: nearest first when
 * the position is known, else most recently starred first.
 */
export function favouriteRows(
  saved: readonly SavedStation[], live: ReadonlyMap<number, StationDetail>, origin: LatLon | null,
): ListedStation[] {
  const rows = saved.map((s): ListedStation => {
    const detail = live.get(s.id);
    const place = detail ?? (s.lat !== undefined && s.lon !== undefined ? { lat: s.lat, lon: s.lon } : null);
    return {
      id: s.id,
      name: detail?.name ?? s.name ?? `#${s.id}`,
      kind: detail?.kind ?? s.kind ?? '',
      amenities: detail?.amenities ?? [],
      distanceM: origin && place ? haversineMeters(origin, place) : null,
      openNow: detail ? detail.openNow : undefined,
      nextChange: detail?.nextChange ?? null,
      retired: detail ? detail.retiredAt !== null : false,
    };
  });
  return origin ? rows.sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity)) : rows;
}
