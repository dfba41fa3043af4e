import { afterEach, describe, expect, it, vi } from 'vitest';
import { Problem, request } from '../src/http';

const answer = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads a validation problem: the fields at fault and their messages', async () => {
    vi.stubGlobal('fetch', answer({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.', status: 400,
      errors: { corridorM: ['Between 1 and 5000.'], vehicleLengthM: ['Above 0.'] },
    }, 400, { 'Content-Type': 'application/problem+json' }));
    const problem = await request('/api/routes/stops', { json: {} }).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(Problem);
    expect(problem).toMatchObject({
      status: 400, type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.',
      detail: null, message: 'One or more validation errors occurred.', fields: ['corridorM', 'vehicleLengthM'],
    });
    expect((problem as Problem).errors.corridorM).toEqual(['Between 1 and 5000.']);
  });

  it('says the detail when the problem has one', async () => {
    vi.stubGlobal('fetch', answer({ title: 'Authentication required', detail: 'Send a key.', status: 401 }, 401));
    await expect(request('/api/planning/runs/1')).rejects.toMatchObject({ status: 401, message: 'Send a key.', fields: [] });
  });

  it('still gives the status when the body is not a problem', async () => {
    vi.stubGlobal('fetch', answer('<html>Bad gateway</html>', 502));
    await expect(request('/api/config')).rejects.toMatchObject({ status: 502, title: '502', type: 'about:blank', fields: [] });
  });

  it('sends a JSON body as POST with its headers', async () => {
    const calls: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response('{"id":3}', { status: 202 });
    });
    const { data } = await request<{ id: number }>('/api/planning/runs', { json: { p: 3 }, headers: { Authorization: 'Bearer k' } });
    expect(data.id).toBe(3);
    const headers = new Headers(calls[0]!.headers);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.body).toBe('{"p":3}');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Authorization')).toBe('Bearer k');
  });

  it("tells when the service worker served the answer from its cache", async () => {
    vi.stubGlobal('fetch', answer({ items: [] }, 200, { 'x-stationmap-cached-at': '2026-01-05T08:30:00Z' }));
    const { cachedAt } = await request('/api/stations/nearest?lat=39.9&lon=116.4&k=10');
    expect(cachedAt).toEqual(new Date('2026-01-05T08:30:00Z'));
  });

  it('lets an abort through as the AbortError callers ignore', async () => {
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted();
      return new Response('{}');
    });
    const controller = new AbortController();
    controller.abort();
    await expect(request('/api/stations', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
