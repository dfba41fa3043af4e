import type { DayHours } from '../src/hours';

/**
 * A day of the API's week from the short form the tests (and tests/cases/hours-zh.json) write: "09:00-17:00",
 * "09:00-12:00,14:00-17:30", "off" or "unknown", then "work" or a holiday id where the hours follow the calendar.
 */
export function dayHours(date: string, text: string): DayHours {
  const [spans = '', flag] = text.split(' ');
  return {
    date,
    spans: spans === 'unknown' ? null : spans === 'off' ? [] : spans.split(',').map((s) => {
      const [start = '', end = ''] = s.split('-');
      return { start, end };
    }),
    publicHoliday: flag !== undefined && flag !== 'work' ? flag : null,
    adjustedWorkingDay: flag === 'work',
  };
}
