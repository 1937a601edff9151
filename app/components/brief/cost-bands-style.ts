import type { Band } from '#app/engine/brief.ts'

/** Colour and dash per band, so the lines stay apart in print and for readers who do not see colour. */
export const BAND_STYLE: Record<Band, { label: string; color: string; dash: string | undefined }> = {
  lean: { label: 'Lean', color: '#2f7d5b', dash: '6 4' },
  moderate: { label: 'Moderate', color: '#2456a6', dash: undefined },
  scaled: { label: 'Scaled', color: '#b4542a', dash: '2 3' },
}
