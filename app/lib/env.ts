/** A positive whole number from an environment variable; the fallback when it is unset, blank or not one. */
export function positiveFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value)
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback
}
