// The coverage answer's districts as a table a planner can sort: which district leaves the most demand uncovered.

import type { Answer } from '../answers';
import { translate, type Lang, type MessageKey } from '../i18n';
import { h } from '../views/dom';

export type DistrictCoverage = Answer<'DistrictCoverage'>;

export type DistrictColumn = 'district' | 'uncovered' | 'share' | 'points';

export interface DistrictSort {
  column: DistrictColumn;
  descending: boolean;
}

/** Most uncovered demand first: where a new station helps most. */
export const DEFAULT_DISTRICT_SORT: DistrictSort = { column: 'uncovered', descending: true };

export const uncoveredWeight = (d: DistrictCoverage): number => Math.max(0, d.totalWeight - d.coveredWeight);

const value: Record<Exclude<DistrictColumn, 'district'>, (d: DistrictCoverage) => number> = {
  uncovered: uncoveredWeight,
  share: (d) => d.share,
  points: (d) => d.points,
};

/** The rows in the asked order; ties (and names) in Chinese collation order, so the table never shuffles. */
export function sortDistricts(rows: readonly DistrictCoverage[], sort: DistrictSort): DistrictCoverage[] {
  const byName = (a: DistrictCoverage, b: DistrictCoverage) => a.district.localeCompare(b.district, 'zh-CN');
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const primary = sort.column === 'district' ? byName(a, b) : value[sort.column](a) - value[sort.column](b);
    return primary !== 0 ? sign * primary : byName(a, b);
  });
}

/** A new sort after a header is pressed: the same column flips, another starts with its most telling order. */
export function nextSort(current: DistrictSort, column: DistrictColumn): DistrictSort {
  return current.column === column
    ? { column, descending: !current.descending }
    : { column, descending: column !== 'district' && column !== 'share' };
}

const HEADERS: [DistrictColumn, MessageKey][] = [
  ['district', 'plannerDistrict'], ['uncovered', 'plannerUncovered'], ['share', 'plannerShare'], ['points', 'plannerPoints'],
];

export function districtTable(
  rows: readonly DistrictCoverage[], sort: DistrictSort, lang: Lang, onSort: (column: DistrictColumn) => void,
): HTMLElement {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const head = HEADERS.map(([column, label]) => {
    const sorted = sort.column === column;
    const button = h('button', {
      type: 'button', class: 'sort', 'data-column': column,
      'aria-label': sorted ? t(sort.descending ? 'plannerSortDescending' : 'plannerSortAscending', { column: t(label) }) : undefined,
    }, t(label), sorted ? h('span', { 'aria-hidden': 'true' }, sort.descending ? ' ▼' : ' ▲') : null);
    button.addEventListener('click', () => onSort(column));
    return h('th', { scope: 'col', 'aria-sort': sorted ? (sort.descending ? 'descending' : 'ascending') : undefined }, button);
  });
  const number = (n: number) => Math.round(n).toLocaleString(lang);
  return h('table', { class: 'planner-districts' },
    h('caption', {}, t('plannerDistricts')),
    h('thead', {}, h('tr', {}, ...head)),
    h('tbody', {}, ...sortDistricts(rows, sort).map((d) => h('tr', { 'data-district': d.district },
      h('th', { scope: 'row' }, d.district),
      h('td', { 'data-uncovered': uncoveredWeight(d).toFixed(3) }, number(uncoveredWeight(d))),
      h('td', {}, `${(d.share * 100).toFixed(1)}%`),
      h('td', {}, `${number(d.coveredPoints)} / ${number(d.points)}`)))));
}
