import type { ChurnSignal } from '@churnlens/contracts'

/**
 * Every number that shapes a churn score, in one place, with the reasoning. These are defaults
 * chosen before looking at any outcome data; a workspace may learn its own weights from its own
 * churn. A reason's points are `weight × strength` (strength 0–1); the score is their sum, scaled
 * down proportionally when it would pass 100, so the reasons always add up to the score.
 *
 * Weights: cancellation language is the most direct evidence a customer gives, so it weighs most;
 * one explicit, recent mention alone puts a company in the medium band. An unexpected rise in
 * tickets or an unexpected silence are the behavioural signals; backlog, urgency and slower
 * resolution describe a worsening experience; reopened tickets and frustration support the rest.
 */
export const defaultSignalWeights: Readonly<Record<ChurnSignal, number>> = {
  cancellation_language: 35,
  volume_trend: 25,
  silence: 20,
  open_backlog: 15,
  urgent_share: 15,
  frustration_language: 15,
  time_to_close: 10,
  reopened: 10,
}

export type SignalWeights = Readonly<Record<ChurnSignal, number>>

export const signalSettings = {
  /**
   * Ticket rate. The recent window is the test statistic, so it stays a window; the history it is
   * judged against decays with a 180-day half-life (last season counts more than two years ago).
   * A rise must be unlikely under the company's own rate (shrunk toward the portal's) at the 1%
   * level and at least 1.5× the expected count, so a steady customer almost never gets one, and
   * a huge customer's small wobble, significant only through sheer volume, does not either. With
   * under 30 days of history before the window there is nothing to rise from: no reason.
   */
  volumeTrend: {
    recentDays: 30,
    historyHalfLifeDays: 180,
    surpriseBelow: 0.01,
    minRatio: 1.5,
    minRecentTickets: 3,
    minHistoryDays: 30,
  },
  /** Silence: no ticket for a while that the company's own rate says was very unlikely (1%). */
  silence: { minQuietDays: 30, historyHalfLifeDays: 180, surpriseBelow: 0.01 },
  /** Open tickets untouched for a week; high and urgent ones count double; six such is as bad as it gets. */
  openBacklog: { staleAfterDays: 7, urgentCounts: 2, fullAt: 6, minWeighted: 2 },
  /**
   * Share of high/urgent tickets, decayed with a 60-day half-life and shrunk toward the portal's
   * share (a prior worth 10 tickets), so three urgent tickets from a company that files three is
   * not read as 100%. Fires 15 points above the portal's share; full at 40 points above.
   */
  urgentShare: {
    halfLifeDays: 60,
    priorTickets: 10,
    minEffectiveTickets: 3,
    minExcess: 0.15,
    fullExcess: 0.4,
    evidenceDays: 120,
  },
  /** Close times: a decayed median (30-day half-life) against the company's earlier median, or the portal's. */
  timeToClose: { halfLifeDays: 30, minEffectiveClosed: 2.5, minEarlierClosed: 5, minRatio: 1.5, fullRatio: 3 },
  /** Reopened or escalated tickets fade with a 60-day half-life; two recent ones are full strength. */
  reopened: { halfLifeDays: 60, fullAt: 2, minDecayed: 0.5 },
  /** Cancellation language fades slowly (90 days): one recent explicit mention is full strength. */
  cancellationLanguage: { halfLifeDays: 90, fullAt: 1, minDecayed: 0.25 },
  /** Frustration is commoner and noisier: 45-day half-life, three recent tickets for full strength. */
  frustrationLanguage: { halfLifeDays: 45, fullAt: 3, minDecayed: 0.5 },
  /** The portal baseline looks back this far for urgency and close times. */
  portal: { lookbackDays: 180 },
  bands: { medium: 35, high: 65 },
} as const
