import type { Result } from '../result'
import { err, ok } from '../result'
import { applyPropertyChanges } from './apply-property-changes'
import type { CrmObjectType } from './change-feed'
import type { CrmRecord } from './crm-record'
import { readProperty } from './crm-record'
import { checkDealStage } from './check-deal-stage'
import type { CrmWriteContext } from './crm-write-context'
import type { CrmWriteError } from './crm-write-error'
import { notFoundError } from './crm-write-error'
import type { PropertyInputValue } from './normalize-property-values'
import { normalizePropertyValues } from './normalize-property-values'
import { findRecord } from './object-store'
import { publishPropertyChanges } from './publish-property-changes'

/** PATCH semantics: only the given properties change ("" or null clears); unchanged values publish nothing. */
export function updateRecord(
  ctx: CrmWriteContext,
  objectType: CrmObjectType,
  id: string,
  properties: Readonly<Record<string, PropertyInputValue>>,
): Result<CrmRecord, CrmWriteError> {
  const record = findRecord(ctx.portal.objects[objectType], id)
  if (!record) return err(notFoundError(id))
  const normalized = normalizePropertyValues(ctx.portal.properties[objectType], properties)
  if (!normalized.ok) return normalized
  const values = { ...normalized.value }
  if (objectType === 'deals' && (values.pipeline !== undefined || values.dealstage !== undefined)) {
    const pipeline = values.pipeline === undefined ? readProperty(record, 'pipeline') : values.pipeline
    const badStage = checkDealStage(
      ctx.portal.dealPipelines,
      pipeline,
      values.dealstage === undefined ? readProperty(record, 'dealstage') : values.dealstage,
    )
    if (badStage) return err(badStage)
  }
  if (values.createdate !== undefined && values.createdate !== null) record.createdAt = Date.parse(values.createdate)
  publishPropertyChanges(ctx, record, applyPropertyChanges(ctx, record, values))
  return ok(record)
}
