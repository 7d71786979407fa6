/** HubSpot's ValueWithTimestamp, one entry of `propertiesWithHistory`. */
export interface ApiHistoryEntry {
  value: string
  timestamp: string
  sourceType: string
  sourceId?: string
  updatedByUserId?: number
}
