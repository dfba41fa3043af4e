import { describe, expect, it } from 'vitest';
import { describeStatus, describeToday, describeWeek, parseWeek } from '../src/hours';
import type { Lang } from '../src/i18n';

// Tuesday 24 November 2026, 10:00 in Beijing.
const tuesdayMorning = new Date('2026-11-24T02:00:00Z');

describe('week in words', () => {
  it.each<[string, Lang, string]>([
    ['24/7', 'zh-CN', '24 小时营业'],
    ['24/7', 'en', 'Open 24 hours'],
    ['Mo-Fr 08:00-20:00; Sa,Su 10:00-16:00', 'zh-CN', '周一至周五 08:00–20:00；周六、周日 10:00–16:00'],
    ['Mo-Fr 08:00-20:00; Sa,Su 10:00-16:00', 'en', 'Mon–Fri 08:00–20:00; Sat, Sun 10:00–16:00'],
    ['Mo-Su 09:00-12:00,13:30-17:30', 'en', 'Mon–Sun 09:00–12:00, 13:30–17:30'],
    ['Mo-Su 18:00-02:00', 'zh-CN', '周一至周日 18:00–02:00'],
    ['Mo-Su 08:00-18:00; We off', 'en', 'Mon, Tue, Thu–Sun 08:00–18:00'],
    ['08:00-17:00', 'en', 'Mon–Sun 08:00–17:00'],
  ])('"%s" in %s', (raw, lang, text) => {
    expect(describeWeek(parseWeek(raw)!, lang)).toBe(text);
  });

  it.each(['', 'sunrise-sunset', 'Mo-Fr 08:00-25:99', 'PH off; Mo 08:00-12:00', 'open sometimes'])(
    'gives up on "%s"', (raw) => {
      expect(parseWeek(raw)).toBeNull();
    });
});

describe('today', () => {
  it.each<[string, Lang, string]>([
    ['Mo-Fr 08:00-20:00; Sa,Su 10:00-16:00', 'zh-CN', '今天 08:00–20:00'],
    ['Mo-Fr 08:00-20:00; Sa,Su 10:00-16:00', 'en', 'Today 08:00–20:00'],
    ['Sa,Su 10:00-16:00', 'zh-CN', '今天不营业'],
    ['Sa,Su 10:00-16:00', 'en', 'Closed today'],
  ])('"%s" in %s', (raw, lang, text) => {
    expect(describeToday(raw, tuesdayMorning, lang)).toBe(text);
  });

  it('uses the Beijing day, not the phone\'s: 23:00 UTC Monday is Tuesday in Beijing', () => {
    expect(describeToday('Tu 07:00-09:00', new Date('2026-11-23T23:00:00Z'), 'en')).toBe('Today 07:00–09:00');
  });
});

describe('status line', () => {
  it.each<[boolean | null, string | null, Lang, string]>([
    [true, '2026-11-24T17:00:00+08:00', 'zh-CN', '营业中 · 17:00 关门'],
    [true, '2026-11-24T17:00:00+08:00', 'en', 'Open · closes 17:00'],
    [false, '2026-11-24T14:00:00+08:00', 'zh-CN', '已关门 · 14:00 开门'],
    [false, '2026-11-25T08:00:00+08:00', 'zh-CN', '已关门 · 周三 08:00 开门'],
    [false, '2026-11-25T08:00:00+08:00', 'en', 'Closed · opens Wed 08:00'],
    [true, null, 'en', 'Open 24 hours'],
    [null, null, 'zh-CN', '营业时间未知'],
    [null, null, 'en', 'Hours unknown'],
  ])('open=%s next=%s in %s', (open, at, lang, text) => {
    expect(describeStatus(open, at ? { at, description: '' } : null, tuesdayMorning, lang)).toBe(text);
  });
});
