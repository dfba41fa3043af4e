import { describe, expect, it } from 'vitest';
import { nearestUrl, type NearestItem } from '../src/api';
import { orderForList } from '../src/views/list';

const item = (id: number, distanceM: number) => ({ id, distanceM }) as NearestItem;

describe('nearest list order', () => {
  it('keeps the API order without favourites', () => {
    const items = [item(5, 100), item(3, 200), item(9, 300)];
    expect(orderForList(items, new Set()).map((i) => i.id)).toEqual([5, 3, 9]);
  });

  it('puts favourites first, each group still by distance', () => {
    const items = [item(5, 100), item(3, 200), item(9, 300), item(1, 400)];
    expect(orderForList(items, new Set([9, 1])).map((i) => i.id)).toEqual([9, 1, 5, 3]);
  });
});

describe('nearest query', () => {
  it('sends only the filters that are set', () => {
    expect(nearestUrl({ lat: 39.9087, lon: 116.3975, k: 10, kinds: [], amenities: [], openNow: false }))
      .toBe('/api/stations/nearest?lat=39.908700&lon=116.397500&k=10');
    expect(nearestUrl({ lat: 39.9, lon: 116.4, k: 10, kinds: ['warm_station'], amenities: ['microwave', 'toilet'], openNow: true }))
      .toBe('/api/stations/nearest?lat=39.900000&lon=116.400000&k=10&kind=warm_station&amenity=microwave%2Ctoilet&openNow=true');
  });
});
