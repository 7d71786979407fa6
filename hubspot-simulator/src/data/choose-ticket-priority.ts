import type { AccountTraits } from './account'
import type { FastRandom } from './fast-random'
import type { TicketTone, TicketTopic } from './ticket-topic'
import { weightedIndex } from './weighted-index'

/** Weights of LOW, MEDIUM, HIGH, URGENT by topic. */
const priorityWeights: Record<TicketTopic, readonly [number, number, number, number]> = {
  howto: [55, 38, 6, 1],
  bug: [15, 45, 30, 10],
  performance: [10, 40, 35, 15],
  outage: [0, 5, 40, 55],
  billing: [40, 50, 9, 1],
  pricing: [30, 55, 13, 2],
  feature: [70, 27, 3, 0],
  integration: [15, 45, 30, 10],
  admin: [45, 45, 9, 1],
  data: [30, 50, 17, 3],
  account: [45, 45, 9, 1],
  launch: [20, 45, 30, 5],
  onboarding: [35, 50, 13, 2],
}

/** 0 (LOW) to 3 (URGENT): by topic, a level up when the customer is upset, mostly high for habitual "urgent" markers. */
export function chooseTicketPriority(
  random: FastRandom,
  traits: AccountTraits,
  topic: TicketTopic,
  tone: TicketTone,
): number {
  if (traits.priorityInflation && random.chance(0.75)) return random.chance(0.5) ? 2 : 3
  const level = weightedIndex(random.next(), priorityWeights[topic])
  return (tone === 'angry' && random.chance(0.7)) || (tone === 'frustrated' && random.chance(0.4))
    ? Math.min(3, level + 1)
    : level
}
