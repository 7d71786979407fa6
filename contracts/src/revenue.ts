import { z } from 'zod'
import { dealsAvailabilitySchema, hubspotReadErrors } from './hubspot-read'
import { revenueSourceLabelSchema } from './churn'

/** HubSpot internal property names: lower case, digits and underscores. */
const propertyName = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,100}$/, 'Use the property’s internal name, e.g. annualrevenue.')
const pipelineId = z.string().trim().min(1).max(64)

/**
 * Where a company's revenue comes from:
 * - `property`: a company number property (`annualrevenue`, or a custom ARR/MRR property);
 * - `deals`: the sum of `amount` of the company's open deals in the pipeline picked (needs the deals scope).
 */
export const revenueSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('property'), property: propertyName }),
  z.strictObject({ kind: z.literal('deals'), pipelineId }),
])
export type RevenueSource = z.infer<typeof revenueSourceSchema>

/**
 * Where a company's renewal date comes from: nowhere, a company date/datetime property, or the close date
 * of the company's next open deal in the pipeline picked.
 */
export const renewalSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('property'), property: propertyName }),
  z.strictObject({ kind: z.literal('deals'), pipelineId }),
])
export type RenewalSource = z.infer<typeof renewalSourceSchema>

export const revenueSettingsSchema = z.strictObject({ revenue: revenueSourceSchema, renewal: renewalSourceSchema })
export type RevenueSettings = z.infer<typeof revenueSettingsSchema>

/** What a workspace that never chose reads: HubSpot's own annual revenue, no renewal date. */
export const DEFAULT_REVENUE_SETTINGS: RevenueSettings = {
  revenue: { kind: 'property', property: 'annualrevenue' },
  renewal: { kind: 'none' },
}

/** Where the background recompute of every company's revenue and renewal stands. */
export const revenueRecomputeStatuses = ['pending', 'ready', 'failed'] as const

export const revenueSettingsViewSchema = z.object({
  settings: revenueSettingsSchema,
  /** Null while the workspace uses the default. */
  setAt: z.iso.datetime().nullable(),
  labels: revenueSourceLabelSchema,
  recompute: z.object({
    status: z.enum(revenueRecomputeStatuses).nullable(),
    recomputedAt: z.iso.datetime().nullable(),
    error: z.string().nullable(),
  }),
  viewer: z.object({ canChange: z.boolean() }),
})
export type RevenueSettingsView = z.infer<typeof revenueSettingsViewSchema>

export const revenuePropertyOptionSchema = z.object({ name: z.string(), label: z.string() })
export type RevenuePropertyOption = z.infer<typeof revenuePropertyOptionSchema>

export const revenueSettingsOptionsSchema = z.object({
  /** Company number properties (currency ones included), `annualrevenue` first. */
  numberProperties: z.array(revenuePropertyOptionSchema),
  /** Company date and datetime properties. */
  dateProperties: z.array(revenuePropertyOptionSchema),
  deals: dealsAvailabilitySchema(z.object({ id: z.string(), label: z.string() })),
})
export type RevenueSettingsOptions = z.infer<typeof revenueSettingsOptionsSchema>

export const getRevenueSettingsErrors = ['unauthenticated'] as const
export const revenueSettingsOptionsErrors = ['unauthenticated', 'forbidden', ...hubspotReadErrors] as const
export const saveRevenueSettingsErrors = [
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  ...hubspotReadErrors,
  'deals_scope_missing',
  'unknown_property',
  'not_a_number_property',
  'not_a_date_property',
  'unknown_pipeline',
] as const
