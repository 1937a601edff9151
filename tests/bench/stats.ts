/** Small helpers for benchmarks: medians and percentiles over repeated timings. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  )
}

/** Runs `fn` `iterations` times after a warm-up and returns each run's duration in microseconds. */
export function timeRuns(fn: () => unknown, iterations: number, warmup = Math.min(200, iterations)): number[] {
  for (let i = 0; i < warmup; i++) fn()
  const out: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    fn()
    out.push(Number(process.hrtime.bigint() - start) / 1000)
  }
  return out
}

/**
 * CPU time (user + system) per call in microseconds: the median over `batches`
 * batches of `iterations` calls. Unlike wall time, it does not count time
 * spent waiting for a core on a loaded machine.
 */
export function cpuPerRun(fn: () => unknown, iterations: number, batches = 5): number {
  const perRun: number[] = []
  for (let b = 0; b < batches; b++) {
    const start = process.cpuUsage()
    for (let i = 0; i < iterations; i++) fn()
    const used = process.cpuUsage(start)
    perRun.push((used.user + used.system) / iterations)
  }
  return median(perRun)
}

export function fmt(us: number): string {
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`
}
