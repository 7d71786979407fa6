/** What every customer of one portal lives through: the vendor's calendar, incidents and pricing. */
export interface PortalWorld {
  /** Ticket volume multiplier per week: quiet late December and August, busier at quarter ends. */
  season: Float64Array
  /** Per week 0–1: how bad that week's outage or broken release was (0 = none). Hits every customer at once. */
  incident: Float64Array
  /** The week a price increase took effect (may lie in the future); -1 if none in the period. */
  priceIncreaseWeek: number
  /** Typical company size (employees) of this vendor's customers: SMB-heavy portals and enterprise ones differ. */
  sizeMedian: number
  /** Median days to close, relative to an average support team (1 = average). */
  supportSlowness: number
  /** Share of tickets the team never sets a priority on. */
  blankPriorityShare: number
}
