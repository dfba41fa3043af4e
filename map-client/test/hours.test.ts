import { describe, expect, it } from 'vitest';
import { daysFrom, describeStatus, describeToday, describeWeek, isOpenAllWeek, type DayHours } from '../src/hours';
import type { Lang } from '../src/i18n';
import { dayHours as day } from './day-hours';

// Tuesday 29 September 2026, 10:00 in Beijing: the week runs into the National Day break.
const tuesdayMorning = new Date('2026-09-29T02:00:00Z');

// An office under "Mo-Fr 08:00-18:00; PH off" from Tuesday 29 September 2026.
const office: DayHours[] = [
  day('2026-09-29', '08:00-18:00'),
  day('2026-09-30', '08:00-18:00'),
  ...['01', '02', '03', '04', '05'].map((d) => day(`2026-10-${d}`, 'off national_day')),
];

describe('week in words', () => {
  it.each<[DayHours[], Lang, string]>([
    [office, 'zh-CN', '9月29日、30日 周二、周三 08:00–18:00；10月1日至5日 周四至周一 休息 · 国庆节'],
    [office, 'en', 'Tue 29 Sep, Wed 30 Sep 08:00–18:00; Thu 1 Oct – Mon 5 Oct closed · National Day'],
    [[day('2026-09-30', '08:00-18:00'), day('2026-10-01', '09:00-12:00,13:30-17:30')], 'en',
      'Wed 30 Sep 08:00–18:00; Thu 1 Oct 09:00–12:00, 13:30–17:30'],
    [[day('2026-09-30', '08:00-18:00'), day('2026-10-01', '08:00-18:00')], 'zh-CN', '9月30日、10月1日 周三、周四 08:00–18:00'],
    [[day('2026-09-20', '09:00-17:00 work')], 'en', 'Sun 20 Sep 09:00–17:00 · make-up working day'],
    [[day('2026-09-20', 'unknown work')], 'zh-CN', '9月20日 周日 时间未知 · 调休上班'],
    [Array.from({ length: 7 }, (_, i) => day(`2026-11-${23 + i}`, '18:00-26:00')), 'en', 'Daily 18:00–02:00 next day'],
    [Array.from({ length: 7 }, (_, i) => day(`2026-11-${23 + i}`, '00:00-24:00')), 'en', 'Open 24 hours'],
    [Array.from({ length: 7 }, (_, i) => day(`2026-11-${23 + i}`, 'off')), 'zh-CN', '全周不营业'],
    [[day('2026-10-02', 'off some_future_holiday')], 'en', 'Fri 2 Oct closed · some_future_holiday'],
  ])('%# in %s', (days, lang, text) => {
    expect(describeWeek(days, lang)).toBe(text);
  });
});

describe('today', () => {
  it.each<[Lang, string]>([
    ['zh-CN', '今天 08:00–18:00'],
    ['en', 'Today 08:00–18:00'],
  ])('is read from the week in %s', (lang, text) => {
    expect(describeToday(office, tuesdayMorning, lang)).toBe(text);
  });

  it('names the holiday on a closed holiday', () => {
    expect(describeToday(office, new Date('2026-10-01T02:00:00Z'), 'zh-CN')).toBe('今天不营业 · 国庆节');
  });

  it('uses the Beijing day, not the phone\'s: 23:00 UTC on the 29th is the 30th in Beijing', () => {
    const days = [day('2026-09-29', '07:00-09:00'), day('2026-09-30', '10:00-11:00')];
    expect(describeToday(days, new Date('2026-09-29T23:00:00Z'), 'en')).toBe('Today 10:00–11:00');
  });

  it('is null once a saved week no longer reaches today, which drops the days past', () => {
    const later = new Date('2026-10-09T02:00:00Z');
    expect(describeToday(office, later, 'en')).toBeNull();
    expect(daysFrom(office, later)).toEqual([]);
    expect(daysFrom(office, new Date('2026-10-04T02:00:00Z')).map((d) => d.date)).toEqual(['2026-10-04', '2026-10-05']);
  });

  it('tells a week open around the clock from one with a holiday in it', () => {
    const allDay = Array.from({ length: 7 }, (_, i) => day(`2026-11-${23 + i}`, '00:00-24:00'));
    expect(isOpenAllWeek(allDay)).toBe(true);
    expect(isOpenAllWeek([...allDay.slice(1), day('2026-11-30', '00:00-24:00 x')])).toBe(false);
    expect(isOpenAllWeek([])).toBe(false);
  });
});

describe('status line', () => {
  it.each<[boolean | null, string | null, Lang, string]>([
    [true, '2026-09-29T17:00:00+08:00', 'zh-CN', '营业中 · 17:00 关门'],
    [true, '2026-09-29T17:00:00+08:00', 'en', 'Open · closes 17:00'],
    [false, '2026-09-29T14:00:00+08:00', 'zh-CN', '已关门 · 14:00 开门'],
    [false, '2026-09-30T08:00:00+08:00', 'zh-CN', '已关门 · 周三 08:00 开门'],
    [false, '2026-09-30T08:00:00+08:00', 'en', 'Closed · opens Wed 08:00'],
    [true, null, 'en', 'Open 24 hours'],
    [null, null, 'zh-CN', '营业时间未知'],
    [null, null, 'en', 'Hours unknown'],
  ])('open=%s next=%s in %s', (open, at, lang, text) => {
    expect(describeStatus(open, at ? { at, description: '' } : null, tuesdayMorning, lang)).toBe(text);
  });
});
