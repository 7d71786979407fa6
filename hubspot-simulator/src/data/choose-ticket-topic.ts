import { weekFlag } from './account'
import type { FastRandom } from './fast-random'
import type { TicketMoment } from './ticket-moment'
import type { TicketTopic } from './ticket-topic'
import { ticketTopics } from './ticket-topic'
import { weightedIndex } from './weighted-index'

const baseTopicWeights: Record<TicketTopic, number> = {
  howto: 24,
  bug: 22,
  performance: 5,
  outage: 0,
  billing: 8,
  pricing: 0,
  feature: 11,
  integration: 7,
  admin: 10,
  data: 8,
  account: 3,
  launch: 0,
  onboarding: 0,
}
const baseWeights = Float64Array.from(ticketTopics.map((topic) => baseTopicWeights[topic]))
/** Reused for every draw (no allocation per ticket). */
const weights = new Float64Array(ticketTopics.length)
export const topicIndex = Object.fromEntries(ticketTopics.map((topic, index) => [topic, index])) as Record<
  TicketTopic,
  number
>

/**
 * What the ticket is about: bugs and performance more when the account is troubled, a bug cluster runs or the
 * vendor has an outage; set-up questions while onboarding; launch questions in launch weeks; pricing after a
 * price change; data and contract questions once the customer has decided to leave.
 */
export function chooseTicketTopic(random: FastRandom, moment: TicketMoment): TicketTopic {
  const trouble = Math.max(0, -moment.health)
  weights.set(baseWeights)
  weights[topicIndex.bug] =
    baseTopicWeights.bug *
    (1 + 0.5 * trouble) *
    (moment.flags & weekFlag.bugCluster ? 3 : 1) *
    (1 + 2 * moment.incident)
  weights[topicIndex.performance] = baseTopicWeights.performance * (1 + 0.4 * trouble) * (1 + 3 * moment.incident)
  weights[topicIndex.outage] = 40 * moment.incident
  if (moment.onboarding) {
    weights[topicIndex.onboarding] = 30
    weights[topicIndex.howto] = baseTopicWeights.howto * 2
    weights[topicIndex.admin] = baseTopicWeights.admin * 2
    weights[topicIndex.integration] = baseTopicWeights.integration * 1.5
  }
  if (moment.flags & weekFlag.launch) weights[topicIndex.launch] = 25
  if (moment.priceWindow) weights[topicIndex.pricing] = 10
  if (moment.leaving) {
    weights[topicIndex.data] = baseTopicWeights.data * 2
    weights[topicIndex.account] = baseTopicWeights.account * 3
  }
  return ticketTopics[weightedIndex(random.next(), weights)] ?? 'howto'
}
