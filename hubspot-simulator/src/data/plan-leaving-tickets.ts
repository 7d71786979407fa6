import type { CompanyTicketsInput, LeavingTicket } from './company-tickets-input'
import type { FastRandom } from './fast-random'
import { exportTemplates, finalTemplates, noticeTemplates } from './leaving-phrases'
import { causeIndex, textKinds } from './text-kinds'
import { dayMs } from './time-grid'

/**
 * What a customer that decided to leave (before now) writes, none of it certain: a notice soon after deciding
 * (more often if loud), a data export request near the end, one last ticket after the contract ended. Each
 * replaces an ordinary ticket, so the company's count stays what the portal asked for. Index → ticket.
 */
export function planLeavingTickets(
  random: FastRandom,
  input: CompanyTicketsInput,
  times: number[],
): Map<number, LeavingTicket> {
  const { life, traits, grid } = input
  const leaving = new Map<number, LeavingTicket>()
  if (life.decidedAt === null || life.churnAt === null || life.cause === null || life.decidedAt > grid.now)
    return leaving
  const free = random.shuffle(times.map((_, index) => index))
  const place = (ticket: LeavingTicket, at: number): void => {
    const index = free.pop()
    if (index === undefined || at > grid.now || at < traits.customerSince) return
    times[index] = at
    leaving.set(index, ticket)
  }
  const noticeChance = traits.voice === 'quiet' ? 0.3 : traits.voice === 'loud' ? 0.5 : 0.4
  if (random.chance(noticeChance)) {
    place(
      { kind: textKinds.notice + causeIndex[life.cause], family: noticeTemplates[life.cause] },
      Math.min(life.churnAt - dayMs, life.decidedAt + random.int(1 * dayMs, 20 * dayMs)),
    )
  }
  if (random.chance(0.35))
    place(
      { kind: textKinds.export, family: exportTemplates },
      Math.max(life.decidedAt, life.churnAt - random.int(3 * dayMs, 30 * dayMs)),
    )
  if (random.chance(0.25))
    place({ kind: textKinds.final, family: finalTemplates }, life.churnAt + random.int(1 * dayMs, 20 * dayMs))
  return leaving
}
