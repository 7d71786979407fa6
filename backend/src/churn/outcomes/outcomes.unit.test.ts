import { describe, expect, it } from 'vitest'
import { outcomeFromDeals } from './outcome-from-deals'
import { outcomeFromPropertyHistory } from './outcome-from-property-history'

const at = (date: string) => Date.parse(`${date}T00:00:00Z`)

describe('outcomeFromPropertyHistory', () => {
  it('finds the first change to a churned value after being a customer, in any order given', () => {
    expect(
      outcomeFromPropertyHistory(
        [
          { value: 'other', timestamp: at('2025-09-01') },
          { value: 'lead', timestamp: at('2024-01-01') },
          { value: 'customer', timestamp: at('2024-03-01') },
        ],
        ['other'],
      ),
    ).toEqual({ customerSince: at('2024-01-01'), churnedAt: at('2025-09-01'), unknown: false })
  })
  it('is still a customer when no churned value was ever taken', () => {
    expect(outcomeFromPropertyHistory([{ value: 'customer', timestamp: at('2024-03-01') }], ['other'])).toEqual({
      customerSince: at('2024-03-01'),
      churnedAt: null,
      unknown: false,
    })
  })
  it('leaves out a company that was churned from its first recorded value (the date is unknowable)', () => {
    expect(
      outcomeFromPropertyHistory([{ value: 'Former customer', timestamp: at('2024-03-01') }], ['former customer']),
    ).toEqual({ customerSince: null, churnedAt: null, unknown: true })
  })
  it('ignores empty values', () => {
    expect(
      outcomeFromPropertyHistory(
        [
          { value: '', timestamp: at('2023-01-01') },
          { value: 'true', timestamp: at('2024-01-01') },
        ],
        ['true'],
      ).unknown,
    ).toBe(true)
  })
})

describe('outcomeFromDeals', () => {
  it('a lost renewal is churn at its close date', () => {
    expect(
      outcomeFromDeals([
        { closedAt: at('2024-01-01'), outcome: 'won' },
        { closedAt: at('2025-01-01'), outcome: 'lost' },
      ]),
    ).toEqual({ customerSince: at('2024-01-01'), churnedAt: at('2025-01-01') })
  })
  it('a lost renewal followed by a won one is not churn', () => {
    expect(
      outcomeFromDeals([
        { closedAt: at('2024-01-01'), outcome: 'lost' },
        { closedAt: at('2024-02-01'), outcome: 'won' },
      ]).churnedAt,
    ).toBeNull()
  })
  it('an open renewal means still a customer', () => {
    expect(
      outcomeFromDeals([
        { closedAt: at('2024-01-01'), outcome: 'lost' },
        { closedAt: null, outcome: 'open' },
      ]).churnedAt,
    ).toBeNull()
  })
  it('no deals: nothing known', () => {
    expect(outcomeFromDeals([])).toEqual({ customerSince: null, churnedAt: null })
  })
})
