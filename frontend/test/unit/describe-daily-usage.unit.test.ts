import { describe, expect, it } from 'vitest'
import { describeDailyUsage } from '../../app/utils/describe-daily-usage'

const now = new Date('2026-11-30T15:00:00Z')
const usage = (used: number, seenAt = '2026-11-30T14:50:00Z') => ({ limit: 250_000, used, seenAt })

describe('describeDailyUsage', () => {
  it('gives the figures and the share', () => {
    expect(describeDailyUsage(usage(12_500), now)).toBe('12,500 of 250,000 requests (5%)')
  })
  it('says when scheduled syncs slow down and when they wait for tomorrow', () => {
    expect(describeDailyUsage(usage(200_000), now)).toBe(
      '200,000 of 250,000 requests (80%): scheduled syncs run less often until tomorrow',
    )
    expect(describeDailyUsage(usage(249_000), now)).toContain('wait for tomorrow')
  })
  it('says nothing when unknown or from an earlier day', () => {
    expect(describeDailyUsage(null, now)).toBeNull()
    expect(describeDailyUsage(usage(100, '2026-11-29T23:50:00Z'), now)).toBeNull()
  })
})
