import type { AccountLife, AccountTraits } from './account'
import type { PortalWorld } from './portal-world'
import type { TextPool } from './text-pool'
import type { TicketTemplate } from './ticket-phrases'
import type { TimeGrid } from './time-grid'

/** What one company's tickets are generated from. */
export interface CompanyTicketsInput {
  world: PortalWorld
  grid: TimeGrid
  traits: AccountTraits
  life: AccountLife
  /** Expected tickets per week (weigh-ticket-weeks.ts). */
  weights: Float64Array
  count: number
  companyIndex: number
  contactIndices: readonly number[]
  texts: TextPool
}

/** A ticket a leaving customer writes: which family of texts it comes from, numbered for the text pool. */
export interface LeavingTicket {
  kind: number
  family: readonly TicketTemplate[]
}
