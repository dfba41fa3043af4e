// Hand-off links to navigation apps. Amap wants GCJ-02, Baidu BD-09; the geo: URI (RFC 5870) is WGS-84.

import { wgs84ToBd09, wgs84ToGcj02, type LatLon } from './coords';

export interface Destination extends LatLon {
  readonly name: string;
}

const fixed = (value: number) => value.toFixed(6);

/** Amap's web URI; on a phone with Amap installed it opens the app on walking navigation. */
export function amapUrl(to: Destination): string {
  const gcj = wgs84ToGcj02(to);
  const params = new URLSearchParams({
    to: `${fixed(gcj.lon)},${fixed(gcj.lat)},${to.name}`,
    mode: 'walk',
    coordinate: 'gaode',
    callnative: '1',
    src: 'stationmap',
  });
  return `https://uri.amap.com/navigation?${params}`;
}

/** Baidu's web direction page (opens the app when installed); the origin is optional. */
export function baiduUrl(to: Destination, from?: LatLon): string {
  const bd = wgs84ToBd09(to);
  const params = new URLSearchParams();
  if (from) {
    const o = wgs84ToBd09(from);
    params.set('origin', `latlng:${fixed(o.lat)},${fixed(o.lon)}|name:`);
  }
  params.set('destination', `latlng:${fixed(bd.lat)},${fixed(bd.lon)}|name:${to.name}`);
  params.set('coord_type', 'bd09ll');
  params.set('mode', 'walking');
  params.set('output', 'html');
  params.set('src', 'stationmap');
  return `https://api.map.baidu.com/direction?${params}`;
}

/** A geo: URI any map app on Android may answer. */
export function geoUri(to: Destination): string {
  return `geo:${fixed(to.lat)},${fixed(to.lon)}?q=${fixed(to.lat)},${fixed(to.lon)}(${encodeURIComponent(to.name)})`;
}
