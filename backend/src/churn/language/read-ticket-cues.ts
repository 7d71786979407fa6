import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { CueKind, CuePhrase, CueWord } from './cue-terms'
import { cuePhrases } from './cue-terms'
import type { TicketCues } from './ticket-cues'

const nlp = winkNLP(model)
const its = nlp.its
const kinds = Object.keys(cuePhrases) as CueKind[]
const sentenceEnd = new Set(['.', '!', '?', ';'])

/**
 * A cheap necessary condition before the parser: some phrase has every one of its words present
 * (as a word start, in any order). Most tickets hold no phrase, and skipping the parser for them is
 * what makes reading cues cheap enough to do for every stored ticket.
 */
const phraseFilters: RegExp[][] = kinds.flatMap((kind) =>
  cuePhrases[kind].map((phrase) =>
    phrase.words.map((word) => new RegExp(`(?:${[...new Set(word.any.map(stem))].join('|')})`, 'i')),
  ),
)
const mightMatch = (text: string) => phraseFilters.some((words) => words.every((word) => word.test(text)))

/** A word's start as a pattern; a contraction ("n't") is glued to the word before it, so it needs no boundary. */
function stem(word: string): string {
  const start = (word.length <= 5 ? word : word.slice(0, word.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return word.startsWith("n'") ? start : `\\b${start}`
}

interface Token {
  value: string
  lemma: string
  pos: string
  negated: boolean
  boundary: boolean
}

function tokenize(text: string): Token[] {
  // Lower case first: the tagger lemmatises "CANCELLED" as a noun but "cancelled" as the verb it is.
  const doc = nlp.readDoc(text.toLowerCase())
  const tokens = doc.tokens()
  const values = tokens.out(its.value)
  // wink-nlp's typings declare `its.lemma` with the model add-ons as a required argument; it works as any other `its`.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value)
  const tags = tokens.out(its.pos)
  const negations = tokens.out(its.negationFlag) as unknown as boolean[]
  const types = tokens.out(its.type)
  return values.map((value, i) => ({
    value,
    lemma: lemmas[i] ?? value,
    pos: tags[i] ?? '',
    negated: negations[i] === true,
    boundary: (types[i] === 'punctuation' && sentenceEnd.has(value)) || types[i] === 'tabCRLF',
  }))
}

const matchesWord = (token: Token, word: CueWord) =>
  (word.any.includes(token.value) || word.any.includes(token.lemma)) &&
  (word.pos === undefined || token.pos === word.pos)

/** The phrase starting at `start`, or null; parts may be `gap` tokens apart but never cross a sentence end. */
function matchAt(tokens: readonly Token[], start: number, phrase: CuePhrase): boolean {
  const first = tokens[start]
  if (!first || !matchesWord(first, phrase.words[0]!)) return false
  let at = start
  for (const word of phrase.words.slice(1)) {
    let found = -1
    for (let next = at + 1; next <= at + 1 + (phrase.gap ?? 0) && next < tokens.length; next++) {
      const token = tokens[next]!
      if (token.boundary) break
      if (matchesWord(token, word)) {
        found = next
        break
      }
    }
    if (found < 0) return false
    at = found
  }
  const negation = phrase.negation ?? 'skips'
  if (negation === 'ignored') return true
  return negation === 'required' ? first.negated : !first.negated
}

/**
 * The churn phrases in a ticket's subject and body, by kind; an empty object when there are none.
 * Whole words and lemmas, never substrings; negation-aware ("no plans to cancel" is not a cue).
 * @example readTicketCues('Re: renewal', 'We will not renew our contract.') // { cancellation: ['will not renew'] }
 */
export function readTicketCues(subject: string | null, content: string | null): TicketCues {
  const text = [subject, content].filter((part): part is string => Boolean(part)).join('.\n')
  if (!mightMatch(text)) return {}
  const tokens = tokenize(text)
  const cues: TicketCues = {}
  for (const kind of kinds) {
    const heard = new Set<string>()
    for (const phrase of cuePhrases[kind]) {
      for (let start = 0; start < tokens.length; start++) {
        if (matchAt(tokens, start, phrase)) {
          heard.add(phrase.label)
          break
        }
      }
    }
    if (heard.size > 0) cues[kind] = [...heard]
  }
  return cues
}
