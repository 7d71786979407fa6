import type { CrmObjectType } from './change-feed'
import type { CrmWriteContext } from './crm-write-context'
import { associationName } from './association-types'

/** HubSpot reports an association change once per direction (CONTACT_TO_COMPANY and COMPANY_TO_CONTACT). */
export function publishAssociationChange(
  ctx: CrmWriteContext,
  link: { fromType: CrmObjectType; fromId: string; toType: CrmObjectType; toId: string },
  removed: boolean,
): void {
  const directions = [
    {
      objectType: link.fromType,
      fromObjectId: link.fromId,
      toObjectId: link.toId,
      associationType: associationName(link.fromType, link.toType),
    },
    {
      objectType: link.toType,
      fromObjectId: link.toId,
      toObjectId: link.fromId,
      associationType: associationName(link.toType, link.fromType),
    },
  ]
  for (const direction of directions) {
    ctx.changes.publish({
      kind: 'associationChange',
      objectType: direction.objectType,
      portalId: ctx.portal.portalId,
      fromObjectId: direction.fromObjectId,
      toObjectId: direction.toObjectId,
      associationType: direction.associationType.toUpperCase(),
      associationRemoved: removed,
      occurredAt: ctx.now,
      changeSource: ctx.changeSource,
    })
  }
}
