import { translate, type Lang } from './i18n';

/** Walking pace for "minutes on foot": 4.5 km/h, a tired worker's pace rather than a brisk one. */
export const WALKING_METRES_PER_MINUTE = 75;

export const STATION_TIME_ZONE = 'Asia/Shanghai';

export function formatDistance(metres: number, lang: Lang): string {
  if (metres < 1000) {
    return translate(lang, 'distanceM', { n: Math.max(10, Math.round(metres / 10) * 10) });
  }
  const km = metres / 1000;
  return translate(lang, 'distanceKm', { n: km < 10 ? km.toFixed(1) : Math.round(km).toString() });
}

export function walkingMinutes(metres: number): number {
  return Math.max(1, Math.ceil(metres / WALKING_METRES_PER_MINUTE));
}

export function formatWalk(metres: number, lang: Lang): string {
  const minutes = walkingMinutes(metres);
  if (minutes < 60) return translate(lang, 'walkMin', { n: minutes });
  return translate(lang, 'walkHourMin', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** "17:05" on the station's clock (China Standard Time), whatever the phone's time zone. */
export function formatClock(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: STATION_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** Day of week (0 = Sunday) and calendar day on the station's clock. */
export function stationDay(instant: Date): { weekday: number; date: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: STATION_TIME_ZONE, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return { weekday, date: `${part('year')}-${part('month')}-${part('day')}` };
}

export function formatDate(instant: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { timeZone: STATION_TIME_ZONE, year: 'numeric', month: 'short', day: 'numeric' })
    .format(instant);
}

/** How long ago, in the largest whole unit: "刚刚" / "just now", minutes, hours, then days. */
export function formatAgo(instant: Date, now: Date, lang: Lang): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - instant.getTime()) / 60000));
  if (minutes < 1) return translate(lang, 'agoNow');
  if (minutes < 60) return translate(lang, 'agoMinutes', { n: minutes });
  if (minutes < 48 * 60) return translate(lang, 'agoHours', { n: Math.floor(minutes / 60) });
  return translate(lang, 'agoDays', { n: Math.floor(minutes / 1440) });
}
