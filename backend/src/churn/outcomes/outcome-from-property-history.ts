export interface HistoryEntry {
  value: string
  /** Epoch ms. */
  timestamp: number
}

/**
 * When a company churned, read from a property's change history: the first time the property took
 * one of the churned values after the company had been a customer (any other non-empty value).
 * A company that was churned from its very first entry churned before the history tells us when:
 * that date is unknowable, so it is left out (`unknown`), never guessed.
 * `customerSince` is the first entry that is not a churned value.
 */
export function outcomeFromPropertyHistory(
  entries: readonly HistoryEntry[],
  churnedValues: readonly string[],
): { customerSince: number | null; churnedAt: number | null; unknown: boolean } {
  const churned = new Set(churnedValues.map((v) => v.trim().toLowerCase()))
  const ordered = [...entries].filter((e) => e.value.trim() !== '').sort((a, b) => a.timestamp - b.timestamp)
  let customerSince: number | null = null
  for (const entry of ordered) {
    const isChurned = churned.has(entry.value.trim().toLowerCase())
    if (!isChurned && customerSince === null) customerSince = entry.timestamp
    if (isChurned) {
      if (customerSince === null) return { customerSince: null, churnedAt: null, unknown: true }
      return { customerSince, churnedAt: entry.timestamp, unknown: false }
    }
  }
  return { customerSince, churnedAt: null, unknown: false }
}
