export interface LogisticFit {
  intercept: number
  coefficients: number[]
  iterations: number
  converged: boolean
}

export interface LogisticOptions {
  /** L2 penalty on the coefficients (not the intercept). */
  l2: number
  /** Keep every coefficient ≥ 0: a signal may add risk or nothing, never subtract it. */
  nonNegative?: boolean
  maxIterations?: number
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r
    ;[m[col], m[pivot]] = [m[pivot]!, m[col]!]
    const p = m[col]![col]!
    if (Math.abs(p) < 1e-12) continue
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = m[r]![col]! / p
      if (f !== 0) for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!))
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS), optionally with non-negative
 * coefficients (an active set: a coefficient that would go below zero is held at zero while the
 * gradient pushes it there). `x` is row-major, `rows × features`; `y` is 0/1.
 * Small and dense on purpose: a handful of signals, up to a few hundred thousand company-months.
 */
export function fitLogisticRegression(
  x: Float64Array,
  y: Uint8Array,
  features: number,
  options: LogisticOptions,
): LogisticFit {
  const rows = y.length
  const d = features + 1
  let beta = new Array<number>(d).fill(0)
  const positives = y.reduce((n, v) => n + v, 0)
  beta[0] = Math.log((positives + 0.5) / (rows - positives + 0.5))
  const held = new Set<number>()
  const maxIterations = options.maxIterations ?? 50
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = new Array<number>(d).fill(0)
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0))
    for (let r = 0; r < rows; r++) {
      let z = beta[0]!
      for (let k = 0; k < features; k++) z += beta[k + 1]! * x[r * features + k]!
      const p = sigmoid(z)
      const w = Math.max(p * (1 - p), 1e-10)
      const residual = p - y[r]!
      gradient[0]! += residual
      hessian[0]![0]! += w
      for (let k = 0; k < features; k++) {
        const xk = x[r * features + k]!
        if (xk === 0) continue
        gradient[k + 1]! += residual * xk
        hessian[0]![k + 1]! += w * xk
        for (let j = k; j < features; j++) hessian[k + 1]![j + 1]! += w * xk * x[r * features + j]!
      }
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) hessian[i]![j] = hessian[j]![i]!
    for (let k = 1; k < d; k++) {
      gradient[k]! += options.l2 * beta[k]!
      hessian[k]![k]! += options.l2
    }
    if (options.nonNegative) {
      // Free a held coefficient once the gradient would raise it; hold one the step would push below zero.
      for (const k of [...held]) if (gradient[k]! < 0) held.delete(k)
    }
    const free = Array.from({ length: d }, (_, i) => i).filter((i) => !held.has(i))
    const step = solve(
      free.map((i) => free.map((j) => hessian[i]![j]!)),
      free.map((i) => gradient[i]!),
    )
    const next = [...beta]
    free.forEach((i, n) => {
      next[i] = beta[i]! - step[n]!
    })
    if (options.nonNegative) {
      for (let k = 1; k < d; k++) {
        if (next[k]! < 0) {
          next[k] = 0
          held.add(k)
        }
      }
    }
    const change = Math.max(...next.map((v, i) => Math.abs(v - beta[i]!)))
    beta = next
    if (change < 1e-8)
      return { intercept: beta[0]!, coefficients: beta.slice(1), iterations: iteration, converged: true }
  }
  return { intercept: beta[0]!, coefficients: beta.slice(1), iterations: maxIterations, converged: false }
}
