import type { FastRandom } from './fast-random'
import type { TicketTemplate } from './ticket-phrases'
import {
  angryLines,
  angrySubjectPrefixes,
  closers,
  frustratedLines,
  frustratedSubjectPrefixes,
  negations,
  openers,
  positiveLines,
  threats,
} from './ticket-phrases'
import type { TicketTone } from './ticket-topic'

export interface TicketWords {
  subject: string
  content: string
}

export interface TextExtras {
  /** "…we will have to reconsider our renewal": said by angry customers who leave and by ones who stay. */
  threat: boolean
  /** "…we have no plans to cancel". */
  negation: boolean
}

/** Subject and body: a template's opening, then the tone's sentences, the extras and a sign-off. */
export function composeTicketText(
  random: FastRandom,
  template: TicketTemplate,
  tone: TicketTone,
  extras: TextExtras,
): TicketWords {
  const [subject, body] = template(random)
  // One join: the result is a single flat string, not a chain of concatenations kept alive per ticket.
  const parts = [random.pick(openers), body]
  if (tone === 'positive') parts.push(random.pick(positiveLines))
  if (tone === 'frustrated') parts.push(random.pick(frustratedLines))
  if (tone === 'angry') parts.push(random.pick(angryLines), random.chance(0.4) ? random.pick(frustratedLines) : '')
  if (extras.threat) parts.push(random.pick(threats))
  if (extras.negation) parts.push(random.pick(negations))
  if (tone !== 'angry') parts.push(random.pick(closers))
  const prefix =
    tone === 'angry'
      ? random.pick(angrySubjectPrefixes)
      : tone === 'frustrated'
        ? random.pick(frustratedSubjectPrefixes)
        : ''
  return {
    subject: prefix === '' ? subject : [prefix, subject].join(''),
    content: parts.filter((part) => part !== '').join(' '),
  }
}
