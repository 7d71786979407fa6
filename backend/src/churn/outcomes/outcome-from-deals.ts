export interface RenewalDeal {
  /** Epoch ms; null for an open deal without a close date. */
  closedAt: number | null
  outcome: 'won' | 'lost' | 'open'
}

/**
 * When a company churned, read from its renewal deals: the close date of a lost renewal that no
 * later renewal was won after (a lost renewal followed by a won one was a near miss, not churn).
 * Customer since: the earliest renewal deal's close date, when there is one.
 */
export function outcomeFromDeals(deals: readonly RenewalDeal[]): {
  customerSince: number | null
  churnedAt: number | null
} {
  const closed = deals
    .filter((d): d is RenewalDeal & { closedAt: number } => d.closedAt !== null && d.outcome !== 'open')
    .sort((a, b) => a.closedAt - b.closedAt)
  let churnedAt: number | null = null
  for (const deal of closed) {
    if (deal.outcome === 'lost' && churnedAt === null) churnedAt = deal.closedAt
    if (deal.outcome === 'won') churnedAt = null
  }
  const hasOpen = deals.some((d) => d.outcome === 'open')
  return { customerSince: closed[0]?.closedAt ?? null, churnedAt: hasOpen ? null : churnedAt }
}
