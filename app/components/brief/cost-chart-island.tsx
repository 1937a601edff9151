import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Costs } from '#app/engine/brief.ts'
import { COST_CHART_SLOT, CostFigure } from './cost-bands.tsx'

/**
 * The cost chart for a brief drawn as static HTML: after hydration it is
 * rendered into the empty slot the server left in the costs section. `body`
 * changes when the static HTML is replaced, and the slot is looked up again.
 */
export function CostChartIsland({ costs, body }: { costs: Pick<Costs, 'bands'>; body: string | null }) {
  const [slot, setSlot] = useState<Element | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new body means a new slot element
  useEffect(() => {
    setSlot(document.getElementById(COST_CHART_SLOT))
  }, [body])
  return slot ? createPortal(<CostFigure costs={costs} />, slot) : null
}
