/** The state of the account when a ticket was written: what its topic, tone, priority and speed follow from. */
export interface TicketMoment {
  at: number
  health: number
  /** This week's vendor incident (or half of last week's), scaled by how much the customer feels it. */
  incident: number
  flags: number
  onboarding: boolean
  /** The customer has decided to leave. */
  leaving: boolean
  priceWindow: boolean
}
