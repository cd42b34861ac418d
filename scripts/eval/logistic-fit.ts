/** One training example of the confidence model: its active features and whether the fact was right. */
export interface Example {
  features: string[];
  right: boolean;
}

/** L2-regularised logistic regression by Newton-free gradient descent (small, sparse, binary features). */
export function fitLogistic(examples: Example[], l2: number, iterations = 3000): { bias: number; weights: Record<string, number> } {
  const names = [...new Set(examples.flatMap((e) => e.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const column = (f: string): number => {
    const j = index.get(f);
    if (j === undefined) throw new Error(`fitLogistic: feature ${f} has no column`);
    return j;
  };
  const rows = examples.map((e) => e.features.map(column));
  const y = examples.map((e) => (e.right ? 1 : 0));
  const w = new Float64Array(names.length);
  let b = 0;
  const n = examples.length;
  // Adam on the mean log-loss + l2/n * |w|²/2
  const m = new Float64Array(names.length + 1);
  const v = new Float64Array(names.length + 1);
  const lr = 0.05;
  for (let t = 1; t <= iterations; t++) {
    const g = new Float64Array(names.length + 1);
    for (let i = 0; i < n; i++) {
      let z = b;
      for (const j of rows[i]) z += w[j];
      const err = 1 / (1 + Math.exp(-z)) - y[i];
      for (const j of rows[i]) g[j] += err / n;
      g[names.length] += err / n;
    }
    for (let j = 0; j < names.length; j++) g[j] += (l2 / n) * w[j];
    for (let j = 0; j <= names.length; j++) {
      m[j] = 0.9 * m[j] + 0.1 * g[j];
      v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
      const step = (lr * (m[j] / (1 - 0.9 ** t))) / (Math.sqrt(v[j] / (1 - 0.999 ** t)) + 1e-8);
      if (j === names.length) b -= step;
      else w[j] -= step;
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((nm, j) => {
    if (Math.abs(w[j]) > 1e-4) weights[nm] = Math.round(w[j] * 1e4) / 1e4;
  });
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}
