import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, haversineMeters, wgs84ToBd09, wgs84ToGcj02, type LatLon,
} from '../src/coords';

// The same published reference pairs as tests/StationMap.Domain.Tests/Geo/ChinaCoordinatesReferenceTests.cs.
// googollee/eviltransform (go/transform_test.go, python/test.py) and wandergis/coordtransform (README, test/app.js).
const publishedWgs84ToGcj02: [string, number, number, number, number][] = [
  ['Shanghai (eviltransform)', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  ['Shenzhen (eviltransform)', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  ['Beijing (eviltransform)', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ['Tiananmen (coordtransform)', 39.915, 116.404, 39.91640428150164, 116.41024449916938],
];

// hujiulong/gcoord, test/fixtures/china-cities.json: WGS-84, GCJ-02 and BD-09 positions, rounded to 1e-7°.
const gcoordCities: [string, number, number, number, number, number, number][] = [
  ['驻马店 Zhumadian', 33.0133556, 114.0164322, 33.0115324, 114.022306, 33.0176697, 114.0287781],
  ['邵阳 Shaoyang', 27.242124, 111.4622119, 27.2388981, 111.4677938, 27.2451662, 111.4742271],
  ['那曲 Nagqu', 31.4784436, 92.0499619, 31.4762063, 92.0512438, 31.4824421, 92.0576832],
  ['郑州 Zhengzhou', 34.7478004, 113.6192856, 34.7466173, 113.6253334, 34.7528605, 113.6317519],
  ['沈阳 Shenyang', 41.8032629, 123.4253306, 41.8057023, 123.4314787, 41.8114013, 123.438095],
  ['泉州 Quanzhou', 24.8770487, 118.6711365, 24.8741363, 118.6756787, 24.8804872, 118.6821251],
  ['酒泉 Jiuquan', 39.7319946, 98.4937175, 39.7328234, 98.4943595, 39.7388949, 98.5008441],
  ['锡林浩特 Xilinhot', 43.9312805, 116.0414035, 43.9334573, 116.0482308, 43.9397782, 116.0546232],
  ['钦州 Qinzhou', 21.9828281, 108.6503952, 21.9799392, 108.6541485, 21.9856319, 108.6607283],
  ['西昌 Xichang', 27.8850446, 102.2658401, 27.8816151, 102.2673386, 27.8876621, 102.2738428],
];

const metres = (a: LatLon, b: LatLon) => haversineMeters(a, b);

describe('WGS-84 → GCJ-02', () => {
  it.each(publishedWgs84ToGcj02)('%s reproduces the published pair to 1e-12°', (_, wLat, wLon, gLat, gLon) => {
    const gcj = wgs84ToGcj02({ lat: wLat, lon: wLon });
    expect(Math.abs(gcj.lat - gLat)).toBeLessThan(1e-12);
    expect(Math.abs(gcj.lon - gLon)).toBeLessThan(1e-12);
  });

  it.each(publishedWgs84ToGcj02)('%s inverts to within a millimetre', (_, wLat, wLon, gLat, gLon) => {
    expect(metres(gcj02ToWgs84({ lat: gLat, lon: gLon }), { lat: wLat, lon: wLon })).toBeLessThan(0.001);
  });

  it('leaves positions outside China unchanged', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(wgs84ToBd09(paris)).toEqual(paris);
  });
});

describe('BD-09', () => {
  it('GCJ-02 → BD-09 reproduces coordtransform', () => {
    // wandergis/coordtransform: gcj02tobd09(116.404, 39.915) = [116.41036949371029, 39.92133699351021].
    const bd = gcj02ToBd09({ lat: 39.915, lon: 116.404 });
    expect(bd.lat).toBeCloseTo(39.92133699351021, 12);
    expect(bd.lon).toBeCloseTo(116.41036949371029, 12);
  });

  it('WGS-84 → BD-09 reproduces geocraft', () => {
    // geocraft (PyPI) README: wgs84_to_bd09(116.404, 39.915) = (116.41662724378733, 39.922699552216216).
    const bd = wgs84ToBd09({ lat: 39.915, lon: 116.404 });
    expect(bd.lat).toBeCloseTo(39.922699552216216, 12);
    expect(bd.lon).toBeCloseTo(116.41662724378733, 12);
  });

  it('inverses refine the published one-step approximations', () => {
    const input = { lat: 39.915, lon: 116.404 };
    const wgs = gcj02ToWgs84(input);
    expect(metres(wgs, { lat: 39.91359571849836, lon: 116.39775550083061 })).toBeLessThan(0.5);
    expect(metres(wgs84ToGcj02(wgs), input)).toBeLessThan(1e-4);
    const gcj = bd09ToGcj02(input);
    expect(metres(gcj, { lat: 39.90865673957631, lon: 116.39762729119315 })).toBeLessThan(0.5);
    expect(metres(gcj02ToBd09(gcj), input)).toBeLessThan(1e-4);
  });
});

describe('gcoord city fixtures', () => {
  it.each(gcoordCities)('%s agrees in every direction', (_, wLat, wLon, gLat, gLon, bLat, bLon) => {
    const wgs = { lat: wLat, lon: wLon };
    const gcj = { lat: gLat, lon: gLon };
    const bd = { lat: bLat, lon: bLon };
    expect(metres(wgs84ToGcj02(wgs), gcj)).toBeLessThan(1);
    expect(metres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(1);
    expect(metres(gcj02ToBd09(gcj), bd)).toBeLessThan(0.02);
    expect(metres(bd09ToGcj02(bd), gcj)).toBeLessThan(0.02);
    expect(metres(wgs84ToBd09(wgs), bd)).toBeLessThan(1);
    expect(metres(bd09ToWgs84(bd), wgs)).toBeLessThan(1);
  });
});
