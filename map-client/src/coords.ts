// WGS-84 ↔ GCJ-02 ↔ BD-09, the same transforms as StationMap.Domain.Geo.ChinaCoordinates.
// GCJ-02: the reverse-engineered series shared by github.com/googollee/eviltransform and github.com/wandergis/coordtransform.
// BD-09: "bd_encrypt" as circulated in wandergis/coordtransform. Inverses are solved by fixed-point iteration.

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_E2 = 0.00669342162296594323;
const BD_X_PI = (Math.PI * 3000) / 180;
const INVERSE_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 10;

/** Outside this rough box of China the published algorithms leave positions unchanged. */
export function isOutsideChina(lat: number, lon: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function gcj02Offset(lat: number, lon: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  const shared = 20 * Math.sin(6 * Math.PI * x) + 20 * Math.sin(2 * Math.PI * x);
  const sqrtAbsX = Math.sqrt(Math.abs(x));
  const northing =
    -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrtAbsX +
    ((shared + 20 * Math.sin(Math.PI * y) + 40 * Math.sin((Math.PI / 3) * y) +
      160 * Math.sin((Math.PI / 12) * y) + 320 * Math.sin((Math.PI / 30) * y)) * 2) / 3;
  const easting =
    300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrtAbsX +
    ((shared + 20 * Math.sin(Math.PI * x) + 40 * Math.sin((Math.PI / 3) * x) +
      150 * Math.sin((Math.PI / 12) * x) + 300 * Math.sin((Math.PI / 30) * x)) * 2) / 3;
  const radLat = (lat * Math.PI) / 180;
  const sinLat = Math.sin(radLat);
  const w2 = 1 - KRASOVSKY_E2 * sinLat * sinLat;
  const w = Math.sqrt(w2);
  const meridianRadius = (KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (w2 * w);
  const primeVerticalRadius = KRASOVSKY_A / w;
  return [
    (northing * (180 / Math.PI)) / meridianRadius,
    (easting * (180 / Math.PI)) / (primeVerticalRadius * Math.cos(radLat)),
  ];
}

export function wgs84ToGcj02(p: LatLon): LatLon {
  if (isOutsideChina(p.lat, p.lon)) return p;
  const [dLat, dLon] = gcj02Offset(p.lat, p.lon);
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

export function gcj02ToWgs84(p: LatLon): LatLon {
  if (isOutsideChina(p.lat, p.lon)) return p;
  let lat = p.lat;
  let lon = p.lon;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [dLat, dLon] = gcj02Offset(lat, lon);
    const nextLat = p.lat - dLat;
    const nextLon = p.lon - dLon;
    const converged = Math.abs(nextLat - lat) < INVERSE_TOLERANCE && Math.abs(nextLon - lon) < INVERSE_TOLERANCE;
    lat = nextLat;
    lon = nextLon;
    if (converged) break;
  }
  return { lat, lon };
}

function bd09Encrypt(lat: number, lon: number): LatLon {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lon: z * Math.cos(theta) + 0.0065 };
}

export function gcj02ToBd09(p: LatLon): LatLon {
  return isOutsideChina(p.lat, p.lon) ? p : bd09Encrypt(p.lat, p.lon);
}

export function bd09ToGcj02(p: LatLon): LatLon {
  if (isOutsideChina(p.lat, p.lon)) return p;
  let lat = p.lat - 0.006;
  let lon = p.lon - 0.0065;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const bd = bd09Encrypt(lat, lon);
    const dLat = p.lat - bd.lat;
    const dLon = p.lon - bd.lon;
    lat += dLat;
    lon += dLon;
    if (Math.abs(dLat) < INVERSE_TOLERANCE && Math.abs(dLon) < INVERSE_TOLERANCE) break;
  }
  return { lat, lon };
}

export const wgs84ToBd09 = (p: LatLon): LatLon => gcj02ToBd09(wgs84ToGcj02(p));
export const bd09ToWgs84 = (p: LatLon): LatLon => gcj02ToWgs84(bd09ToGcj02(p));

/** Great-circle distance in metres (haversine, mean Earth radius): enough for tests and display, not for ranking. */
export function haversineMeters(a: LatLon, b: LatLon): number {
  const r = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}
