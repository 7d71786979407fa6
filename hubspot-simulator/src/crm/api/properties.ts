import type { Context } from 'hono'
import { z } from 'zod'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import type { PropertyDefinition } from '../property-definitions'
import { definePropertyFromInput } from '../property-definitions'
import type { CrmRouteContext } from './crm-route'
import { parseApiBody, validationError } from './parse-api-body'

// What real definitions carry beyond the basics (recorded from a live portal): a currency flag on money amounts,
// the referenced object on owner fields.
const currencyProperties = new Set(['annualrevenue', 'amount', 'total_revenue', 'recent_deal_amount'])
const referencedObjectTypes: Record<string, string> = { hubspot_owner_id: 'OWNER' }

/**
 * HubSpot's Property model as a live portal sends it: HubSpot's own definitions carry `hubspotDefined: true` and no
 * `archived`; a created one carries `archived: false`, the creating user and no `hubspotDefined`.
 */
function describeProperty(definition: PropertyDefinition): object {
  const stamp = new Date(definition.createdAt).toISOString()
  const referencedObjectType = referencedObjectTypes[definition.name]
  return {
    updatedAt: stamp,
    createdAt: stamp,
    name: definition.name,
    label: definition.label,
    type: definition.type,
    fieldType: definition.fieldType,
    description: definition.description,
    groupName: definition.groupName,
    options: definition.options,
    displayOrder: -1,
    calculated: definition.calculated,
    externalOptions: false,
    hasUniqueValue: false,
    hidden: false,
    ...(definition.hubspotDefined
      ? { hubspotDefined: true }
      : { createdUserId: String(definition.createdUserId ?? 0), updatedUserId: String(definition.createdUserId ?? 0) }),
    ...(currencyProperties.has(definition.name) && definition.type === 'number' ? { showCurrencySymbol: true } : {}),
    ...(referencedObjectType ? { referencedObjectType } : {}),
    modificationMetadata: {
      archivable: !definition.hubspotDefined,
      readOnlyDefinition: definition.hubspotDefined,
      readOnlyValue: definition.readOnlyValue,
    },
    formField: !definition.readOnlyValue,
    dataSensitivity: 'non_sensitive',
    ...(definition.hubspotDefined ? {} : { archived: false }),
  }
}

/** GET /crm/v3/properties/{type} */
export function listProperties(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  { portal }: CrmRouteContext,
): Response {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  return c.json({ results: [...portal.properties[objectType].values()].map(describeProperty) })
}

/** GET /crm/v3/properties/{type}/{propertyName} */
export function getProperty(c: Context<SimEnv>, [objectType]: CrmObjectType[], { portal }: CrmRouteContext): Response {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const name = c.req.param('propertyName') ?? ''
  const definition = portal.properties[objectType].get(name)
  if (!definition)
    return hubspotError(c, 404, {
      message: `Unable to find property ${name} for object type ${objectType}`,
      category: 'OBJECT_NOT_FOUND',
    })
  return c.json(describeProperty(definition))
}

const propertyInput = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores'),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'datetime', 'date', 'enumeration', 'bool']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z
    .array(
      z.object({
        label: z.string(),
        value: z.string(),
        displayOrder: z.number().int().optional(),
        hidden: z.boolean().optional(),
      }),
    )
    .optional(),
})

/** POST /crm/v3/properties/{type} → 201; 409 OBJECT_ALREADY_EXISTS for a taken name. */
export async function createProperty(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const body = await parseApiBody(c, propertyInput)
  if (!body.ok) return body.error
  const definitions = ctx.portal.properties[objectType]
  if (definitions.has(body.value.name)) {
    return hubspotError(c, 409, {
      message: `A property named '${body.value.name}' already exists.`,
      category: 'OBJECT_ALREADY_EXISTS',
    })
  }
  const options = (body.value.options ?? []).map((option, index) => ({
    label: option.label,
    value: option.value,
    displayOrder: option.displayOrder ?? index,
    hidden: option.hidden ?? false,
  }))
  const definition = definePropertyFromInput(
    {
      name: body.value.name,
      label: body.value.label,
      type: body.value.type,
      fieldType: body.value.fieldType,
      description: body.value.description ?? '',
      options,
    },
    body.value.groupName,
    ctx.now,
  )
  definition.createdUserId = ctx.userId
  definitions.set(definition.name, definition)
  return c.json(describeProperty(definition), 201)
}
