/**
 * Values that break their series: one province's values of one metric over its periods, where
 * one value sits far from the others — a jump of ×10 or more, or a unit slip (`triệu` written for
 * `tỷ`: ×1000) — or a running total (`2021-01..2021-05`, then `2021-01..2021-08`) that falls.
 * Pure: the Compare view flags them in its chart and the review queue puts them first.
 */
export interface SeriesValue {
  /** The series it belongs to (the province, as shown). */
  series: string;
  period: string;
  value: number;
}

/** A value this many times the series' other values (or that fraction of them) breaks the series. */
export const OUTLIER_RATIO = 8;
/** The other values must agree among themselves (largest / smallest at most this) for one to be judged against them. */
const CONSISTENT_SPREAD = 4;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Sort key of a period in solieu's notation: by its end, then its start; an empty period last. */
export function periodKey(period: string): string {
  const p = period.replace(/^@/, '');
  if (p === '') return '9999-99|9999-99';
  const [from, to = from] = p.split('..');
  const end = (s: string, last: boolean): string => {
    const q = /^(\d{4})-Q([1-4])$/.exec(s);
    if (q) return `${q[1]}-${String(Number(q[2]) * 3 - (last ? 0 : 2)).padStart(2, '0')}`;
    if (/^\d{4}$/.test(s)) return `${s}-${last ? '12' : '01'}`;
    return s;
  };
  return `${end(to, true)}|${end(from, false)}`;
}

export const periodOrder = (a: string, b: string): number => periodKey(a).localeCompare(periodKey(b));

const ratioText = (r: number): string => (r >= 1 ? `×${Math.round(r).toLocaleString('vi-VN')}` : `×1/${Math.round(1 / r).toLocaleString('vi-VN')}`);

/** Why a value is judged against the others of its series: the ratio, and a unit slip when it is a power of 1000. */
function jumpReason(r: number): string {
  const exp = Math.log10(r);
  const k = Math.round(exp);
  const slip = Math.abs(exp - k) < 0.1 && k !== 0 && k % 3 === 0;
  return `${ratioText(r)} so với các kỳ khác của chuỗi${slip ? ' — có thể nhầm đơn vị (triệu/tỷ, nghìn/triệu)' : ''}`;
}

/**
 * The values (by index into `values`) that break their series, each with the reason in
 * Vietnamese. A series needs three values or more to say which one is off.
 */
export function seriesOutliers(values: readonly SeriesValue[]): Map<number, string> {
  const out = new Map<number, string>();
  const bySeries = new Map<string, number[]>();
  values.forEach((v, i) => {
    bySeries.set(v.series, [...(bySeries.get(v.series) ?? []), i]);
  });
  for (const idx of bySeries.values()) {
    const positive = idx.filter((i) => values[i].value > 0);
    if (positive.length >= 3) {
      for (const i of positive) {
        const others = positive.filter((j) => j !== i).map((j) => values[j].value);
        if (Math.max(...others) / Math.min(...others) > CONSISTENT_SPREAD) continue;
        const r = values[i].value / median(others);
        if (r >= OUTLIER_RATIO || r <= 1 / OUTLIER_RATIO) out.set(i, jumpReason(r));
      }
    }
    // a running total from the same start must not fall
    const running = idx.filter((i) => /^\d{4}-\d{2}\.\.\d{4}-\d{2}$/.test(values[i].period)).sort((a, b) => periodOrder(values[a].period, values[b].period));
    for (let n = 1; n < running.length; n++) {
      const prev = values[running[n - 1]];
      const cur = values[running[n]];
      if (prev.period.split('..')[0] !== cur.period.split('..')[0] || prev.period === cur.period) continue;
      if (cur.value < prev.value * 0.9 && !out.has(running[n])) out.set(running[n], `lũy kế giảm: ${cur.period} thấp hơn ${prev.period}`);
    }
  }
  return out;
}
