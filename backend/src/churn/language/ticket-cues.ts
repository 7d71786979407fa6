import type { CueKind } from './cue-terms'

/** What a ticket's text says, read once when the ticket is stored: the phrases heard, per kind. */
export type TicketCues = Partial<Record<CueKind, string[]>>

/** Bump when the phrase lists or the matcher change, so stored cues are read again. */
export const TICKET_CUES_VERSION = 1
