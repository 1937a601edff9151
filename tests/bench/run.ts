import { benchEngine } from './engine.bench'

/**
 * `npm run bench`: prints medians and ratios. Benchmarks, not tests: nothing
 * here fails a build, because shared machines are noisy. Figures go in notes.
 */
const only = process.argv[2]
if (!only || only === 'engine') benchEngine()
