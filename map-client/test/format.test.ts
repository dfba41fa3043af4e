import { describe, expect, it } from 'vitest';
import { formatClock, formatDistance, formatWalk, walkingMinutes } from '../src/format';
import type { Lang } from '../src/i18n';

describe('distance', () => {
  it.each<[number, Lang, string]>([
    [4, 'zh-CN', '10 米'],
    [347, 'zh-CN', '350 米'],
    [347, 'en', '350 m'],
    [999, 'en', '1000 m'],
    [1234, 'zh-CN', '1.2 公里'],
    [1234, 'en', '1.2 km'],
    [15_600, 'zh-CN', '16 公里'],
    [15_600, 'en', '16 km'],
  ])('%d m in %s is "%s"', (metres, lang, text) => {
    expect(formatDistance(metres, lang)).toBe(text);
  });
});

describe('walking time', () => {
  it('is at least a minute and rounds up at 75 m a minute', () => {
    expect(walkingMinutes(10)).toBe(1);
    expect(walkingMinutes(750)).toBe(10);
    expect(walkingMinutes(751)).toBe(11);
  });

  it.each<[number, Lang, string]>([
    [400, 'zh-CN', '步行约 6 分钟'],
    [400, 'en', '6 min walk'],
    [6000, 'zh-CN', '步行约 1 小时 20 分钟'],
    [6000, 'en', '1 h 20 min walk'],
  ])('%d m in %s is "%s"', (metres, lang, text) => {
    expect(formatWalk(metres, lang)).toBe(text);
  });
});

describe('clock', () => {
  it('shows China Standard Time whatever the phone zone', () => {
    expect(formatClock(new Date('2026-11-24T09:00:00Z'))).toBe('17:00');
    expect(formatClock(new Date('2026-11-24T16:30:00Z'))).toBe('00:30');
  });
});
