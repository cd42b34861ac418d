/** How well confidences say which facts are right: reliability table, ECE, Brier, and the two targets of issue 11. */
export interface Calibration {
  scored: number;
  errors: number;
  /** Share right among confidence ≥ 0.9, and how many there are. */
  rightAtOrAbove09: number | null;
  atOrAbove09: number;
  /** Share of all wrong predictions that sit in the lowest-confidence 10%. */
  errorsInLowest10pct: number | null;
  /** Expected calibration error over ten equal-width bins. */
  ece: number;
  brier: number;
  bins: { range: string; n: number; meanConfidence: number; right: number }[];
}

export function calibration(points: { confidence: number; right: boolean }[]): Calibration {
  const n = points.length;
  const errors = points.filter((p) => !p.right).length;
  const hi = points.filter((p) => p.confidence >= 0.9);
  // the lowest 10%, ties broken towards the wrong ones last (no credit for a tie)
  const sorted = [...points].sort((a, b) => a.confidence - b.confidence || Number(!a.right) - Number(!b.right));
  const low = sorted.slice(0, Math.ceil(n * 0.1));
  const bins = Array.from({ length: 10 }, (_, i) => {
    const inBin = points.filter((p) => Math.min(9, Math.floor(p.confidence * 10)) === i);
    return {
      range: `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`,
      n: inBin.length,
      meanConfidence: inBin.length ? inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length : 0,
      right: inBin.length ? inBin.filter((p) => p.right).length / inBin.length : 0,
    };
  });
  return {
    scored: n,
    errors,
    rightAtOrAbove09: hi.length ? hi.filter((p) => p.right).length / hi.length : null,
    atOrAbove09: hi.length,
    errorsInLowest10pct: errors ? low.filter((p) => !p.right).length / errors : null,
    ece: n ? bins.reduce((s, b) => s + (b.n / n) * Math.abs(b.meanConfidence - b.right), 0) : 0,
    brier: n ? points.reduce((s, p) => s + (p.confidence - Number(p.right)) ** 2, 0) / n : 0,
    bins,
  };
}
