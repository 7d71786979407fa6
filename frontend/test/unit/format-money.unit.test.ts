import { describe, expect, it } from 'vitest'
import { formatMoney, formatShare } from '../../app/utils/format-money'

describe('formatMoney', () => {
  it("shows an amount in the portal's currency, and a missing one as a dash, never 0", () => {
    expect(formatMoney(1_250_000, 'USD')).toBe('$1,250,000')
    expect(formatMoney(0, 'EUR')).toBe('€0')
    expect(formatMoney(null, 'USD')).toBe('—')
    expect(formatMoney(1200, null)).toBe('1,200')
  })
  it('shows a share as a whole percentage, unknown as a dash', () => {
    expect(formatShare(0.456)).toBe('46%')
    expect(formatShare(null)).toBe('—')
  })
})
