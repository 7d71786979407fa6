import type { RiskBand } from '@churnlens/contracts'
import type { SignalWeights } from '../churn-weights'
import { scoreCompany } from '../score-company'
import { computePortalBaseline } from '../signals/compute-portal-baseline'
import { tallyPortal } from '../signals/tally-portal'
import type { CompanyHistory } from './company-history'

/** Every company that is a customer at `at`, scored with what was known then. */
export function scoreCompaniesAt(
  companies: readonly CompanyHistory[],
  at: number,
  weights?: SignalWeights,
): { id: string; score: number; band: RiskBand }[] {
  const active = companies
    .filter((c) => (c.customerSince === null || c.customerSince <= at) && (c.churnedAt === null || c.churnedAt > at))
    .map((c) => ({ c, tickets: c.tickets.filter((t) => t.createdAt <= at) }))
  const portal = computePortalBaseline(
    tallyPortal(
      active.map(({ c, tickets }) => ({ tickets, historyStart: c.customerSince })),
      at,
    ),
  )
  return active.map(({ c, tickets }) => {
    const result = scoreCompany(
      tickets,
      { now: at, historyStart: c.customerSince ?? tickets[0]?.createdAt ?? null, portal },
      weights,
    )
    return { id: c.id, score: result.score, band: result.band }
  })
}
