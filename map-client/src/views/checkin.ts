// The check-in part of a station's card: what people there said lately (the API's status, in words), a big "I am
// resting here" button, and the other reports a tap away. The phone's position goes along for the proximity check.

import type { CheckinKind, StationStatus } from '../checkin-api';
import { formatAgo } from '../format';
import { Problem } from '../http';
import { translate, type Lang, type MessageKey } from '../i18n';
import { h } from './dom';

export interface CheckinContext {
  lang: Lang;
  now: Date;
  status: StationStatus | null;
  amenities: readonly string[];
  /** Opened from the QR code at the door: the check-in button is what the visitor came for. */
  prompt: boolean;
  /** What the last check-in on this card came to, shown under the buttons. */
  result: CheckinResult | null;
  onCheckin(kind: CheckinKind, amenity?: string, comment?: string): void;
}

export type CheckinResult =
  | { state: 'sending' }
  | { state: 'done'; counted: boolean }
  | { state: 'failed'; problem: Problem | null };

/** The status in words, one line per state; empty when nothing is on. */
export function describeCheckinStatus(status: StationStatus | null, now: Date, lang: Lang): string[] {
  if (!status) return [];
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const lines: string[] = [];
  if (status.reportedClosed) lines.push(t('statusReportedClosed', { n: status.closedReporters }));
  else if (status.lastConfirmedAt) lines.push(t('statusConfirmed', { ago: formatAgo(new Date(status.lastConfirmedAt), now, lang) }));
  if (status.crowded) lines.push(t('statusCrowded'));
  if (status.missingAmenities.length > 0) {
    lines.push(t('statusMissing', { amenities: status.missingAmenities.map((a) => t(`amenity_${a}` as MessageKey)).join(lang === 'en' ? ', ' : '、') }));
  }
  return lines;
}

export function renderCheckin(ctx: CheckinContext): HTMLElement {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.lang, key, params);
  const lines = describeCheckinStatus(ctx.status, ctx.now, ctx.lang);
  const status = h('ul', { class: 'checkin-status', id: 'checkin-status' },
    ...lines.map((line, i) => h('li', { class: i === 0 && ctx.status?.reportedClosed ? 'warning' : '' }, line)));

  const rest = h('button', { type: 'button', id: 'checkin-visited', class: 'primary checkin-main' }, t('checkinVisited'));
  rest.addEventListener('click', () => ctx.onCheckin('visited'));

  const comment = h('textarea', { id: 'checkin-comment', rows: '2', maxlength: '200', placeholder: t('checkinCommentPlaceholder') });
  const amenity = h('select', { id: 'checkin-amenity', 'aria-label': t('checkinWhichAmenity') },
    ...ctx.amenities.map((a) => h('option', { value: a }, t(`amenity_${a}` as MessageKey))));
  const other = (kind: CheckinKind, label: MessageKey) => {
    const button = h('button', { type: 'button', class: 'secondary checkin-other', 'data-kind': kind }, t(label));
    button.addEventListener('click', () => {
      if (kind === 'closed_permanently' && !window.confirm(t('checkinClosedForGoodConfirm'))) return;
      ctx.onCheckin(kind, kind === 'amenity_missing' ? amenity.value : undefined, comment.value.trim() || undefined);
    });
    return button;
  };
  const more = h('details', { class: 'checkin-more' },
    h('summary', {}, t('checkinMore')),
    h('div', { class: 'checkin-grid' },
      other('open_confirmed', 'checkinOpen'),
      other('closed_now', 'checkinClosedNow'),
      other('crowded', 'checkinCrowded'),
      ctx.amenities.length > 0 ? h('span', { class: 'checkin-amenity' }, amenity, other('amenity_missing', 'checkinAmenityMissing')) : null,
      other('closed_permanently', 'checkinClosedForGood')),
    h('label', { class: 'field' }, t('checkinComment'), comment));

  return h('section', { class: `checkin${ctx.prompt ? ' prompt' : ''}`, id: 'checkin', 'aria-labelledby': 'checkin-title' },
    h('h3', { id: 'checkin-title' }, t(ctx.prompt ? 'checkinPrompt' : 'checkinTitle')),
    lines.length > 0 ? status : null,
    rest,
    h('p', { class: 'message', role: 'status', id: 'checkin-result' }, describeResult(ctx.result, ctx.lang)),
    more);
}

function describeResult(result: CheckinResult | null, lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  if (!result) return '';
  if (result.state === 'sending') return t('checkinSending');
  if (result.state === 'done') return t(result.counted ? 'checkinThanks' : 'checkinThanksUncounted');
  const p = result.problem;
  if (p?.status === 422) return t('checkinTooFar');
  if (p?.status === 409) return t('checkinAlready');
  if (p?.status === 429) return t('checkinTooMany');
  if (p?.status === 410) return t('checkinRetired');
  return t('checkinFailed');
}
