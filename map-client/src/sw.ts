// Service worker: the app shell and the last answers a worker saw stay usable with no connection.
// Shell and hashed assets: cache first (their names change with every build). Station answers: network first, and the
// cached copy when offline, stamped with when it was saved so the page can say it is not live.


const sw = self as unknown as ServiceWorkerGlobalScope;
// Same name as CACHED_AT_HEADER in http.ts; not imported, so the worker stays one classic script with no chunks.
const CACHED_AT_HEADER = 'x-stationmap-cached-at';
// Same name as ASIDE_HEADER in api.ts: a nearest request for a side list (a retired station's alternatives).
const ASIDE_HEADER = 'x-stationmap-aside';
const SHELL = 'stationmap-shell-v1';
const DATA = 'stationmap-data-v1';
// The page reads the last nearest answer from here on load (offline.ts names the same cache and key).
const LAST_NEAREST = '/__stationmap/last-nearest';
const MAX_ENTRIES = 80;

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const index = await fetch('/', { cache: 'no-cache' });
    const html = await index.clone().text();
    await cache.put('/', index);
    // The built index.html names every hashed asset it needs.
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    await cache.addAll(assets);
    // Scripts load more by name (the map's web worker): cache those too, or the map stays blank offline.
    const loaded = new Set(assets);
    for (const script of assets.filter((a) => a.endsWith('.js'))) {
      const text = await (await cache.match(script))!.text();
      for (const m of text.matchAll(/assets\/[\w.-]+\.js/g)) loaded.add('/' + m[0]);
    }
    await cache.addAll([...loaded].filter((a) => !assets.includes(a)));
    await sw.skipWaiting();
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL && name !== DATA) await caches.delete(name);
    }
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(async () => (await caches.match('/')) ?? Response.error()));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === '/api/stations/nearest') {
    event.respondWith(networkFirst(request, request.headers.has(ASIDE_HEADER) ? undefined : LAST_NEAREST));
  } else if (/^\/api\/stations\/\d+$/.test(url.pathname) || url.pathname === '/api/config') {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

async function networkFirst(request: Request, alsoAs?: string): Promise<Response> {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const stamped = await stamp(response.clone());
      await cache.put(request, stamped.clone());
      if (alsoAs) await cache.put(alsoAs, stamped);
      await trim(cache);
    }
    return response;
  } catch (error) {
    const cached = (await cache.match(request)) ?? (alsoAs ? await cache.match(alsoAs) : undefined);
    if (cached) return cached;
    throw error;
  }
}

async function stamp(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(CACHED_AT_HEADER, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

// Cards pile up as a worker taps through stations; keep the most recent ones.
async function trim(cache: Cache): Promise<void> {
  const keys = (await cache.keys()).filter((k) => !k.url.endsWith(LAST_NEAREST));
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) await cache.delete(old);
}
