// The last nearest list the service worker saved (sw.ts keeps a copy of every nearest answer under one key), read by the
// page itself from the Cache Storage it shares with the worker, so a worker sees it the moment the page opens, even
// with no connection and before tapping "定位我" again.

import type { Answer } from './answers';

// The worker's names (sw.ts: DATA, LAST_NEAREST, CACHED_AT_HEADER); not imported, so the worker stays one classic script.
const DATA_CACHE = 'stationmap-data-v1';
const LAST_NEAREST = '/__stationmap/last-nearest';
const CACHED_AT_HEADER = 'x-stationmap-cached-at';

export interface SavedNearest {
  answer: Answer<'NearestResponse'>;
  savedAt: Date;
}

/** The last saved nearest answer and when it was saved; null when there is none (first visit, no service worker). */
export async function lastNearest(): Promise<SavedNearest | null> {
  if (!('caches' in window)) return null;
  try {
    const response = await caches.match(LAST_NEAREST, { cacheName: DATA_CACHE });
    const stamp = response?.headers.get(CACHED_AT_HEADER);
    if (!response || !stamp) return null;
    const answer = (await response.json()) as Answer<'NearestResponse'>;
    return Array.isArray(answer.items) && answer.origin ? { answer, savedAt: new Date(stamp) } : null;
  } catch {
    // Storage refused (private mode) or a damaged entry: the page starts as it would on a first visit.
    return null;
  }
}
