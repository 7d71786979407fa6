/** ISO-8601 dates ("2026-03-01") and times ("2026-03-01T09:30:00Z"); anything else is refused. */
const isoPattern = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export function parseCsvDate(value: string): number | null {
  const text = value.trim()
  if (!isoPattern.test(text)) return null
  const at = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'))
  return Number.isNaN(at) ? null : at
}
