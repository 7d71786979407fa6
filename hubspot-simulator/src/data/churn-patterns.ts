import type { FastRandom } from './fast-random'

/** How a churning company shows it in the data. Ground truth lists these names per company. */
export const churnPatterns = [
  'volume_spike',
  'growing_backlog',
  'priority_escalation',
  'slow_resolution',
  'reopened_tickets',
  'cancellation_language',
  'frustration_language',
  'gone_silent',
] as const
export type ChurnPattern = (typeof churnPatterns)[number]

/** Patterns that describe the heavy-use period before a silent company went quiet. */
const silentCompanions: readonly ChurnPattern[] = ['frustration_language', 'slow_resolution', 'priority_escalation']
const activeCompanions: readonly ChurnPattern[] = churnPatterns.filter((pattern) => pattern !== 'gone_silent')

/**
 * The k-th churning company leads with pattern k mod 8, so every pattern shows up once there are eight
 * churners, then adds zero to two companions, so no single signal identifies churn.
 */
export function assignPatterns(random: FastRandom, churnerIndex: number): ChurnPattern[] {
  const lead = churnPatterns[churnerIndex % churnPatterns.length] ?? 'volume_spike'
  const companions = (lead === 'gone_silent' ? silentCompanions : activeCompanions).filter(
    (pattern) => pattern !== lead,
  )
  const extra = random.weighted([
    [0, 35],
    [1, 45],
    [2, 20],
  ] as const)
  return [lead, ...random.shuffle([...companions]).slice(0, extra)]
}
