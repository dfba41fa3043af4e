import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../src/coords';
import { circleRing, heatStops, HEAT_RAMP } from '../src/planner/geometry';

describe('circleRing', () => {
  it('is closed and every vertex lies at the radius', () => {
    const centre = { lat: 39.9087, lon: 116.3975 };
    const ring = circleRing(centre, 500, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const [lon, lat] of ring) {
      expect(haversineMeters(centre, { lat, lon })).toBeCloseTo(500, 0);
    }
  });
});

describe('heatStops', () => {
  it('spreads the ramp from 0 to the largest weight', () => {
    const stops = heatStops(90);
    expect(stops).toEqual([0, HEAT_RAMP[0], 30, HEAT_RAMP[1], 60, HEAT_RAMP[2], 90, HEAT_RAMP[3]]);
  });

  it('keeps increasing stops when nothing is uncovered', () => {
    const stops = heatStops(0).filter((s): s is number => typeof s === 'number');
    expect(stops).toEqual([...stops].sort((a, b) => a - b));
    expect(new Set(stops).size).toBe(stops.length);
  });
});
