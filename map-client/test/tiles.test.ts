import { describe, expect, it } from 'vitest';
import { nearestUrl, stationTilesUrl } from '../src/api';

describe('station tiles URL', () => {
  const origin = 'http://127.0.0.1:5080';

  it('keeps the {z}/{x}/{y} template for MapLibre and asks for nothing when no filter is set', () => {
    expect(stationTilesUrl(origin, { kinds: [], amenities: [], openNow: false }, 'wgs84'))
      .toBe('http://127.0.0.1:5080/tiles/stations/{z}/{x}/{y}.mvt');
  });

  it('carries the same filters as the nearest list, so markers and list agree', () => {
    const filter = { kinds: ['warm_station', 'workers_home'], amenities: ['microwave'], openNow: true };
    const tiles = new URL(stationTilesUrl(origin, filter, 'wgs84')).searchParams;
    const nearest = new URL(nearestUrl({ lat: 39.9, lon: 116.4, k: 10, ...filter }), origin).searchParams;
    for (const name of ['kind', 'amenity', 'openNow']) expect(tiles.get(name)).toBe(nearest.get(name));
    expect(tiles.has('crs')).toBe(false);
  });

  it('carries truck mode\'s vehicle to tiles and list alike, and nothing of it outside truck mode', () => {
    const filter = { kinds: [], amenities: [], openNow: false, vehicle: { lengthM: 17.5, hazmat: true } };
    const tiles = new URL(stationTilesUrl(origin, filter, 'wgs84')).searchParams;
    const nearest = new URL(nearestUrl({ lat: 39.9, lon: 116.4, k: 10, ...filter }), origin).searchParams;
    expect(Object.fromEntries(tiles)).toEqual({ truck: 'true', vehicleLengthM: '17.5', hazmat: 'true' });
    for (const name of ['truck', 'vehicleLengthM', 'hazmat']) expect(nearest.get(name)).toBe(tiles.get(name));
    const any = new URL(stationTilesUrl(origin, { ...filter, vehicle: { lengthM: null, hazmat: false } }, 'wgs84')).searchParams;
    expect(Object.fromEntries(any)).toEqual({ truck: 'true' });
    expect(new URL(stationTilesUrl(origin, { ...filter, vehicle: null }, 'wgs84')).search).toBe('');
  });

  it('asks for GCJ-02 positions for a GCJ-02 basemap', () => {
    expect(stationTilesUrl(origin, { kinds: [], amenities: [], openNow: false }, 'gcj02'))
      .toBe('http://127.0.0.1:5080/tiles/stations/{z}/{x}/{y}.mvt?crs=gcj02');
  });
});
