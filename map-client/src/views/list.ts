// The nearest stations, favourites first, each a large tap target.

import type { NearestItem } from '../api';
import { formatDistance, formatWalk } from '../format';
import { describeStatus } from '../hours';
import { translate, type Lang, type MessageKey } from '../i18n';
import { clear, h } from './dom';
import { KIND_COLOURS } from './kinds';

export interface ListContext {
  lang: Lang;
  now: Date;
  favourites: ReadonlySet<number>;
  onSelect(item: NearestItem): void;
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

export function renderList(target: HTMLElement, items: readonly NearestItem[], ctx: ListContext): void {
  clear(target);
  for (const item of orderForList(items, ctx.favourites)) {
    const favourite = ctx.favourites.has(item.id);
    const button = h('button', { type: 'button', class: 'station', 'data-station-id': String(item.id) },
      h('span', { class: 'kind-dot', style: `background:${KIND_COLOURS[item.kind] ?? '#475569'}` }),
      h('span', { class: 'station-main' },
        h('span', { class: 'station-name' },
          favourite ? h('span', { class: 'star', title: translate(ctx.lang, 'favouriteBadge') }, '★ ') : null,
          item.name),
        h('span', { class: 'station-meta' },
          h('strong', { class: 'distance', 'data-distance-m': item.distanceM.toFixed(1) }, formatDistance(item.distanceM, ctx.lang)),
          ' · ',
          h('span', { class: 'walk' }, formatWalk(item.distanceM, ctx.lang))),
        statusBadge(item.openNow, describeStatus(item.openNow, item.nextChange, ctx.now, ctx.lang)),
        amenityChips(item.amenities, ctx.lang, 4)));
    button.addEventListener('click', () => ctx.onSelect(item));
    target.append(h('li', {}, button));
  }
}
