import type { AlertEvent, AlertKind } from '@churnlens/contracts'

export interface MemberRule {
  userId: string
  kind: AlertKind
  points: number | null
  /** Only what happened from here on is alerted. */
  since: Date
  /** The HubSpot owner the member is matched to, for `owned_company_high`. */
  ownerId: string | null
}

/** A company that moved from below the high band into it. */
export interface BandEntry {
  companyId: number
  ownerId: string | null
  score: number
  enteredAt: Date
}

/** A company's score now against its lowest point of the last 7 days. */
export interface ScoreRise {
  companyId: number
  score: number
  scoredAt: Date
  lowest: number
  lowestAt: Date
}

/** A high-risk company with a renewal due from today on, `daysAhead` from now (fractional; 0 or less is today). */
export interface HighRiskRenewal {
  companyId: number
  score: number
  renewalAt: Date
  daysAhead: number
}

export interface DueAlert {
  event: AlertEvent
  companyId: number
  score: number
  /** The occurrence, part of the key that makes the alert once-only. */
  occurredAt: Date
  /** Where a rise started from; null for a band entry. */
  fromScore: number | null
  userIds: string[]
}

/**
 * Which alerts the members' rules ask for. Rules of several members asking for the same event about
 * the same company make one alert naming them all, so a shared Slack channel hears it once.
 */
export function matchAlertRules(
  rules: readonly MemberRule[],
  entries: readonly BandEntry[],
  rises: readonly ScoreRise[],
  renewals: readonly HighRiskRenewal[] = [],
): DueAlert[] {
  const due: DueAlert[] = []
  for (const entry of entries) {
    const userIds = rules
      .filter(
        (r) =>
          entry.enteredAt >= r.since &&
          (r.kind === 'any_company_high' ||
            (r.kind === 'owned_company_high' && r.ownerId !== null && r.ownerId === entry.ownerId)),
      )
      .map((r) => r.userId)
    if (userIds.length > 0)
      due.push({
        event: 'entered_high',
        companyId: entry.companyId,
        score: entry.score,
        occurredAt: entry.enteredAt,
        fromScore: null,
        userIds: [...new Set(userIds)],
      })
  }
  for (const rise of rises) {
    const userIds = rules
      .filter(
        (r) =>
          r.kind === 'score_rise' &&
          r.points !== null &&
          rise.scoredAt >= r.since &&
          rise.score - rise.lowest >= r.points,
      )
      .map((r) => r.userId)
    if (userIds.length > 0)
      due.push({
        event: 'score_rise',
        companyId: rise.companyId,
        score: rise.score,
        // Once per starting point: a score that keeps climbing from the same low is one alert.
        occurredAt: rise.lowestAt,
        fromScore: rise.lowest,
        userIds: [...new Set(userIds)],
      })
  }
  // A state, not a change: a high-risk company renewing within a member's N days is alerted once per renewal
  // date, also when it was so before the rule was chosen (the renewal is still ahead, still worth acting on).
  for (const renewal of renewals) {
    const userIds = rules
      .filter((r) => r.kind === 'renewal_high_risk' && r.points !== null && renewal.daysAhead <= r.points)
      .map((r) => r.userId)
    if (userIds.length > 0)
      due.push({
        event: 'renewal_due_high',
        companyId: renewal.companyId,
        score: renewal.score,
        occurredAt: renewal.renewalAt,
        fromScore: null,
        userIds: [...new Set(userIds)],
      })
  }
  return due
}
