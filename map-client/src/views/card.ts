// The station card: everything a worker needs to decide and to go.

import type { StationDetail } from '../api';
import type { LatLon } from '../coords';
import { formatClock, formatDate, formatDistance, formatWalk } from '../format';
import { daysFrom, describeStatus, describeToday, isOpenAllWeek, weekLines } from '../hours';
import { translate, translateKnown, type Lang, type MessageKey } from '../i18n';
import { amapUrl, baiduUrl, geoUri } from '../navigation';
import { clear, h } from './dom';
import { amenityChips, statusBadge } from './list';
import { KIND_COLOURS } from './kinds';

export interface CardContext {
  lang: Lang;
  now: Date;
  origin: LatLon | null;
  distanceM: number | null;
  favourite: boolean;
  cachedAt: Date | null;
  /** The check-in part (views/checkin.ts), under the opening state. */
  checkin?: Node;
  onClose(): void;
  onToggleFavourite(): void;
}

export const shareLink = (id: number) => `${location.origin}/#/station/${id}`;

/**
 * The top of every card: kind, the star, the way back, and the name, which takes the focus when the card opens (so a
 * screen reader starts there).
 */
export function cardHead(s: StationDetail, ctx: Pick<CardContext, 'lang' | 'favourite' | 'onClose' | 'onToggleFavourite'>): HTMLElement[] {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const star = h('button', {
    type: 'button', id: 'favourite', class: `icon-button${ctx.favourite ? ' on' : ''}`,
    'aria-pressed': String(ctx.favourite), 'aria-label': t(ctx.favourite ? 'unfavourite' : 'favourite'),
  }, ctx.favourite ? '★' : '☆');
  star.addEventListener('click', ctx.onToggleFavourite);
  const close = h('button', { type: 'button', id: 'card-close', class: 'icon-button', 'aria-label': t('back') }, '✕');
  close.addEventListener('click', ctx.onClose);
  return [
    h('header', { class: 'card-head' },
      h('span', { class: 'kind-badge', style: `background:${KIND_COLOURS[s.kind] ?? '#475569'}` }, t(`kind_${s.kind}` as MessageKey)),
      h('span', { class: 'card-tools' }, star, close)),
    h('h2', { id: 'card-name', tabindex: '-1' }, s.name),
  ];
}

/**
 * The place's records when more than one source lists it (one physical station, one pin): each source with its own
 * name, which one the map shows and which are retired; a link to the shown one when this card is another.
 */
function placeSources(s: StationDetail, lang: Lang): Node | null {
  // A card the service worker saved before places existed has no sources.
  const records = s.sources ?? [];
  if (records.length < 2) return null;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const shown = records.find((r) => r.pin);
  return h('span', { class: 'place-sources' },
    shown && shown.id !== s.id
      ? h('a', { class: 'link', id: 'place-pin', href: `/#/station/${shown.id}` }, t('shownAs', { source: shown.source }))
      : null,
    h('ul', { class: 'sources' }, ...records.map((r) => h('li', { 'data-source': r.source, 'data-id': String(r.id) },
      h('strong', {}, r.source), ` · ${r.name}`,
      r.pin ? h('small', { class: 'source-shown' }, ` · ${t('sourceShown')}`) : null,
      r.retiredAt ? h('small', { class: 'source-retired' }, ` · ${t('sourceRetired')}`) : null))));
}

export function renderCard(target: HTMLElement, s: StationDetail, ctx: CardContext): void {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.lang, key, params);
  clear(target);
  // The API's week from today on: a saved answer (offline) may be days old.
  const days = daysFrom(s.week ?? [], ctx.now);
  // "Open 24 hours" says it all; today's spans would only repeat it.
  const today = isOpenAllWeek(days) ? null : describeToday(days, ctx.now, ctx.lang);
  const week = days.length > 0
    ? h('span', { class: 'week' }, ...weekLines(days, ctx.lang).map((line) => h('span', { class: 'week-line' },
        line.days ? `${line.days} ` : null,
        h('span', { class: 'week-hours' }, line.hours),
        line.note ? ' · ' : null,
        line.note ? h('span', { class: 'week-note' }, line.note) : null)))
    : s.openingHours ?? t('hoursUnknown');
  const destination = { lat: s.lat, lon: s.lon, name: s.name };
  const row = (label: MessageKey, value: Node | string | null) =>
    value ? h('div', { class: 'row' }, h('dt', {}, t(label)), h('dd', {}, value)) : null;

  const share = h('a', { id: 'share', class: 'link', href: `/#/station/${s.id}` }, t('share'));
  share.addEventListener('click', (e) => {
    e.preventDefault();
    const url = shareLink(s.id);
    if (navigator.share) void navigator.share({ title: s.name, url }).catch(() => undefined);
    else void navigator.clipboard?.writeText(url).then(() => (share.textContent = t('copied')));
  });

  const parts: (Node | null)[] = [
    ...cardHead(s, ctx),
    ctx.distanceM !== null
      ? h('p', { class: 'station-meta' },
          h('strong', {}, formatDistance(ctx.distanceM, ctx.lang)), ' · ', formatWalk(ctx.distanceM, ctx.lang))
      : null,
    h('p', {}, statusBadge(s.openNow, describeStatus(s.openNow, s.nextChange, ctx.now, ctx.lang))),
    ctx.checkin ?? null,
    h('nav', { class: 'navigate', 'aria-label': t('navigate') },
      h('a', { id: 'nav-amap', class: 'nav-button', href: amapUrl(destination), target: '_blank', rel: 'noopener' }, t('navAmap')),
      h('a', { id: 'nav-baidu', class: 'nav-button', href: baiduUrl(destination, ctx.origin ?? undefined), target: '_blank', rel: 'noopener' }, t('navBaidu')),
      h('a', { id: 'nav-geo', class: 'nav-button secondary', href: geoUri(destination) }, t('navGeo'))),
    h('dl', { class: 'facts' },
      row('hours', h('span', {},
        today ? h('strong', { class: 'today' }, today) : null,
        week,
        s.openingHoursOriginal ? h('small', { class: 'hours-original' }, t('hoursOriginal', { text: s.openingHoursOriginal })) : null)),
      s.amenities.length ? row('amenities', amenityChips(s.amenities, ctx.lang)) : null,
      row('address', [s.district, s.address].filter(Boolean).join(' ') || null),
      // Hosts arrive as a type (bank_branch) from the demo data and as a name from real feeds.
      row('host', s.host ? translateKnown(ctx.lang, `host_${s.host}`) ?? s.host : null),
      row('phone', s.phone ? h('a', { href: `tel:${s.phone.replace(/[^\d+]/g, '')}`, class: 'link' }, s.phone) : null),
      s.truckParkingSpaces ? row('amenity_truck_parking', t('truckParking', { n: s.truckParkingSpaces })) : null,
      row('updated', formatDate(new Date(s.updatedAt), ctx.lang)),
      row('sources', placeSources(s, ctx.lang))),
    h('p', { class: 'card-foot' }, share),
    ctx.cachedAt ? h('p', { class: 'cached' }, t('cachedAt', { time: formatClock(ctx.cachedAt) })) : null,
  ];
  target.append(...parts.filter((p): p is Node => p !== null));
}
