import { describe, expect, it } from 'vitest';
import type { StationDetail } from '../src/api';
import { haversineMeters } from '../src/coords';
import { favouriteRows } from '../src/views/favourites';

const tiananmen = { lat: 39.9087, lon: 116.3975 };

const detail = (id: number, lat: number, lon: number, retiredAt: string | null = null): StationDetail => ({
  id, name: `驿站 ${id}`, kind: 'warm_station', source: 'demo', externalId: `x-${id}`, openNow: retiredAt ? null : true,
  nextChange: null, host: null, updatedAt: '2026-11-20T00:00:00Z', retiredAt, phone: null, truckParkingSpaces: null,
  maxVehicleLengthM: null, hazmatAllowed: false, lat, lon, address: null, district: null, amenities: ['toilet'], openingHours: '24/7',
  openingHoursOriginal: null, week: null, comments: [], status: null, pinId: id, sources: [],
});

// Starred most recently first: 3, then 1, then 2 (a bare id saved before the list existed).
const saved = [
  { id: 3, name: '三号', kind: 'workers_home', lat: 39.95, lon: 116.40 },
  { id: 1, name: '一号', kind: 'warm_station', lat: 39.91, lon: 116.40 },
  { id: 2 },
];

describe('favourites list', () => {
  it('keeps the starring order and shows no distance while the position is unknown', () => {
    const rows = favouriteRows(saved, new Map(), null);
    expect(rows.map((r) => r.id)).toEqual([3, 1, 2]);
    expect(rows.every((r) => r.distanceM === null)).toBe(true);
  });

  it('lists from what was saved, with no open state it cannot know, and a bare id by its number', () => {
    const rows = favouriteRows(saved, new Map(), null);
    expect(rows[0]).toMatchObject({ name: '三号', kind: 'workers_home', openNow: undefined, retired: false });
    expect(rows[2]).toMatchObject({ name: '#2', kind: '' });
  });

  it('orders by distance from the position once it is known, unplaceable ones last', () => {
    const rows = favouriteRows(saved, new Map(), tiananmen);
    expect(rows.map((r) => r.id)).toEqual([1, 3, 2]);
    expect(rows[0]!.distanceM).toBeCloseTo(haversineMeters(tiananmen, { lat: 39.91, lon: 116.40 }), 6);
    expect(rows[2]!.distanceM).toBeNull();
  });

  it('prefers the live answer: where the station is now, whether it is open, and whether it was retired', () => {
    const live = new Map([[2, detail(2, 39.9088, 116.3976)], [3, detail(3, 39.95, 116.40, '2026-11-23T00:00:00Z')]]);
    const rows = favouriteRows(saved, live, tiananmen);
    expect(rows.map((r) => r.id)).toEqual([2, 1, 3]);
    expect(rows[0]).toMatchObject({ name: '驿站 2', openNow: true, retired: false, amenities: ['toilet'] });
    expect(rows[2]).toMatchObject({ retired: true, openNow: null });
  });
});
