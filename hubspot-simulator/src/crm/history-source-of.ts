import type { CrmWriteContext } from './crm-write-context'
import type { HistorySource } from './property-history-entry'

/** A UI write is a person's (`userId:<id>`, as HubSpot writes it); an API write is the integration's. */
export function historySourceOf(ctx: Pick<CrmWriteContext, 'changeSource' | 'userId'>): HistorySource {
  if (ctx.changeSource === 'CRM_UI' && ctx.userId !== undefined)
    return { sourceType: 'CRM_UI', sourceId: `userId:${ctx.userId}`, updatedByUserId: ctx.userId }
  return { sourceType: ctx.changeSource }
}
