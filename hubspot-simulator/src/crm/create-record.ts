import type { Result } from '../result'
import { err, ok } from '../result'
import { associate } from './association-store'
import { associationSpec } from './association-types'
import { checkDealStage } from './check-deal-stage'
import type { CrmObjectType } from './change-feed'
import type { CrmRecord } from './crm-record'
import type { CrmWriteContext } from './crm-write-context'
import type { CrmWriteError } from './crm-write-error'
import { applyPropertyChanges } from './apply-property-changes'
import { insertRecord } from './insert-record'
import type { PropertyInputValue } from './normalize-property-values'
import { normalizePropertyValues } from './normalize-property-values'
import { findRecord } from './object-store'
import { publishAssociationChange } from './publish-association-change'
import { publishPropertyChanges } from './publish-property-changes'
import { defaultPipelineId } from './ticket-pipeline'

/** What HubSpot refuses to create without (deals: a choice, HubSpot's UI asks for both). */
const requiredProperties: Partial<Record<CrmObjectType, readonly string[]>> = {
  tickets: ['subject', 'hs_pipeline_stage'],
  deals: ['dealname', 'dealstage'],
  // The due date (facts §G).
  tasks: ['hs_timestamp'],
}

export interface CreateRecordInput {
  properties: Record<string, PropertyInputValue>
  associations?: { toType: CrmObjectType; toId: string; primary?: boolean }[]
}

/**
 * Creates a record: validates values, fills HubSpot's defaults, links associations, then publishes creation,
 * one propertyChange per initial value (HubSpot sends those for creates too) and the association changes.
 * `lenient` (control API) fills a missing ticket or deal stage ("1", the pipeline's first) instead of answering HubSpot's 400.
 */
export function createRecord(
  ctx: CrmWriteContext,
  objectType: CrmObjectType,
  input: CreateRecordInput,
  lenient = false,
): Result<CrmRecord, CrmWriteError> {
  const normalized = normalizePropertyValues(ctx.portal.properties[objectType], input.properties)
  if (!normalized.ok) return normalized
  const values = { ...normalized.value }
  const required = requiredProperties[objectType] ?? []
  if (objectType === 'tickets') {
    values.hs_pipeline ??= defaultPipelineId
    if (lenient) values.hs_pipeline_stage ??= '1'
  }
  if (objectType === 'deals') {
    values.pipeline ??= 'default'
    if (lenient)
      values.dealstage ??=
        ctx.portal.dealPipelines.find((pipeline) => pipeline.id === values.pipeline)?.stages[0]?.id ?? null
    const badStage = checkDealStage(ctx.portal.dealPipelines, values.pipeline, values.dealstage ?? null)
    if (badStage) return err(badStage)
  }
  if (objectType === 'tasks') {
    const owner = values.hubspot_owner_id
    if (owner && !ctx.portal.owners.some((o) => o.id === owner && !o.archived))
      return err({ category: 'VALIDATION_ERROR', message: invalidOwnerMessage(owner) })
  }
  const missing = required.filter((name) => values[name] === undefined || values[name] === null)
  if (missing.length > 0)
    return err({ category: 'VALIDATION_ERROR', message: `Missing required properties: ${missing.join(', ')}` })

  const targets: { toType: CrmObjectType; toId: string; primary: boolean }[] = []
  for (const link of input.associations ?? []) {
    const target = associationSpec(objectType, link.toType)
      ? findRecord(ctx.portal.objects[link.toType], link.toId)
      : undefined
    if (!target)
      return err({
        category: 'VALIDATION_ERROR',
        message: `Invalid association: no ${link.toType} with id ${link.toId} to associate with.`,
      })
    targets.push({ toType: link.toType, toId: target.id, primary: link.primary ?? false })
  }

  const createdate = values.createdate ? Date.parse(values.createdate) : ctx.now
  delete values.createdate
  const record = insertRecord(ctx.portal.objects[objectType], {}, createdate, ctx.now)
  const changed = applyPropertyChanges(ctx, record, values)
  record.updatedAt = ctx.now

  ctx.changes.publish({
    kind: 'creation',
    objectType,
    portalId: ctx.portal.portalId,
    objectId: record.id,
    occurredAt: ctx.now,
    changeSource: ctx.changeSource,
  })
  publishPropertyChanges(ctx, record, [['createdate', record.properties.createdate ?? null], ...changed])
  for (const target of targets) {
    const link = { fromType: objectType, fromId: record.id, toType: target.toType, toId: target.toId }
    associate(ctx.portal.associations, { ...link, primary: target.primary })
    publishAssociationChange(ctx, link, false)
  }
  return ok(record)
}

/** HubSpot's answer for an owner id that is no owner of the portal (a user id, say): the property-values form. */
function invalidOwnerMessage(owner: string): string {
  const problem = {
    isValid: false,
    message: `${owner} is not a valid owner id`,
    error: 'INVALID_OWNER_ID',
    name: 'hubspot_owner_id',
  }
  return `Property values were not valid: ${JSON.stringify([problem])}`
}
