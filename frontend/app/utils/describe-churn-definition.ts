import type {
  ChurnDefinition,
  ChurnDefinitionKind,
  ChurnDefinitionOptions,
  ChurnDefinitionPreview,
  ChurnOutcomeCounts,
  ChurnPropertyOption,
} from '@churnlens/contracts'

/*
 * What the churn-definition settings say and suggest: the sentences about what a definition yields,
 * sensible first choices from the portal's own properties, and the definition a filled-in form means.
 */

/** Below this many churn events the backtest shows what is missing instead of numbers. */
export const MIN_CHURN_EVENTS = 20

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * "41 churn events in the last 24 months (58 in all) among 300 companies." and what was left out.
 * @example describeOutcomeCounts({ companies: 300, churned: 58, churnedLast24Months: 41, unknown: 3, unmatched: 0, monthly: [] })
 */
export function describeOutcomeCounts(counts: ChurnOutcomeCounts): string[] {
  const lines = [
    `${plural(counts.churnedLast24Months, 'churn event')} in the last 24 months (${counts.churned.toLocaleString('en-US')} in all) among ${plural(counts.companies, 'company', 'companies')}.`,
  ]
  if (counts.unknown > 0)
    lines.push(
      `${plural(counts.unknown, 'company', 'companies')} ${counts.unknown === 1 ? 'was' : 'were'} already churned when ${counts.unknown === 1 ? 'its' : 'their'} history begins, so the date is unknown: left out, not guessed.`,
    )
  if (counts.unmatched > 0)
    lines.push(
      `${plural(counts.unmatched, 'row')} name${counts.unmatched === 1 ? 's' : ''} no company synced from HubSpot and ${counts.unmatched === 1 ? 'is' : 'are'} ignored.`,
    )
  return lines
}

/** The warning when a definition yields too little to test the score on, or null. */
export function describeEvidenceShortfall(counts: ChurnOutcomeCounts): string | null {
  if (counts.churnedLast24Months >= MIN_CHURN_EVENTS) return null
  return `That is fewer than ${MIN_CHURN_EVENTS} churn events in 24 months: the model page will say what is missing instead of showing numbers.`
}

export function describePartialPreview(partial: ChurnDefinitionPreview['partial']): string | null {
  if (!partial) return null
  return `Counted from the first ${plural(partial.read, partial.unit === 'companies' ? 'company' : 'deal', partial.unit)} HubSpot listed; saving reads them all.`
}

const churnWords = /former|churn|lost|cancel|ex-?customer|inactive/i

/** The values of a property that look like "churned" by their label, to tick first. */
export function suggestChurnedValues(property: ChurnPropertyOption | undefined): string[] {
  if (!property) return []
  if (property.options.some((o) => o.value === 'true') && property.options.some((o) => o.value === 'false'))
    return /churn|cancel|lost/i.test(property.name + property.label) ? ['true'] : []
  return property.options.filter((o) => churnWords.test(o.label)).map((o) => o.value)
}

/** The pipeline to offer first: one called renewals, else the first with a lost stage. */
export function suggestPipeline(options: ChurnDefinitionOptions): string | null {
  if (options.deals.status !== 'available') return null
  const pipelines = options.deals.pipelines
  return (pipelines.find((p) => /renew/i.test(p.label)) ?? pipelines[0])?.id ?? null
}

export interface DefinitionForm {
  kind: ChurnDefinitionKind
  property: string
  churnedValues: string[]
  dateProperty: string
  pipelineId: string
  csv: string | null
}

/** The definition a filled-in form means, or what is still missing in words. */
export function definitionFromForm(form: DefinitionForm): { definition: ChurnDefinition; csv?: string } | string {
  switch (form.kind) {
    case 'property':
      if (!form.property) return 'Choose a property.'
      if (form.churnedValues.length === 0) return 'Tick the value or values that mean a company has churned.'
      return { definition: { kind: 'property', property: form.property, churnedValues: form.churnedValues } }
    case 'date_property':
      return form.dateProperty
        ? { definition: { kind: 'date_property', property: form.dateProperty } }
        : 'Choose the date property.'
    case 'deals':
      return form.pipelineId ? { definition: { kind: 'deals', pipelineId: form.pipelineId } } : 'Choose a pipeline.'
    case 'upload':
      return form.csv ? { definition: { kind: 'upload' }, csv: form.csv } : 'Choose a CSV file to upload.'
  }
}
