import { describe, expect, it } from 'vitest';
import { searchUrl } from '../src/api';
import { translate } from '../src/i18n';
import { nextSuggestion } from '../src/views/search';

describe('searchUrl', () => {
  it('sends the trimmed query, the limit, and the position only when it is known', () => {
    expect(searchUrl('  前门 大街 ', null, 8)).toBe(`/api/stations/search?q=${encodeURIComponent('前门 大街').replace(/%20/g, '+')}&limit=8`);
    const url = new URL(searchUrl('ＩＣＢＣ', { lat: 39.9087, lon: 116.3975 }, 8), 'http://x');
    expect([...url.searchParams]).toEqual([['q', 'ＩＣＢＣ'], ['lat', '39.908700'], ['lon', '116.397500'], ['limit', '8']]);
  });
});

describe('nextSuggestion', () => {
  it.each([
    [-1, 3, 'ArrowDown', 0],
    [0, 3, 'ArrowDown', 1],
    [2, 3, 'ArrowDown', 0],
    [-1, 3, 'ArrowUp', 2],
    [0, 3, 'ArrowUp', 2],
    [2, 3, 'ArrowUp', 1],
    [-1, 0, 'ArrowDown', -1],
    [-1, 0, 'ArrowUp', -1],
  ] as const)('from %i of %i, %s goes to %i', (current, count, key, expected) => {
    expect(nextSuggestion(current, count, key)).toBe(expected);
  });
});

describe('search texts', () => {
  it('counts the suggestions in both languages', () => {
    expect(translate('zh-CN', 'searchCount', { n: 3 })).toBe('3 个结果，按上下键选择，回车打开');
    expect(translate('en', 'searchCount', { n: 3 })).toBe('3 results: up and down arrows to choose, Enter to open');
  });
});
