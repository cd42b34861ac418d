import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVINCES_2008, PROVINCES_2025 } from '../../schemas/provinces.js';
import { currentProvince, currentProvinceLabel, provinceAt, provincesMergedInto, resolveProvince } from '../../src/resolve/province-resolver.js';

describe('province data', () => {
  it('lists 63 provinces before July 2025 and 34 units after, each old province in exactly one unit', () => {
    expect(PROVINCES_2008).toHaveLength(63);
    expect(new Set(PROVINCES_2008.map((p) => p.id)).size).toBe(63);
    expect(PROVINCES_2025).toHaveLength(34);
    const merged = PROVINCES_2025.flatMap((u) => u.mergedFrom).sort();
    expect(merged).toEqual(PROVINCES_2008.map((p) => p.id).sort());
  });
});

describe('resolveProvince', () => {
  it.each([
    ['Nam Định', 'nam-dinh'],
    ['tỉnh Nam Định', 'nam-dinh'],
    ['NAM ĐỊNH', 'nam-dinh'],
    ['nam dinh', 'nam-dinh'],
    ['UBND TỈNH NINH THUẬN', 'ninh-thuan'],
    ['Sở Thông tin và Truyền thông tỉnh Trà Vinh', 'tra-vinh'],
    ['TP.HCM', 'ho-chi-minh'],
    ['TP. Hồ Chí Minh', 'ho-chi-minh'],
    ['Thành phố Hồ Chí Minh', 'ho-chi-minh'],
    ['Hồ Chí Minh', 'ho-chi-minh'],
    ['Thừa Thiên Huế', 'thua-thien-hue'],
    ['Thừa Thiên - Huế', 'thua-thien-hue'],
    ['Đắk Nông', 'dak-nong'],
    ['Đăk Nông', 'dak-nong'],
    ['Bà Rịa - Vũng Tàu', 'ba-ria-vung-tau'],
    ['Bà Rịa Vũng Tàu', 'ba-ria-vung-tau'],
    ['Khánh Hoà', 'khanh-hoa'],
    ['thành phố Hải Phòng', 'hai-phong'],
    ['Bắc Cạn', 'bac-kan'],
  ])('resolves "%s" to %s', (text, id) => {
    expect(resolveProvince(text)?.id).toBe(id);
  });

  it('prefers the longer name: Quảng Nam is not Hà Nam, Bình Định is not Nam Định', () => {
    expect(resolveProvince('Sở TT&TT tỉnh Quảng Nam')?.id).toBe('quang-nam');
    expect(resolveProvince('Bình Định, ngày 5 tháng 3')?.id).toBe('binh-dinh');
  });

  it('returns null for text that names no province', () => {
    expect(resolveProvince('Bộ Thông tin và Truyền thông')).toBeNull();
    expect(resolveProvince('')).toBeNull();
    expect(resolveProvince('Paris')).toBeNull();
  });

  it('finds the province of each report header in the shared corpus', () => {
    const expected: Record<string, string> = { '002': 'nam-dinh', '003': 'ninh-thuan' };
    for (const [doc, id] of Object.entries(expected)) {
      const head = readFileSync(join(process.cwd(), '..', 'shared', 'corpus', `${doc}.source.txt`), 'utf8').slice(0, 3000);
      const line = head.split('\n').find((l) => resolveProvince(l) !== null);
      expect(line && resolveProvince(line)?.id).toBe(id);
    }
  });
});

describe('provinceAt and currentProvince', () => {
  it('keeps the old province before 1 July 2025 and the merged unit from then on', () => {
    expect(provinceAt('nam-dinh', '2021-08')).toEqual({ id: 'nam-dinh', name: 'Nam Định' });
    expect(provinceAt('nam-dinh', '2025-06-30')).toEqual({ id: 'nam-dinh', name: 'Nam Định' });
    expect(provinceAt('nam-dinh', '2025-07-01')).toEqual({ id: 'ninh-binh', name: 'Ninh Bình' });
    expect(currentProvince('ninh-thuan', '2026')).toEqual({ id: 'khanh-hoa', name: 'Khánh Hòa' });
    expect(currentProvince('tra-vinh', '2025-12')).toEqual({ id: 'vinh-long', name: 'Vĩnh Long' });
    expect(currentProvince('dak-nong', '2025-07')).toEqual({ id: 'lam-dong', name: 'Lâm Đồng' });
    expect(currentProvince('binh-duong', '2025-08-01')).toEqual({ id: 'ho-chi-minh', name: 'Hồ Chí Minh' });
  });

  it('defaults to today, which is after the reorganisation', () => {
    expect(currentProvince('ha-nam').id).toBe('ninh-binh');
    expect(currentProvince('ha-noi').id).toBe('ha-noi');
  });

  it('applies the Huế renaming of 1 January 2025', () => {
    expect(provinceAt('thua-thien-hue', '2024-12')).toEqual({ id: 'thua-thien-hue', name: 'Thừa Thiên Huế' });
    expect(provinceAt('thua-thien-hue', '2025-03')).toEqual({ id: 'thua-thien-hue', name: 'Huế' });
    expect(provinceAt('thua-thien-hue', '2025-07')).toEqual({ id: 'hue', name: 'Huế' });
  });

  it('accepts report periods as dates and lists the provinces merged into a unit', () => {
    expect(provinceAt('nam-dinh', '2021-01..2021-06').id).toBe('nam-dinh');
    expect(provinceAt('nam-dinh', '@2025-08').id).toBe('ninh-binh');
    expect(
      provincesMergedInto('ninh-binh')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['ha-nam', 'nam-dinh', 'ninh-binh']);
  });

  it('throws with the fix on an unknown id or date', () => {
    expect(() => provinceAt('atlantis', '2021')).toThrow(/resolveProvince/);
    expect(() => provinceAt('nam-dinh', 'yesterday')).toThrow(/ISO/);
  });
});

describe('currentProvinceLabel', () => {
  it("names the province a report's territory belongs to now, with the written one in brackets when it differs", () => {
    expect(currentProvinceLabel('Nam Định')).toBe('Ninh Bình (Nam Định)');
    expect(currentProvinceLabel('Ninh Bình')).toBe('Ninh Bình');
    expect(currentProvinceLabel('Xứ Đoài')).toBe('Xứ Đoài');
    expect(currentProvinceLabel('')).toBe('');
  });
});
