/**
 * Every number that shapes a churn score, in one place. Each signal adds up to its `max` points;
 * the score is their sum, capped at 100. Bands are cut at `bands`.
 *
 * Why these maxima: cancellation language and a volume spike against the company's own baseline
 * are the strongest predictors of churn in support data, so they weigh most; backlog, urgency
 * and slower resolution describe a worsening experience; reopened tickets and frustration are
 * supporting evidence; silence after heavy use catches the customers who stopped asking.
 */
export const churnWeights = {
  volumeTrend: { max: 25, recentDays: 30, baselineDays: 150, fullAtRatio: 3, minRecentTickets: 3 },
  openBacklog: { max: 20, staleAfterDays: 7, pointsPerStale: 5, pointsPerOpen: 1 },
  urgentShare: { max: 15, windowDays: 60, minTickets: 3, fullAtShare: 0.6 },
  timeToClose: { max: 10, windowDays: 60, fullAtRatio: 3, minClosed: 2 },
  reopened: { max: 10, windowDays: 90, pointsPerTicket: 5 },
  cancellationLanguage: { max: 25, windowDays: 90, pointsPerTicket: 10 },
  frustrationLanguage: { max: 10, windowDays: 90, pointsPerTicket: 4 },
  silence: { max: 15, quietDays: 30, minMonthlyBefore: 3 },
  bands: { medium: 35, high: 65 },
} as const

export const cancellationTerms = ['cancel', 'cancellation', 'refund', 'terminate', 'termination', 'switching to', 'not renew', 'end our contract', 'churn', 'competitor']
export const frustrationTerms = ['frustrat', 'unacceptable', 'disappointed', 'angry', 'ridiculous', 'worst', 'still not fixed', 'still broken', 'again and again', 'fed up']
export const reopenTerms = ['reopen', 're-open', 'escalat', 'still not fixed', 'happened again']
