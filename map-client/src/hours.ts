// Opening hours for display. The API evaluates the hours (OpenStreetMap opening_hours, public holidays against the
// State Council's calendar, sunrise and sunset at the station) and sends the coming week as dated spans; this module
// only puts them into words. It has no parser of the syntax, so the card can never disagree with "open now".

import type { Answer } from './answers';
import { formatClock, stationDay } from './format';
import { translate, translateKnown, type Lang, type MessageKey } from './i18n';

/** One day of a station's week as the API answers it (China Standard Time). */
export type DayHours = Answer<'DayHours'>;

const MINUTES_PER_DAY = 24 * 60;
const WEEK = 7;

// "26:00" as the API writes an end past midnight; these are the API's own span ends, not opening_hours text.
const minutesOf = (clock: string): number => {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
};

const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const isAllDay = (day: DayHours): boolean =>
  day.spans?.length === 1 && minutesOf(day.spans[0]!.start) === 0 && minutesOf(day.spans[0]!.end) >= MINUTES_PER_DAY;

/** What a day's hours are, without the day: "08:00–17:00", "18:00–次日06:00", "全天", "休息", "时间未知". */
function spansText(day: DayHours, lang: Lang): string {
  if (day.spans === null) return translate(lang, 'dayUnknown');
  if (day.spans.length === 0) return translate(lang, 'dayClosed');
  if (isAllDay(day)) return translate(lang, 'allDay');
  return day.spans
    .map((s) => {
      const end = minutesOf(s.end);
      const endText = end > MINUTES_PER_DAY
        ? translate(lang, 'nextDayTime', { time: clockOf(end - MINUTES_PER_DAY) })
        : clockOf(end);
      return `${clockOf(minutesOf(s.start))}–${endText}`;
    })
    .join(translate(lang, 'spanSeparator'));
}

const hasFlag = (day: DayHours): boolean => day.publicHoliday !== null || day.adjustedWorkingDay;

/** "国庆节" or "调休上班" when the day's hours follow the holiday calendar, else "". */
function flagText(day: DayHours, lang: Lang): string {
  if (day.publicHoliday) return translateKnown(lang, `holiday_${day.publicHoliday}`) ?? day.publicHoliday;
  return day.adjustedWorkingDay ? translate(lang, 'adjustedWorkingDay') : '';
}

const withNote = (text: string, note: string) => (note ? `${text} · ${note}` : text);

// The API's dates are calendar days in China; read as UTC noon they keep their weekday anywhere.
const dateParts = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
};

function dateText(date: string, lang: Lang, sameMonthAs?: string): string {
  const { month, day } = dateParts(date);
  const monthName = translate(lang, 'monthNames').split(',')[month - 1] ?? String(month);
  const short = sameMonthAs !== undefined && dateParts(sameMonthAs).month === month;
  return translate(lang, short ? 'dateSameMonth' : 'dateFull', { month: monthName, day });
}

function daysLabel(first: DayHours, last: DayHours, count: number, lang: Lang): string {
  const weekday = (d: DayHours) => translate(lang, `day_${dateParts(d.date).weekday}` as MessageKey);
  if (count === 1) return translate(lang, 'dayLabel', { date: dateText(first.date, lang), weekday: weekday(first) });
  return translate(lang, count === 2 ? 'daysLabelTwo' : 'daysLabelRange', {
    date1: dateText(first.date, lang),
    date2: dateText(last.date, lang, first.date),
    weekday1: weekday(first),
    weekday2: weekday(last),
  });
}

/** One line of the week: the days ("9月21日至24日 周一至周四", empty when it is every day), their hours, and the holiday or make-up day they are ("" if neither). */
export interface WeekLine {
  readonly days: string;
  readonly hours: string;
  readonly note: string;
}

/**
 * The days in words, consecutive days with the same hours together: "9月19日、20日 周六、周日" "休息",
 * "9月21日至24日 周一至周四" "09:00–17:00", "9月25日 周五" "休息" "中秋节"; one line, "每天 08:00–20:00", when all
 * seven days are alike.
 */
export function weekLines(days: readonly DayHours[], lang: Lang): WeekLine[] {
  const groups: { first: DayHours; last: DayHours; count: number; text: string; flag: string }[] = [];
  for (const day of days) {
    const text = spansText(day, lang);
    const flag = flagText(day, lang);
    const previous = groups[groups.length - 1];
    if (previous && previous.text === text && previous.flag === flag) {
      previous.last = day;
      previous.count++;
    } else {
      groups.push({ first: day, last: day, count: 1, text, flag });
    }
  }
  // "Every day" only of a whole week: a saved answer's last days say nothing of the days after them.
  const [only] = groups;
  if (groups.length === 1 && only && only.flag === '' && days.length >= WEEK) {
    const hours = only.first.spans?.length === 0 ? translate(lang, 'closedAllWeek')
      : isAllDay(only.first) ? translate(lang, 'open24h')
      : translate(lang, 'everyDay', { spans: only.text });
    return [{ days: '', hours, note: '' }];
  }
  return groups.map((g) => ({ days: daysLabel(g.first, g.last, g.count, lang), hours: g.text, note: g.flag }));
}

/** The week in one line, the groups joined: what the card shows, line by line. */
export const describeWeek = (days: readonly DayHours[], lang: Lang): string =>
  weekLines(days, lang).map((l) => withNote(l.days ? `${l.days} ${l.hours}` : l.hours, l.note)).join(translate(lang, 'ruleSeparator'));

/** The days of the week from today on (a saved answer may be days old), on the station's clock. */
export const daysFrom = (days: readonly DayHours[], now: Date): DayHours[] =>
  days.filter((d) => d.date >= stationDay(now).date);

/** Today's hours ("今天 08:00–20:00", "今天不营业 · 国庆节"), or null when the week does not reach today. */
export function describeToday(days: readonly DayHours[], now: Date, lang: Lang): string | null {
  const today = days.find((d) => d.date === stationDay(now).date);
  if (!today) return null;
  const text = today.spans?.length === 0 ? translate(lang, 'todayClosed') : `${translate(lang, 'today')} ${spansText(today, lang)}`;
  return withNote(text, flagText(today, lang));
}

/** Every day of the week open around the clock, with nothing to say about holidays. */
export const isOpenAllWeek = (days: readonly DayHours[]): boolean =>
  days.length > 0 && days.every((d) => isAllDay(d) && !hasFlag(d));

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
