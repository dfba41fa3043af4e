import { describe, expect, it } from 'vitest';
import { amapUrl, baiduUrl, geoUri } from '../src/navigation';

// Tiananmen, the coordtransform reference point: GCJ-02 (39.91640428150164, 116.41024449916938),
// BD-09 by geocraft (39.922699552216216, 116.41662724378733).
const tiananmen = { lat: 39.915, lon: 116.404, name: '天安门 驿站' };

describe('Amap', () => {
  it('walks to the GCJ-02 position with the name', () => {
    const url = new URL(amapUrl(tiananmen));
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
    expect(url.searchParams.get('to')).toBe('116.410244,39.916404,天安门 驿站');
    expect(url.searchParams.get('mode')).toBe('walk');
    expect(url.searchParams.get('coordinate')).toBe('gaode');
  });
});

describe('Baidu', () => {
  it('walks to the BD-09 position with the name', () => {
    const url = new URL(baiduUrl(tiananmen));
    expect(url.origin + url.pathname).toBe('https://api.map.baidu.com/direction');
    expect(url.searchParams.get('destination')).toBe('latlng:39.922700,116.416627|name:天安门 驿站');
    expect(url.searchParams.get('coord_type')).toBe('bd09ll');
    expect(url.searchParams.get('mode')).toBe('walking');
    expect(url.searchParams.get('output')).toBe('html');
    expect(url.searchParams.get('src')).toBe('stationmap');
    expect(url.searchParams.has('origin')).toBe(false);
  });

  it('adds the origin in BD-09 when known', () => {
    const url = new URL(baiduUrl(tiananmen, { lat: 39.915, lon: 116.404 }));
    expect(url.searchParams.get('origin')).toBe('latlng:39.922700,116.416627|name:');
  });
});

describe('geo URI', () => {
  it('carries WGS-84 and the encoded name', () => {
    expect(geoUri(tiananmen)).toBe('geo:39.915000,116.404000?q=39.915000,116.404000(%E5%A4%A9%E5%AE%89%E9%97%A8%20%E9%A9%BF%E7%AB%99)');
  });
});
