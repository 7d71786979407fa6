import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import { associationSpec } from '../association-types'
import type { CrmObjectType } from '../change-feed'
import type { CreateRecordInput } from '../create-record'
import { createRecord } from '../create-record'
import { crmObjectTypes } from '../object-types'
import type { CrmRouteContext } from './crm-route'
import { createObjectInput } from './object-input-schemas'
import { parseApiBody, validationError } from './parse-api-body'
import { allPropertyNames, toApiObject } from './to-api-object'
import { writeErrorResponse } from './write-error-response'

/** POST /crm/v3/objects/{type} → 201 (@hubspot/api-client rejects a 200 here). */
export async function createObject(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const body = await parseApiBody(c, createObjectInput)
  if (!body.ok) return body.error
  const associations: NonNullable<CreateRecordInput['associations']> = []
  for (const link of body.value.associations ?? []) {
    for (const type of link.types) {
      const target = targetOfTypeId(objectType, type.associationTypeId)
      if (!target) return validationError(c, `Invalid association type ${type.associationTypeId} for ${objectType}.`)
      associations.push({ toType: target.toType, toId: link.to.id, primary: target.primary })
    }
  }
  const created = createRecord(ctx.write(), objectType, { properties: body.value.properties, associations })
  if (!created.ok) return writeErrorResponse(c, created.error)
  return c.json(toApiObject(ctx.portal, created.value, allPropertyNames(created.value)), 201)
}

/** Association type ids name their direction: 26 from a ticket is "primary company", 16 is "contact". */
export function targetOfTypeId(
  fromType: CrmObjectType,
  typeId: number,
): { toType: CrmObjectType; primary: boolean } | undefined {
  for (const toType of crmObjectTypes) {
    const spec = associationSpec(fromType, toType)
    if (spec?.defaultTypeId === typeId) return { toType, primary: false }
    if (spec?.primaryTypeId === typeId) return { toType, primary: true }
  }
  return undefined
}
