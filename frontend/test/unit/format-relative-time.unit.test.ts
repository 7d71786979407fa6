import { describe, expect, it } from 'vitest'
import { formatRelativeTime } from '../../app/utils/format-relative-time'

const now = new Date('2026-01-01T10:00:00Z')

describe('formatRelativeTime', () => {
  it.each([
    ['2026-01-01T10:00:20Z', 'just now'],
    ['2026-01-01T09:59:30Z', 'just now'],
    ['2026-01-01T10:30:00Z', 'in 30 minutes'],
    ['2026-01-01T10:01:10Z', 'in 1 minute'],
    ['2026-01-01T07:00:00Z', '3 hours ago'],
    ['2025-12-31T10:00:00Z', 'yesterday'],
    ['2025-12-18T10:00:00Z', '2 weeks ago'],
    ['not a date', 'unknown'],
  ])('formats %s as %s', (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected)
  })
})
