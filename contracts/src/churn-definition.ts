import { z } from 'zod'
import { dealsAvailabilitySchema, hubspotReadErrors } from './hubspot-read'

/** HubSpot internal property names: lower case, digits and underscores. */
const propertyName = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,100}$/, 'Use the property’s internal name, e.g. lifecyclestage.')

/**
 * What "churned" means for a workspace, chosen by an owner:
 * - `property`: a company property whose change to one of `churnedValues` marks the churn date
 *   (e.g. `lifecyclestage` set to a former-customer stage), read with its change history;
 * - `date_property`: a company date property that holds the churn date itself (e.g. `churn_date`);
 * - `deals`: a lost renewal deal in the pipeline picked (needs the optional deals scope);
 * - `upload`: a CSV of `company_id,churned_at` uploaded to Churnlens.
 */
export const churnDefinitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('property'),
    property: propertyName,
    churnedValues: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  }),
  z.strictObject({ kind: z.literal('date_property'), property: propertyName }),
  z.strictObject({ kind: z.literal('deals'), pipelineId: z.string().trim().min(1).max(64) }),
  z.strictObject({ kind: z.literal('upload') }),
])
export type ChurnDefinition = z.infer<typeof churnDefinitionSchema>
export type ChurnDefinitionKind = ChurnDefinition['kind']

/** Where the outcomes a definition yields stand: read from HubSpot in the background. */
export const churnOutcomesStatuses = ['pending', 'ready', 'failed'] as const
export type ChurnOutcomesStatus = (typeof churnOutcomesStatuses)[number]

/** The largest outcomes CSV accepted: about 100,000 companies. */
export const MAX_OUTCOMES_CSV_CHARS = 5_000_000

/** A definition as sent: an upload carries its CSV (`company_id,churned_at[,customer_since]`) along. */
export const churnDefinitionInputSchema = z
  .strictObject({
    definition: churnDefinitionSchema,
    csv: z.string().max(MAX_OUTCOMES_CSV_CHARS, 'The file is too large (at most about 5 MB).').optional(),
  })
  .refine((input) => input.definition.kind !== 'upload' || (input.csv ?? '').trim() !== '', {
    message: 'Choose a CSV file of company_id,churned_at.',
    path: ['csv'],
  })
export type ChurnDefinitionInput = z.infer<typeof churnDefinitionInputSchema>

/** What a definition yields: the counts a person judges it by. */
export const churnOutcomeCountsSchema = z.object({
  /** Companies the definition was read for (synced companies; for an upload, the rows that match one). */
  companies: z.number().int().nonnegative(),
  /** Companies that churned at any time the data tells. */
  churned: z.number().int().nonnegative(),
  /** Churn events in the 24 months before now: what a backtest can use. */
  churnedLast24Months: z.number().int().nonnegative(),
  /** Companies whose churn date cannot be known (e.g. marked churned from their first record): left out. */
  unknown: z.number().int().nonnegative(),
  /** Uploaded rows naming a company Churnlens has not synced (0 for HubSpot definitions). */
  unmatched: z.number().int().nonnegative(),
  /** Churn events per calendar month over the last 24 months, oldest first (`YYYY-MM`). */
  monthly: z.array(z.object({ month: z.string(), churned: z.number().int().nonnegative() })),
})
export type ChurnOutcomeCounts = z.infer<typeof churnOutcomeCountsSchema>

export const churnDefinitionPreviewSchema = z.object({
  counts: churnOutcomeCountsSchema,
  /** Set when only the first part of a large portal was read for the preview: the counts are that part's. */
  partial: z.object({ read: z.number().int(), unit: z.enum(['companies', 'deals']) }).nullable(),
})
export type ChurnDefinitionPreview = z.infer<typeof churnDefinitionPreviewSchema>

export const churnDefinitionViewSchema = z.object({
  definition: churnDefinitionSchema.nullable(),
  setAt: z.iso.datetime().nullable(),
  outcomes: z.object({
    status: z.enum(churnOutcomesStatuses).nullable(),
    refreshedAt: z.iso.datetime().nullable(),
    error: z.string().nullable(),
    counts: churnOutcomeCountsSchema.nullable(),
  }),
  viewer: z.object({ canChange: z.boolean() }),
})
export type ChurnDefinitionView = z.infer<typeof churnDefinitionViewSchema>

/** A company property a definition can use, with its options when it has a fixed set. */
export const churnPropertyOptionSchema = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['values', 'date']),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
})
export type ChurnPropertyOption = z.infer<typeof churnPropertyOptionSchema>

export const dealPipelineOptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  lostStages: z.array(z.object({ id: z.string(), label: z.string() })),
})
export type DealPipelineOption = z.infer<typeof dealPipelineOptionSchema>

export const churnDefinitionOptionsSchema = z.object({
  properties: z.array(churnPropertyOptionSchema),
  deals: dealsAvailabilitySchema(dealPipelineOptionSchema),
})
export type ChurnDefinitionOptions = z.infer<typeof churnDefinitionOptionsSchema>

const definitionCheckErrors = [
  'deals_scope_missing',
  'unknown_property',
  'unknown_pipeline',
  'invalid_outcomes_csv',
] as const

export const getChurnDefinitionErrors = ['unauthenticated'] as const
export const churnDefinitionOptionsErrors = ['unauthenticated', 'forbidden', ...hubspotReadErrors] as const
export const previewChurnDefinitionErrors = [
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  ...hubspotReadErrors,
  ...definitionCheckErrors,
] as const
export const saveChurnDefinitionErrors = previewChurnDefinitionErrors
