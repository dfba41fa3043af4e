import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISTRICT_SORT, nextSort, sortDistricts, uncoveredWeight, type DistrictCoverage,
} from '../src/planner/districts';

const district = (name: string, totalWeight: number, coveredWeight: number, points = 10): DistrictCoverage => ({
  district: name, totalWeight, coveredWeight, share: totalWeight > 0 ? coveredWeight / totalWeight : 0, points, coveredPoints: 0,
});

const rows = [
  district('东城区', 100, 100),
  district('房山区', 500, 100, 40),
  district('海淀区', 900, 600, 90),
  district('西城区', 80, 80),
  district('延庆区', 50, 5, 5),
];

describe('district table order', () => {
  it('puts the most uncovered demand first by default, ties by name so the table never shuffles', () => {
    expect(sortDistricts(rows, DEFAULT_DISTRICT_SORT).map((d) => [d.district, uncoveredWeight(d)])).toEqual([
      ['房山区', 400], ['海淀区', 300], ['延庆区', 45], ['东城区', 0], ['西城区', 0],
    ]);
  });

  it('reverses on a second press of the same header', () => {
    const ascending = nextSort(DEFAULT_DISTRICT_SORT, 'uncovered');
    expect(ascending).toEqual({ column: 'uncovered', descending: false });
    expect(sortDistricts(rows, ascending).map((d) => uncoveredWeight(d))).toEqual([0, 0, 45, 300, 400]);
  });

  it('starts a new column in its telling order: least covered and most points first, names from the start', () => {
    expect(nextSort(DEFAULT_DISTRICT_SORT, 'share')).toEqual({ column: 'share', descending: false });
    expect(sortDistricts(rows, nextSort(DEFAULT_DISTRICT_SORT, 'share')).map((d) => d.district)[0]).toBe('延庆区');
    expect(sortDistricts(rows, nextSort(DEFAULT_DISTRICT_SORT, 'points')).map((d) => d.points)).toEqual([90, 40, 10, 10, 5]);
    expect(sortDistricts(rows, nextSort(DEFAULT_DISTRICT_SORT, 'district')).map((d) => d.district))
      .toEqual([...rows.map((d) => d.district)].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('never reports negative uncovered demand from rounding in the answer', () => {
    expect(uncoveredWeight(district('朝阳区', 10, 10.000001))).toBe(0);
  });

  it('leaves the rows it was given alone', () => {
    const before = rows.map((d) => d.district);
    sortDistricts(rows, DEFAULT_DISTRICT_SORT);
    expect(rows.map((d) => d.district)).toEqual(before);
  });
});
