// The table of Chinese hours the API's tests read too (tests/cases/hours-zh.json): for each input, the week the domain
// evaluates its opening_hours to (checked by xunit, case by case, against the domain and the station detail answer),
// and what the card says of that week. Here: the card's words for each of those weeks, as the table says them.
import { describe, expect, it } from 'vitest';
import tableText from '../../tests/cases/hours-zh.json?raw';
import { describeWeek } from '../src/hours';
import { dayHours } from './day-hours';

interface HoursCase {
  input: string;
  osm: string;
  week: string[];
  zh: string;
}

const table = JSON.parse(tableText) as {
  week: { from: string; days: number };
  cases: HoursCase[];
};

const dateAfter = (from: string, days: number): string => {
  const d = new Date(`${from}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('the Chinese hours table', () => {
  it('has at least forty cases, each a full week', () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(40);
    for (const c of table.cases) expect(c.week, c.input).toHaveLength(table.week.days);
  });

  it.each(table.cases.map((c) => [c.input, c.osm, c] as const))('"%s" (%s) reads as the table says', (_input, _osm, c) => {
    const week = c.week.map((text, i) => dayHours(dateAfter(table.week.from, i), text));
    expect(describeWeek(week, 'zh-CN')).toBe(c.zh);
  });
});
