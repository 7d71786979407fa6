import { describe, expect, it } from 'vitest'
import {
  aucSentence,
  baselineSentence,
  baselineVerdict,
  describeDefinition,
  formatRate,
  leadTimeBins,
  missingEvidence,
} from '../../app/utils/describe-model'

const ranking = (auc: number | null, aucLow: number | null = null, aucHigh: number | null = null) => ({
  auc,
  aucLow,
  aucHigh,
  topDecileLift: null,
  medianLeadDays: null,
  churnersFlagged: null,
  falseAlarmsPerMonth: null,
  bandChurnRates: {
    low: { observations: 0, churned: 0, rate: null },
    medium: { observations: 0, churned: 0, rate: null },
    high: { observations: 0, churned: 0, rate: null },
  },
})

describe('describe-model', () => {
  it('says the AUC as a sentence with its interval', () => {
    expect(aucSentence(ranking(0.78, 0.71, 0.84))).toBe(
      'Companies that churned were scored higher than ones that stayed 78% of the time (71–84%).',
    )
    expect(aucSentence(ranking(0.6))).toBe(
      'Companies that churned were scored higher than ones that stayed 60% of the time.',
    )
    expect(aucSentence(ranking(null))).toBeNull()
  })

  it.each([
    [ranking(0.7, 0.65, 0.75), ranking(0.6), 'beats', /clearly beats/],
    [ranking(0.62, 0.55, 0.69), ranking(0.6), 'unclear', /not by more than the noise/],
    [ranking(0.55, 0.5, 0.6), ranking(0.6), 'does_not_beat', /does not beat/],
  ] as const)('compares with the baseline (%#)', (current, baseline, verdict, sentence) => {
    expect(baselineVerdict(current, baseline)).toBe(verdict)
    expect(baselineSentence(current, baseline)).toMatch(sentence)
  })

  it('bins lead times by 30 days', () => {
    expect(leadTimeBins([5, 29, 30, 95])).toEqual([
      { label: '0–29 days', count: 2 },
      { label: '30–59 days', count: 1 },
      { label: '60–89 days', count: 0 },
      { label: '90–119 days', count: 1 },
    ])
    expect(leadTimeBins([])).toEqual([])
  })

  it('says what is missing instead of numbers', () => {
    expect(missingEvidence({ enoughEvidence: true, churnEvents: 40, cutoffs: 12, horizonDays: 90 })).toBeNull()
    expect(missingEvidence({ enoughEvidence: false, churnEvents: 7, cutoffs: 12, horizonDays: 90 })).toMatch(
      /^Only 7 companies churned within 90 days .* 13 more churn events/,
    )
    expect(missingEvidence({ enoughEvidence: false, churnEvents: 0, cutoffs: 0, horizonDays: 90 })).toMatch(
      /not enough history yet/,
    )
  })

  it('formats rates and definitions', () => {
    expect(formatRate(0.125)).toBe('13%')
    expect(formatRate(0.042)).toBe('4.2%')
    expect(formatRate(null)).toBe('—')
    expect(describeDefinition({ kind: 'property', property: 'lifecyclestage', churnedValues: ['other'] })).toBe(
      'Churned means a company property taking a churned value (lifecyclestage).',
    )
    expect(describeDefinition({ kind: 'upload' })).toBe('Churned means an uploaded list of churned companies.')
  })
})
