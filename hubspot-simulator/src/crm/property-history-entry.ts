/** One value a property held, as HubSpot's ValueWithTimestamp reports it (timestamp kept as epoch ms here). */
export interface PropertyHistoryEntry {
  value: string
  timestamp: number
  sourceType: string
  sourceId?: string
  updatedByUserId?: number
}

/** Who wrote a value: the part of an entry that is the same for every property one write touches. */
export type HistorySource = Pick<PropertyHistoryEntry, 'sourceType' | 'sourceId' | 'updatedByUserId'>
