import type { TextExtras, TicketWords } from './compose-ticket-text'
import { composeTicketText } from './compose-ticket-text'
import type { FastRandom } from './fast-random'
import type { TicketTemplate } from './ticket-phrases'
import type { TicketTone } from './ticket-topic'

/** Compositions kept per kind of ticket; beyond that, tickets reuse one of them. */
const poolSize = 128

/**
 * Ticket texts by kind (a number standing for topic or leaving reason, tone and extras). The first `poolSize` tickets of a kind get fresh compositions;
 * later ones reuse one at random. A million tickets then share some thousands of strings instead of holding
 * a million, which keeps generation within seconds; small portals still see every text fresh.
 */
export interface TextPool {
  pick(
    random: FastRandom,
    kind: number,
    family: readonly TicketTemplate[],
    tone: TicketTone,
    extras: TextExtras,
  ): TicketWords
}

export function createTextPool(): TextPool {
  const pools = new Map<number, TicketWords[]>()
  return {
    pick(random, kind, family, tone, extras) {
      let pool = pools.get(kind)
      if (!pool) {
        pool = []
        pools.set(kind, pool)
      }
      if (pool.length < poolSize) {
        const words = composeTicketText(random, random.pick(family), tone, extras)
        pool.push(words)
        return words
      }
      return pool[Math.floor(random.next() * poolSize)] ?? composeTicketText(random, random.pick(family), tone, extras)
    },
  }
}
