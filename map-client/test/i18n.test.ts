import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/api';
import { translate, translateKnown, type Lang } from '../src/i18n';

const langs: Lang[] = ['zh-CN', 'en'];

describe('translate', () => {
  it.each([
    ['zh-CN', 'plannerCoverage', { share: '42.0%', covered: 420, total: 1000 }, '已覆盖 42.0%（420 / 1000）'],
    ['en', 'plannerCoverage', { share: '42.0%', covered: 420, total: 1000 }, 'Covered 42.0% (420 of 1000)'],
    ['zh-CN', 'opensOn', { day: '周一', time: '08:00' }, '周一 08:00 开门'],
    ['en', 'truckAlong', { along: '1.2 km', off: '300 m' }, '1.2 km ahead, 300 m off the route'],
    ['en', 'distanceM', { n: 0 }, '0 m'],
  ] as const)('fills every {name} placeholder (%s %s)', (lang, key, params, expected) => {
    expect(translate(lang, key, params)).toBe(expected);
  });

  it('leaves a placeholder without a value as it is, and a text without placeholders alone', () => {
    expect(translate('en', 'plannerFailed')).toBe('Failed: {reason}');
    expect(translate('en', 'appTitle', { n: 1 })).toBe('Worker rest stops');
  });
});

describe('translateKnown', () => {
  it.each(langs)('has a label for every kind, host type, solver and run status the planner shows (%s)', (lang) => {
    const keys = [
      ...KINDS.map((k) => `kind_${k}`),
      ...['bank_branch', 'restaurant', 'supermarket', 'petrol_station', 'property_office'].map((h) => `host_${h}`),
      ...['auto', 'greedy', 'exact'].map((s) => `solver_${s}`),
      ...['local_optimum', 'greedy_fallback', 'optimal', 'feasible'].map((s) => `runStatus_${s}`),
    ];
    for (const key of keys) expect(translateKnown(lang, key), key).toMatch(/\S/);
    expect(translateKnown(lang, 'kind_warm_station')).not.toBe('warm_station');
  });

  it('is null for a value the table does not know', () => {
    expect(translateKnown('en', 'host_中石化北京房山加油站')).toBeNull();
  });
});
