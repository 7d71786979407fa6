import { describe, expect, it } from 'vitest'
import {
  bandLabel,
  bandRiskLabel,
  bandsByRisk,
  bandTone,
  bucketLabel,
  companyDisplayName,
  describeTicketCount,
  formatDate,
  formatMonth,
  formatPoints,
  formatPriority,
  formatTrend,
  sentenceCase,
  signalLabel,
  SUMMARY_POLL_MS,
  SUMMARY_SCORING_POLL_MS,
  summaryPollDelay,
} from '../../app/utils/describe-churn'

describe('band labels', () => {
  it('names and colours each band, riskiest first', () => {
    expect(bandsByRisk).toEqual(['high', 'medium', 'low'])
    expect(bandLabel('high')).toBe('High')
    expect(bandLabel('medium')).toBe('Medium')
    expect(bandLabel('low')).toBe('Low')
    expect(bandRiskLabel('high')).toBe('High risk')
    expect(bandTone('high')).toBe('bad')
    expect(bandTone('medium')).toBe('warn')
    expect(bandTone('low')).toBe('ok')
  })
})

describe('formatTrend', () => {
  it('shows rising risk with an up arrow and a plus', () => {
    expect(formatTrend(12)).toEqual({ direction: 'up', arrow: '↑', text: '+12', label: 'Risk up 12 points' })
  })
  it('shows falling risk with a down arrow and a real minus sign', () => {
    expect(formatTrend(-4)).toEqual({ direction: 'down', arrow: '↓', text: '−4', label: 'Risk down 4 points' })
  })
  it('says "point" for one, and unchanged for zero', () => {
    expect(formatTrend(1).label).toBe('Risk up 1 point')
    expect(formatTrend(-1).label).toBe('Risk down 1 point')
    expect(formatTrend(0)).toEqual({ direction: 'flat', arrow: '→', text: '0', label: 'Risk unchanged' })
  })
})

describe('companyDisplayName', () => {
  it('prefers the name, then the domain, then the id', () => {
    expect(companyDisplayName({ id: 7, name: 'Acme', domain: 'acme.com' })).toBe('Acme')
    expect(companyDisplayName({ id: 7, name: '  ', domain: 'acme.com' })).toBe('acme.com')
    expect(companyDisplayName({ id: 7, name: null, domain: null })).toBe('Company 7')
  })
})

describe('words and numbers', () => {
  it('capitalises evidence sentences', () => {
    expect(sentenceCase('3 tickets reopened')).toBe('3 tickets reopened')
    expect(sentenceCase('tickets take 2× longer')).toBe('Tickets take 2× longer')
    expect(sentenceCase('')).toBe('')
  })
  it('names known signals and reads unknown ones', () => {
    expect(signalLabel('cancellation_language')).toBe('Cancellation language')
    expect(signalLabel('brand_new_signal')).toBe('Brand new signal')
    expect(signalLabel('toString')).toBe('ToString')
  })
  it('counts tickets', () => {
    expect(describeTicketCount(1)).toBe('1 ticket')
    expect(describeTicketCount(0)).toBe('0 tickets')
    expect(describeTicketCount(1234)).toBe('1,234 tickets')
  })
  it('shows reason points with a sign and at most one decimal', () => {
    expect(formatPoints(25)).toBe('+25')
    expect(formatPoints(12.5)).toBe('+12.5')
    expect(formatPoints(3.04)).toBe('+3')
  })
  it('formats months, dates, buckets and priorities', () => {
    expect(formatMonth('2026-03')).toBe('Mar 2026')
    expect(formatMonth('2025-12')).toBe('Dec 2025')
    expect(formatMonth('soon')).toBe('soon')
    expect(formatDate(null)).toBe('—')
    expect(formatDate('not a date')).toBe('—')
    expect(formatDate('2026-03-04T12:00:00.000Z')).toBe('Mar 4, 2026')
    expect(bucketLabel({ from: 90, to: 100 })).toBe('90–100')
    expect(formatPriority('URGENT')).toBe('Urgent')
    expect(formatPriority(null)).toBe('—')
  })
})

describe('summaryPollDelay', () => {
  it('polls every 3 s while the first import runs and nothing is scored', () => {
    expect(summaryPollDelay(0, null)).toBe(3_000)
    expect(summaryPollDelay(0, 'not_started')).toBe(SUMMARY_POLL_MS)
    expect(summaryPollDelay(0, 'initial_sync')).toBe(SUMMARY_POLL_MS)
  })
  it('waits a little longer once the import finished and scoring is under way', () => {
    expect(summaryPollDelay(0, 'up_to_date')).toBe(SUMMARY_SCORING_POLL_MS)
  })
  it('stops once scores exist', () => {
    expect(summaryPollDelay(1, 'initial_sync')).toBeNull()
    expect(summaryPollDelay(20_000, 'up_to_date')).toBeNull()
  })
})
