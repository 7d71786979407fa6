import type { ChurnOutcomeCounts } from '@churnlens/contracts'
import { describe, expect, it } from 'vitest'
import {
  definitionFromForm,
  describeEvidenceShortfall,
  describeOutcomeCounts,
  describePartialPreview,
  suggestChurnedValues,
  suggestPipeline,
} from '../../app/utils/describe-churn-definition'
import type { DefinitionForm } from '../../app/utils/describe-churn-definition'

const counts = (over: Partial<ChurnOutcomeCounts> = {}): ChurnOutcomeCounts => ({
  companies: 300,
  churned: 58,
  churnedLast24Months: 41,
  unknown: 0,
  unmatched: 0,
  monthly: [],
  ...over,
})

describe('what a churn definition yields, in words', () => {
  it('says the events in 24 months and in all, and what was left out', () => {
    expect(describeOutcomeCounts(counts())).toEqual([
      '41 churn events in the last 24 months (58 in all) among 300 companies.',
    ])
    expect(describeOutcomeCounts(counts({ churnedLast24Months: 1, companies: 1, unknown: 1, unmatched: 2 }))).toEqual([
      '1 churn event in the last 24 months (58 in all) among 1 company.',
      '1 company was already churned when its history begins, so the date is unknown: left out, not guessed.',
      '2 rows name no company synced from HubSpot and are ignored.',
    ])
  })

  it('warns below 20 events in 24 months, and only then', () => {
    expect(describeEvidenceShortfall(counts())).toBeNull()
    expect(describeEvidenceShortfall(counts({ churnedLast24Months: 19 }))).toMatch(/fewer than 20/)
  })

  it('says when a preview counted only the first part of a large portal', () => {
    expect(describePartialPreview(null)).toBeNull()
    expect(describePartialPreview({ read: 2000, unit: 'companies' })).toBe(
      'Counted from the first 2,000 companies HubSpot listed; saving reads them all.',
    )
  })
})

describe('first choices from the portal', () => {
  it('ticks values whose label says churned, and a churn checkbox’s "true"', () => {
    expect(
      suggestChurnedValues({
        name: 'lifecyclestage',
        label: 'Lifecycle Stage',
        kind: 'values',
        options: [
          { value: 'customer', label: 'Customer' },
          { value: '1024653', label: 'Former customer' },
          { value: 'other', label: 'Other' },
        ],
      }),
    ).toEqual(['1024653'])
    const checkbox = {
      kind: 'values' as const,
      options: [
        { value: 'true', label: 'Yes' },
        { value: 'false', label: 'No' },
      ],
    }
    expect(suggestChurnedValues({ name: 'churned', label: 'Churned', ...checkbox })).toEqual(['true'])
    expect(suggestChurnedValues({ name: 'vip', label: 'VIP', ...checkbox })).toEqual([])
    expect(suggestChurnedValues(undefined)).toEqual([])
  })

  it('picks a pipeline called renewals first', () => {
    const pipelines = [
      { id: 'default', label: 'Sales Pipeline', lostStages: [{ id: 'closedlost', label: 'Closed lost' }] },
      { id: '77', label: 'Renewals', lostStages: [{ id: '78', label: 'Churned' }] },
    ]
    expect(suggestPipeline({ properties: [], deals: { status: 'available', pipelines } })).toBe('77')
    expect(suggestPipeline({ properties: [], deals: { status: 'scope_missing', scope: 's' } })).toBeNull()
  })
})

describe('the definition a form means', () => {
  const form = (over: Partial<DefinitionForm>): DefinitionForm => ({
    kind: 'property',
    property: 'lifecyclestage',
    churnedValues: ['1024653'],
    dateProperty: 'churn_date',
    pipelineId: '77',
    csv: null,
    ...over,
  })
  it('builds each kind, and says what is missing', () => {
    expect(definitionFromForm(form({}))).toEqual({
      definition: { kind: 'property', property: 'lifecyclestage', churnedValues: ['1024653'] },
    })
    expect(definitionFromForm(form({ churnedValues: [] }))).toMatch(/Tick the value/)
    expect(definitionFromForm(form({ kind: 'date_property' }))).toEqual({
      definition: { kind: 'date_property', property: 'churn_date' },
    })
    expect(definitionFromForm(form({ kind: 'deals', pipelineId: '' }))).toBe('Choose a pipeline.')
    expect(definitionFromForm(form({ kind: 'upload' }))).toBe('Choose a CSV file to upload.')
    expect(definitionFromForm(form({ kind: 'upload', csv: 'a' }))).toEqual({ definition: { kind: 'upload' }, csv: 'a' })
  })
})
