// The nearest stations, favourites first, each a large tap target; the same rows list favourites and alternatives.

import type { NearestItem } from '../api';
import { formatDistance, formatWalk } from '../format';
import { describeStatus, type NextChange } from '../hours';
import { translate, type Lang, type MessageKey } from '../i18n';
import { clear, h } from './dom';
import { KIND_COLOURS } from './kinds';

export interface ListContext {
  lang: Lang;
  now: Date;
  favourites: ReadonlySet<number>;
  onSelect(item: NearestItem): void;
}

/** A station as one row of a list. */
export interface ListedStation {
  id: number;
  name: string;
  kind: string;
  amenities: readonly string[];
  /** Null: nowhere to measure from. */
  distanceM: number | null;
  /** Undefined while its live state is not known (a favourite listed from what the phone saved). */
  openNow?: boolean | null;
  nextChange?: NextChange | null;
  retired?: boolean;
}

export interface RowContext {
  lang: Lang;
  now: Date;
  favourite: boolean;
  onSelect(): void;
}

/** Favourites first, then by distance as the API ranked them. */
export function orderForList(items: readonly NearestItem[], favourites: ReadonlySet<number>): NearestItem[] {
  return [...items].sort((a, b) => Number(favourites.has(b.id)) - Number(favourites.has(a.id)));
}

export function amenityChips(amenities: readonly string[], lang: Lang, max = Infinity): HTMLElement {
  const shown = amenities.slice(0, max);
  return h('ul', { class: 'chips' },
    ...shown.map((a) => h('li', { class: `chip amenity-${a}` }, translate(lang, `amenity_${a}` as MessageKey))),
    amenities.length > shown.length ? h('li', { class: 'chip more' }, `+${amenities.length - shown.length}`) : null);
}

export function statusBadge(openNow: boolean | null, text: string): HTMLElement {
  const state = openNow === null ? 'unknown' : openNow ? 'open' : 'closed';
  return h('span', { class: `status status-${state}` }, text);
}

/** One station as a tap target: name, distance and walk, whether it is open (or retired), a few amenities. */
export function stationRow(s: ListedStation, ctx: RowContext): HTMLElement {
  const status = s.retired
    ? h('span', { class: 'status status-retired' }, translate(ctx.lang, 'retired'))
    : s.openNow !== undefined ? statusBadge(s.openNow, describeStatus(s.openNow, s.nextChange ?? null, ctx.now, ctx.lang)) : null;
  const button = h('button', { type: 'button', class: 'station', 'data-station-id': String(s.id) },
    h('span', { class: 'kind-dot', style: `background:${KIND_COLOURS[s.kind] ?? '#475569'}` }),
    h('span', { class: 'station-main' },
      h('span', { class: 'station-name' },
        ctx.favourite ? h('span', { class: 'star', title: translate(ctx.lang, 'favouriteBadge') }, '★ ') : null,
        s.name),
      s.distanceM !== null
        ? h('span', { class: 'station-meta' },
            h('strong', { class: 'distance', 'data-distance-m': s.distanceM.toFixed(1) }, formatDistance(s.distanceM, ctx.lang)),
            ' · ',
            h('span', { class: 'walk' }, formatWalk(s.distanceM, ctx.lang)))
        : null,
      status,
      s.amenities.length ? amenityChips(s.amenities, ctx.lang, 4) : null));
  button.addEventListener('click', ctx.onSelect);
  return h('li', {}, button);
}

export function renderList(target: HTMLElement, items: readonly NearestItem[], ctx: ListContext): void {
  clear(target);
  for (const item of orderForList(items, ctx.favourites)) {
    target.append(stationRow(item, {
      lang: ctx.lang, now: ctx.now, favourite: ctx.favourites.has(item.id), onSelect: () => ctx.onSelect(item),
    }));
  }
}
