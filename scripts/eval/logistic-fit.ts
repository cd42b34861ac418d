/** One training example of the confidence model: its active features and whether the fact was right. */
export interface Example {
  features: string[];
  right: boolean;
}

/** A fitted model: the bias and the weight of each feature (features with no weight count 0). */
export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
}

/**
 * L2-regularised logistic regression on sparse binary features: the minimum of the mean log-loss
 * plus `l2 / n · |w|² / 2` (the bias is not regularised), found by L-BFGS with a backtracking line
 * search — the objective is smooth and convex, so it converges to the one optimum in a few hundred
 * gradients, where plain gradient steps took thousands (the leave-one-document-out fit runs it once
 * per document). `iterations` bounds the L-BFGS steps.
 */
export function fitLogistic(examples: Example[], l2: number, iterations = 500): LogisticModel {
  const names = [...new Set(examples.flatMap((e) => e.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => e.features.map((f) => index.get(f) ?? -1).filter((j) => j >= 0));
  const y = examples.map((e) => (e.right ? 1 : 0));
  const d = names.length + 1; // the bias is the last coordinate
  const n = Math.max(1, examples.length);

  const lossAndGradient = (x: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let i = 0; i < rows.length; i++) {
      let z = x[d - 1];
      for (const j of rows[i]) z += x[j];
      // log(1 + e^z) − y·z, stably
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
      const err = 1 / (1 + Math.exp(-z)) - y[i];
      for (const j of rows[i]) g[j] += err;
      g[d - 1] += err;
    }
    let reg = 0;
    for (let j = 0; j < d - 1; j++) {
      g[j] = g[j] / n + (l2 / n) * x[j];
      reg += x[j] * x[j];
    }
    g[d - 1] /= n;
    return loss / n + ((l2 / n) * reg) / 2;
  };

  const x = new Float64Array(d);
  const g = new Float64Array(d);
  let f = lossAndGradient(x, g);
  const memory = 10;
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(d);
  const xNew = new Float64Array(d);
  const gNew = new Float64Array(d);
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += a[j] * b[j];
    return s;
  };
  for (let it = 0; it < iterations; it++) {
    // the two-loop recursion: dir = −H·g
    dir.set(g);
    const alpha: number[] = [];
    for (let k = sList.length - 1; k >= 0; k--) {
      const a = rho[k] * dot(sList[k], dir);
      alpha[k] = a;
      for (let j = 0; j < d; j++) dir[j] -= a * yList[k][j];
    }
    if (sList.length) {
      const last = sList.length - 1;
      const gamma = dot(sList[last], yList[last]) / dot(yList[last], yList[last]);
      for (let j = 0; j < d; j++) dir[j] *= gamma;
    }
    for (let k = 0; k < sList.length; k++) {
      const b = rho[k] * dot(yList[k], dir);
      for (let j = 0; j < d; j++) dir[j] += sList[k][j] * (alpha[k] - b);
    }
    for (let j = 0; j < d; j++) dir[j] = -dir[j];
    let slope = dot(g, dir);
    if (slope >= 0) {
      // not a descent direction (curvature lost): start again from the gradient
      for (let j = 0; j < d; j++) dir[j] = -g[j];
      slope = dot(g, dir);
      sList.length = 0;
      yList.length = 0;
      rho.length = 0;
    }
    // backtracking (Armijo); the first step of plain gradient descent is scaled down
    let step = sList.length ? 1 : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < d; j++) xNew[j] = x[j] + step * dir[j];
      fNew = lossAndGradient(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNew < f)) break;
    const s = new Float64Array(d);
    const yk = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      s[j] = xNew[j] - x[j];
      yk[j] = gNew[j] - g[j];
    }
    const sy = dot(s, yk);
    if (sy > 1e-12) {
      sList.push(s);
      yList.push(yk);
      rho.push(1 / sy);
      if (sList.length > memory) {
        sList.shift();
        yList.shift();
        rho.shift();
      }
    }
    const improvement = f - fNew;
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (improvement < 1e-10 || Math.sqrt(dot(g, g)) < 1e-7) break;
  }
  const weights: Record<string, number> = {};
  names.forEach((nm, j) => {
    if (Math.abs(x[j]) > 1e-4) weights[nm] = Math.round(x[j] * 1e4) / 1e4;
  });
  return { bias: Math.round(x[d - 1] * 1e4) / 1e4, weights };
}
