/**
 * Every phrase the churn score listens for in ticket text, in one place.
 *
 * A phrase is a short sequence of words matched on whole tokens (the word itself or its lemma, so
 * "cancelling" is "cancel"), within one sentence, with at most `gap` other tokens between parts
 * ("cancel our annual subscription"). By default a phrase said under negation does not count
 * ("we have no plans to cancel our subscription"); `negation: 'required'` turns that around for
 * phrases whose meaning is the negation ("we will not renew"); `negation: 'ignored'` is for phrases
 * that carry their own ("still not fixed").
 *
 * Why objects are required after "cancel": customers cancel meetings, orders and export jobs all
 * the time; only cancelling the relationship (subscription, contract, account…) is churn language.
 */
export type CueKind = 'cancellation' | 'frustration' | 'reopen'

export interface CueWord {
  /** Lower-case word or lemma forms, any of which matches. */
  any: readonly string[]
  /** Universal part-of-speech tag the token must carry, where the word alone is ambiguous. */
  pos?: 'VERB' | 'NOUN' | 'ADJ'
}

export interface CuePhrase {
  /** What the evidence line quotes. */
  label: string
  words: readonly CueWord[]
  gap?: number
  negation?: 'skips' | 'required' | 'ignored'
}

const w = (...any: string[]): CueWord => ({ any })
const verb = (...any: string[]): CueWord => ({ any, pos: 'VERB' })

const relationship = w(
  'subscription',
  'contract',
  'account',
  'plan',
  'license',
  'licence',
  'licenses',
  'membership',
  'seats',
  'renewal',
  'agreement',
  'partnership',
)
const otherProduct = w(
  'vendor',
  'provider',
  'tool',
  'platform',
  'solution',
  'product',
  'system',
  'software',
  'competitor',
  'crm',
)

export const cuePhrases: Readonly<Record<CueKind, readonly CuePhrase[]>> = {
  cancellation: [
    {
      label: 'cancel … subscription',
      words: [w('cancel', 'cancellation', 'terminate', 'termination'), relationship],
      gap: 3,
    },
    { label: 'end … contract', words: [verb('end', 'close', 'discontinue', 'stop'), relationship], gap: 2 },
    { label: 'will not renew', words: [w('renew', 'renewal', 'renewing')], negation: 'required' },
    {
      label: 'switch to another vendor',
      words: [w('switch', 'move', 'migrate'), w('another', 'other', 'different', 'new', 'a'), otherProduct],
      gap: 2,
    },
    { label: 'competitor', words: [w('competitor', 'competitors')] },
    {
      label: 'evaluating alternatives',
      words: [
        w('evaluate', 'evaluating', 'explore', 'exploring', 'consider', 'considering', 'look', 'looking'),
        w('alternative', 'alternatives', 'competitor', 'competitors'),
      ],
      gap: 3,
    },
  ],
  frustration: [
    { label: 'frustrated', words: [w('frustrate', 'frustrated', 'frustrating', 'frustration')] },
    { label: 'unacceptable', words: [w('unacceptable')] },
    { label: 'disappointed', words: [w('disappoint', 'disappointed', 'disappointing', 'disappointment')] },
    { label: 'ridiculous', words: [w('ridiculous', 'absurd')] },
    { label: 'angry', words: [w('angry', 'furious', 'outraged', 'livid')] },
    { label: 'terrible', words: [w('terrible', 'horrible', 'awful', 'useless', 'worst')] },
    { label: 'complaint', words: [w('complaint', 'complain', 'complaining')] },
    { label: 'fed up', words: [w('fed', 'feed'), w('up')] },
    { label: 'waste of time', words: [w('waste', 'wasting'), w('time')], gap: 2 },
    {
      label: 'still not fixed',
      words: [
        w('still'),
        w('not', 'no', "n't"),
        w('fix', 'fixed', 'work', 'working', 'resolve', 'resolved', 'solve', 'solved'),
      ],
      gap: 1,
      negation: 'ignored',
    },
    { label: 'still broken', words: [w('still'), w('broken', 'failing', 'down', 'crashing')], gap: 1 },
    { label: 'third time', words: [w('third', 'fourth', 'fifth', 'umpteenth'), w('time')] },
  ],
  reopen: [
    { label: 'reopened', words: [w('reopen', 'reopened', 're-open', 're-opened', 'reopening')], negation: 'ignored' },
    { label: 'escalate', words: [w('escalate', 'escalated', 'escalating', 'escalation')] },
    {
      label: 'happened again',
      words: [w('happen', 'happened', 'occur', 'occurred', 'back', 'broke', 'break', 'fail', 'failed'), w('again')],
      gap: 2,
      negation: 'ignored',
    },
    { label: 'same issue', words: [w('same'), w('issue', 'problem', 'error', 'bug')], gap: 1 },
  ],
}

/** HubSpot ticket categories that mean a ticket came back or went up a level. */
export const escalationCategories = /escalat|reopen/i
