import type { DealWithCompanies } from '../integrations/hubspot/crm/list-renewal-deals'

export interface DealValues {
  /** Sum of the open deals' amounts; null when none of them has an amount (missing, not 0). */
  openAmount: number | null
  /**
   * The next renewal (epoch ms): the earliest close date from the start of today among the open deals, else the
   * latest overdue one (still open, so still pending). Null when no open deal has a close date.
   */
  nextCloseAt: number | null
}

/** The start of the UTC day: a renewal due today is upcoming all day. */
export const startOfUtcDay = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())

/** Of two close dates, the one that is the next renewal: upcoming before overdue, the sooner upcoming, the later overdue. */
function nextOf(a: number | null, b: number | null, today: number): number | null {
  if (a === null) return b
  if (b === null) return a
  if (a >= today && b >= today) return Math.min(a, b)
  if (a < today && b < today) return Math.max(a, b)
  return a >= today ? a : b
}

/**
 * Pure: per company, what its open deals in one pipeline say. Open is a stage the pipeline does not close
 * (won or lost). A deal on several companies counts for each of them, as each company's page would show it.
 */
export function selectDealValues(
  deals: readonly DealWithCompanies[],
  pipeline: { id: string; openStageIds: ReadonlySet<string> },
  now: Date,
): Map<number, DealValues> {
  const today = startOfUtcDay(now)
  const values = new Map<number, DealValues>()
  for (const deal of deals) {
    if (deal.pipelineId !== pipeline.id || deal.stageId === null || !pipeline.openStageIds.has(deal.stageId)) continue
    for (const companyId of deal.companyIds) {
      const current = values.get(companyId) ?? { openAmount: null, nextCloseAt: null }
      values.set(companyId, {
        openAmount: deal.amount === null ? current.openAmount : (current.openAmount ?? 0) + deal.amount,
        nextCloseAt: nextOf(current.nextCloseAt, deal.closedAt, today),
      })
    }
  }
  return values
}
