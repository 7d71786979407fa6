import type { ChurnCause } from './account'
import type { TicketTone } from './ticket-topic'

/** Text-pool numbers beyond the topics' own (0–12); a kind is (number × 16 + tone × 4 + threat × 2 + denial). */
export const textKinds = { benign: 13, export: 14, final: 15, notice: 16 } as const
export const toneIndex: Record<TicketTone, number> = { positive: 0, neutral: 1, frustrated: 2, angry: 3 }
export const causeIndex: Record<ChurnCause, number> = {
  product: 0,
  price: 1,
  competitor: 2,
  budget: 3,
  acquired: 4,
  unknown: 5,
}
