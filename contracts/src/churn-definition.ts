import { z } from 'zod'

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
