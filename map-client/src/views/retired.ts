// The card of a station no longer in service (a full refresh of its source stopped listing it), reached from an old
// shared link or a favourite: it says so plainly, offers no way there, and lists the open stations nearest to where it stood.

import type { NearestItem, StationDetail } from '../api';
import { formatDate } from '../format';
import { translate, type MessageKey } from '../i18n';
import { cardHead, type CardContext } from './card';
import { clear, h } from './dom';
import { stationRow } from './list';

export interface RetiredCardContext extends Pick<CardContext, 'lang' | 'now' | 'favourite' | 'onClose' | 'onToggleFavourite'> {
  /** The open stations nearest to it, nearest first; null while they load. */
  alternatives: readonly NearestItem[] | null;
  favourites: ReadonlySet<number>;
  onSelect(id: number): void;
}

export function renderRetiredCard(target: HTMLElement, s: StationDetail, ctx: RetiredCardContext): void {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.lang, key, params);
  clear(target);
  const since = s.retiredAt ? t('retiredSince', { date: formatDate(new Date(s.retiredAt), ctx.lang) }) : null;
  const place = [s.district, s.address].filter(Boolean).join(' ');
  const alternatives = ctx.alternatives;
  target.append(...[
    ...cardHead(s, ctx),
    h('p', { class: 'retired-notice', id: 'retired-notice' }, h('strong', {}, t('retired')), since ? h('span', {}, since) : null),
    place ? h('p', { class: 'station-meta' }, place) : null,
    h('h3', { class: 'list-title' }, t('retiredAlternatives')),
    alternatives === null ? null
      : alternatives.length === 0 ? h('p', { class: 'message' }, t('retiredNoAlternatives'))
      : h('ol', { class: 'nearest', id: 'alternatives' }, ...alternatives.map((item) => stationRow(item, {
          lang: ctx.lang, now: ctx.now, favourite: ctx.favourites.has(item.id), onSelect: () => ctx.onSelect(item.id),
        }))),
  ].filter((part): part is HTMLElement => part !== null));
}
