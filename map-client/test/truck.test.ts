import { describe, expect, it } from 'vitest';
import { checkpointStopsUrl } from '../src/truck-api';
import { routePositions } from '../src/views/truck';

describe('checkpointStopsUrl', () => {
  it('sends only the filters the driver set', () => {
    expect(checkpointStopsUrl(3, { lengthM: null, hazmat: false }, 10)).toBe('/api/checkpoints/3/stops?k=10');
    expect(checkpointStopsUrl(3, { lengthM: 17.5, hazmat: true }, 5)).toBe('/api/checkpoints/3/stops?k=5&vehicleLengthM=17.5&hazmat=true');
  });
});

describe('routePositions', () => {
  it('reads a LineString or a Feature with one, as lat/lon', () => {
    const line = { type: 'LineString', coordinates: [[116.2, 39.8], [116.1, 39.7]] };
    expect(routePositions(line)).toEqual([{ lat: 39.8, lon: 116.2 }, { lat: 39.7, lon: 116.1 }]);
    expect(routePositions({ type: 'Feature', properties: {}, geometry: line })).toEqual(routePositions(line));
  });

  it('is null for anything else', () => {
    expect(routePositions({ type: 'Point', coordinates: [116, 39] })).toBeNull();
    expect(routePositions(null)).toBeNull();
    expect(routePositions('LineString')).toBeNull();
  });
});
