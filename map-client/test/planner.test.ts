import { afterEach, describe, expect, it, vi } from 'vitest';
import { haversineMeters } from '../src/coords';
import { circleRing, heatStops, HEAT_RAMP } from '../src/planner/geometry';
import { fetchRun } from '../src/planner/api';

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

describe('planner API calls', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('polls a run with the planner key, which the API requires to read it', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ id: 7, status: 'queued', progress: 0, result: null, error: null }), { status: 200 });
    });
    const run = await fetchRun(7, 'smk_planner');
    expect(run.id).toBe(7);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/planning/runs/7');
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe('Bearer smk_planner');
  });

  it("turns a refusal into the problem's detail", async () => {
    vi.stubGlobal('fetch', async () => new Response(
      JSON.stringify({ title: 'Authentication required', detail: "Send a key as 'Authorization: Bearer <key>'.", status: 401 }),
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } }));
    await expect(fetchRun(7, 'smk_wrong')).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bearer') });
  });
});
