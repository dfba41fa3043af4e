// Opening hours for display: the common subset of the OpenStreetMap opening_hours syntax ("Mo-Fr 08:00-20:00; Sa,Su
// 10:00-16:00", "24/7", "off", spans past midnight). Whether a station is open now comes from the API, which reads the
// full syntax; this module only puts the week and today's spans into words, and gives up (null) on anything else.

import { formatClock, stationDay } from './format';
import { translate, type Lang, type MessageKey } from './i18n';

/** Minutes from midnight; an end may pass 24:00 for a span that runs past midnight. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Spans for each day of the week, index 0 = Sunday; an empty list means closed. */
export type Week = readonly (readonly Span[])[];

const DAY_CODES = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
const DAYS = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_SELECTOR = new RegExp(`^${DAYS}(?:-${DAYS})?(?:,${DAYS}(?:-${DAYS})?)*$`);
const TIME_SPAN = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/;

function parseDays(selector: string): number[] | null {
  if (!DAY_SELECTOR.test(selector)) return null;
  const days: number[] = [];
  for (const part of selector.split(',')) {
    const [first, last] = part.split('-');
    const start = DAY_CODES.indexOf(first ?? '');
    const end = last === undefined ? start : DAY_CODES.indexOf(last);
    // Weeks in the syntax start on Monday, so "Fr-Mo" wraps through the weekend.
    for (let d = start, n = 0; n < 7; d = (d + 1) % 7, n++) {
      days.push(d);
      if (d === end) break;
    }
  }
  return days;
}

function parseSpans(text: string): Span[] | null {
  const spans: Span[] = [];
  for (const part of text.split(',')) {
    const m = TIME_SPAN.exec(part.trim());
    if (!m) return null;
    const from = Number(m[1]) * 60 + Number(m[2]);
    let to = Number(m[3]) * 60 + Number(m[4]);
    if (from >= 24 * 60 || Number(m[2]) >= 60 || Number(m[4]) >= 60) return null;
    if (to <= from) to += 24 * 60;
    spans.push({ from, to });
  }
  return spans;
}

/** The week an opening_hours value describes, or null when it uses syntax beyond the common subset. */
export function parseWeek(raw: string | null | undefined): Week | null {
  if (!raw || !raw.trim()) return null;
  const week: Span[][] = Array.from({ length: 7 }, () => []);
  for (const rule of raw.split(';').map((r) => r.trim()).filter((r) => r.length > 0)) {
    if (rule === '24/7') {
      week.forEach((_, d) => (week[d] = [{ from: 0, to: 24 * 60 }]));
      continue;
    }
    const [first = '', ...rest] = rule.split(/\s+/);
    const hasDays = DAY_SELECTOR.test(first);
    const days = hasDays ? parseDays(first) : [0, 1, 2, 3, 4, 5, 6];
    const timePart = (hasDays ? rest : [first, ...rest]).join('');
    if (days === null) return null;
    const spans = timePart === 'off' || timePart === 'closed' ? [] : parseSpans(timePart);
    if (spans === null) return null;
    // A later rule replaces what earlier rules said about the days it names.
    for (const d of days) week[d] = spans;
  }
  return week;
}

function clock(minutes: number): string {
  const m = minutes % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function spansText(spans: readonly Span[]): string {
  return spans.map((s) => (s.to - s.from >= 24 * 60 ? '00:00–24:00' : `${clock(s.from)}–${clock(s.to)}`)).join(', ');
}

const sameSpans = (a: readonly Span[], b: readonly Span[]) =>
  a.length === b.length && a.every((s, i) => s.from === b[i]?.from && s.to === b[i]?.to);

/** The week in words, Monday first, consecutive days with equal hours joined: "周一至周五 08:00–20:00；周六、周日 10:00–16:00". */
export function describeWeek(week: Week, lang: Lang): string {
  if (week.every((d) => d.length === 1 && d[0]!.from === 0 && d[0]!.to === 24 * 60)) return translate(lang, 'open24h');
  if (week.every((d) => d.length === 0)) return translate(lang, 'closedAllWeek');
  const order = [1, 2, 3, 4, 5, 6, 0];
  const dayName = (d: number) => translate(lang, `day_${d}` as MessageKey);
  // Group Monday-first runs of days with the same spans.
  const runs: { days: number[]; spans: readonly Span[] }[] = [];
  for (const d of order) {
    const spans = week[d] ?? [];
    const last = runs[runs.length - 1];
    if (last && sameSpans(last.spans, spans)) last.days.push(d);
    else runs.push({ days: [d], spans });
  }
  // Runs with the same spans are listed together: "周六、周日".
  const merged: { labels: string[]; spans: readonly Span[] }[] = [];
  for (const run of runs.filter((r) => r.spans.length > 0)) {
    const first = run.days[0]!;
    const lastDay = run.days[run.days.length - 1]!;
    const label = run.days.length >= 3
      ? translate(lang, 'dayRange', { from: dayName(first), to: dayName(lastDay) })
      : run.days.map(dayName).join(translate(lang, 'daySeparator'));
    const same = merged.find((m) => sameSpans(m.spans, run.spans));
    if (same) same.labels.push(label);
    else merged.push({ labels: [label], spans: run.spans });
  }
  return merged
    .map((m) => `${m.labels.join(translate(lang, 'daySeparator'))} ${spansText(m.spans)}`)
    .join(translate(lang, 'ruleSeparator'));
}

/** Today's spans on the station's clock ("今天 08:00–20:00", "Closed today"), or null for unreadable hours. */
export function describeToday(raw: string | null | undefined, now: Date, lang: Lang): string | null {
  const week = parseWeek(raw);
  if (!week) return null;
  const spans = week[stationDay(now).weekday] ?? [];
  return spans.length === 0 ? translate(lang, 'todayClosed') : `${translate(lang, 'today')} ${spansText(spans)}`;
}

/** When the open state next changes, as the API reports it. */
export interface NextChange {
  readonly at: string;
  readonly description: string;
}

/** The status line of a station: "营业中 · 17:00 关门", "Closed · opens Tue 08:00", "Open 24 hours", "Hours unknown". */
export function describeStatus(openNow: boolean | null, next: NextChange | null, now: Date, lang: Lang): string {
  if (openNow === null) return translate(lang, 'hoursUnknown');
  const state = translate(lang, openNow ? 'openNow' : 'closed');
  if (!next) return openNow ? translate(lang, 'open24h') : state;
  const at = new Date(next.at);
  const time = formatClock(at);
  if (openNow) return `${state} · ${translate(lang, 'closesAt', { time })}`;
  const sameDay = stationDay(at).date === stationDay(now).date;
  return sameDay
    ? `${state} · ${translate(lang, 'opensAt', { time })}`
    : `${state} · ${translate(lang, 'opensOn', { day: translate(lang, `day_${stationDay(at).weekday}` as MessageKey), time })}`;
}
