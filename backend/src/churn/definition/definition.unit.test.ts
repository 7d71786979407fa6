import { describe, expect, it } from 'vitest'
import { stageOutcome } from '../../integrations/hubspot/crm/list-deal-pipelines'
import { outcomeFromDateProperty, parseHubspotDate } from '../outcomes/outcome-from-date-property'
import { countOutcomes } from './count-outcomes'
import { toChurnPropertyOptions } from './load-churn-definition-options'
import { parseOutcomesCsv } from './parse-outcomes-csv'

const at = (iso: string) => Date.parse(iso)

describe('an uploaded outcomes file', () => {
  it('reads company_id,churned_at with an optional customer_since, empty meaning still a customer', () => {
    const parsed = parseOutcomesCsv('\uFEFFCompany_ID,churned_at,customer_since\n1,2025-03-01,2023-01-01\n2,,\n')
    expect(parsed).toEqual({
      ok: true,
      value: [
        { companyId: '1', churnedAt: at('2025-03-01T00:00:00Z'), customerSince: at('2023-01-01T00:00:00Z') },
        { companyId: '2', churnedAt: null, customerSince: null },
      ],
    })
  })

  it.each([
    ['company_id\n1\n', 1, /header lacks churned_at/],
    ['company_id,churned_at\n1,2025-03-01\n1,\n', 3, /company 1 appears twice/],
    ['company_id,churned_at\n1,01/03/2025\n', 2, /not an ISO-8601 date/],
    ['company_id,churned_at\n,2025-03-01\n', 2, /company_id is empty/],
    ['company_id,churned_at,customer_since\n1,2024-01-01,2025-01-01\n', 2, /before customer_since/],
    ['company_id,churned_at\n1,"2025-03-01\n', 2, /quote|closed/i],
  ])('names the line of the first problem: %j', (text, line, message) => {
    const parsed = parseOutcomesCsv(text)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.line).toBe(line)
    expect(parsed.error.message).toMatch(message)
  })

  it('refuses a file with a header and no rows', () => {
    expect(parseOutcomesCsv('company_id,churned_at\n')).toMatchObject({ ok: false, error: { line: null } })
  })
})

describe('counting what a definition yields', () => {
  it('counts churn in the last 24 months month by month, apart from older churn and unknowns', () => {
    const now = new Date('2026-11-30T12:00:00Z')
    const counts = countOutcomes(
      [
        { companyId: 1, customerSince: null, churnedAt: at('2026-11-02T00:00:00Z'), unknown: false },
        { companyId: 2, customerSince: null, churnedAt: at('2024-12-01T00:00:00Z'), unknown: false },
        { companyId: 3, customerSince: null, churnedAt: at('2024-11-30T00:00:00Z'), unknown: false },
        { companyId: 4, customerSince: null, churnedAt: null, unknown: false },
        { companyId: 5, customerSince: null, churnedAt: null, unknown: true },
      ],
      now,
      2,
    )
    expect(counts).toMatchObject({ companies: 5, churned: 3, churnedLast24Months: 2, unknown: 1, unmatched: 2 })
    expect(counts.monthly).toHaveLength(24)
    expect(counts.monthly[0]).toEqual({ month: '2024-12', churned: 1 })
    expect(counts.monthly[23]).toEqual({ month: '2026-11', churned: 1 })
  })
})

describe('reading HubSpot values', () => {
  it('parses HubSpot dates in each form the API has used, and nothing else', () => {
    expect(parseHubspotDate('2025-03-14')).toBe(at('2025-03-14T00:00:00Z'))
    expect(parseHubspotDate('2025-03-14T10:00:00.000Z')).toBe(at('2025-03-14T10:00:00Z'))
    expect(parseHubspotDate('1741910400000')).toBe(1741910400000)
    expect(parseHubspotDate('soon')).toBeNull()
    expect(parseHubspotDate(' ')).toBeNull()
  })

  it('takes the latest value of a churn-date property; cleared means a customer again; garbage is left out', () => {
    const entries = [
      { value: '2025-01-10', timestamp: 1 },
      { value: '2025-02-10', timestamp: 2 },
    ]
    expect(outcomeFromDateProperty(entries).churnedAt).toBe(at('2025-02-10T00:00:00Z'))
    expect(outcomeFromDateProperty([...entries, { value: '', timestamp: 3 }])).toEqual({
      customerSince: null,
      churnedAt: null,
      unknown: false,
    })
    expect(outcomeFromDateProperty([{ value: 'n/a', timestamp: 1 }]).unknown).toBe(true)
    expect(outcomeFromDateProperty([]).churnedAt).toBeNull()
  })

  it('reads a deal stage as won, lost or open from its metadata strings', () => {
    expect(stageOutcome({ isClosed: 'true', probability: '0.0' })).toBe('lost')
    expect(stageOutcome({ isClosed: 'true', probability: '1.0' })).toBe('won')
    expect(stageOutcome({ isClosed: 'false', probability: '0.0' })).toBe('open')
    expect(stageOutcome(undefined)).toBe('open')
  })

  it('offers enumerations, checkboxes and dates, lifecycle stage first; plain text is not offered', () => {
    const options = toChurnPropertyOptions([
      { name: 'churned', label: 'Churned', type: 'bool', options: [] },
      { name: 'name', label: 'Name', type: 'string', options: [] },
      { name: 'churn_date', label: 'Churn date', type: 'date', options: [] },
      {
        name: 'lifecyclestage',
        label: 'Lifecycle Stage',
        type: 'enumeration',
        options: [{ value: 'customer', label: 'Customer' }],
      },
      { name: 'empty_enum', label: 'Nothing', type: 'enumeration', options: [] },
    ])
    expect(options.map((o) => o.name)).toEqual(['lifecyclestage', 'churn_date', 'churned'])
    expect(options[2]!.options).toEqual([
      { value: 'true', label: 'Yes' },
      { value: 'false', label: 'No' },
    ])
  })
})
