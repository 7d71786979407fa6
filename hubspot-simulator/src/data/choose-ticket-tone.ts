import type { AccountTraits } from './account'
import { weekFlag } from './account'
import type { FastRandom } from './fast-random'
import type { TicketMoment } from './ticket-moment'
import type { TicketTone, TicketTopic } from './ticket-topic'

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
const problems = new Set<TicketTopic>(['bug', 'outage', 'performance', 'integration'])

/**
 * How the customer sounds: frustrated or angry more often when its health is low, during outages and bug
 * clusters, about problems rather than questions, and by temperament (loud, quiet, angry-but-loyal).
 */
export function chooseTicketTone(
  random: FastRandom,
  traits: AccountTraits,
  moment: TicketMoment,
  topic: TicketTopic,
): TicketTone {
  const trouble = Math.max(0, -moment.health)
  const voice = traits.voice === 'loud' ? 0.7 : traits.voice === 'quiet' ? -0.7 : 0
  const problem = problems.has(topic) ? 0.6 : -0.6
  const negative = sigmoid(
    -3.1 +
      1.8 * trouble -
      0.3 * moment.health +
      voice +
      2 * moment.incident +
      (moment.flags & weekFlag.bugCluster ? 0.7 : 0) +
      (traits.loyalLoud ? 1.2 : 0) +
      problem,
  )
  if (random.chance(negative))
    return random.chance(sigmoid(-1.2 + trouble + (traits.voice === 'loud' ? 0.8 : 0) + (traits.loyalLoud ? 0.8 : 0)))
      ? 'angry'
      : 'frustrated'
  return random.chance(Math.min(0.35, 0.12 + 0.08 * Math.max(0, moment.health))) ? 'positive' : 'neutral'
}
