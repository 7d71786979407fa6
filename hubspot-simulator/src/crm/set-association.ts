import type { Result } from '../result'
import { err, ok } from '../result'
import { associate, dissociate } from './association-store'
import { associationSpec } from './association-types'
import type { CrmObjectType } from './change-feed'
import type { CrmWriteContext } from './crm-write-context'
import type { CrmWriteError } from './crm-write-error'
import { notFoundError } from './crm-write-error'
import { findRecord } from './object-store'
import { publishAssociationChange } from './publish-association-change'

export interface AssociationInput {
  fromType: CrmObjectType
  fromId: string
  toType: CrmObjectType
  toId: string
  /** Also label it primary (ticket→company, contact→company and their inverses). */
  primary?: boolean
  /** Remove every association between the two records instead. */
  remove?: boolean
}

/** Adds (or removes) an association between two live records and publishes both directions. */
export function setAssociation(
  ctx: CrmWriteContext,
  input: AssociationInput,
): Result<{ changed: boolean }, CrmWriteError> {
  if (!associationSpec(input.fromType, input.toType)) {
    return err({
      category: 'VALIDATION_ERROR',
      message: `${input.fromType} can't be associated with ${input.toType} by default.`,
    })
  }
  const from = findRecord(ctx.portal.objects[input.fromType], input.fromId)
  if (!from) return err(notFoundError(input.fromId))
  const to = findRecord(ctx.portal.objects[input.toType], input.toId)
  if (!to) return err(notFoundError(input.toId))
  const link = { fromType: input.fromType, fromId: from.id, toType: input.toType, toId: to.id }

  if (input.remove) {
    const changed = dissociate(ctx.portal.associations, link.fromType, link.fromId, link.toType, link.toId)
    if (changed) publishAssociationChange(ctx, link, true)
    return ok({ changed })
  }
  associate(ctx.portal.associations, { ...link, primary: input.primary ?? false })
  publishAssociationChange(ctx, link, false)
  return ok({ changed: true })
}
