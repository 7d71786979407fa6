import type { RevenueSettings } from '@churnlens/contracts'
import { DEFAULT_REVENUE_SETTINGS } from '@churnlens/contracts'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Queryable } from '../db/database'
import { crmCompanies, crmContacts, crmTickets } from '../db/schema'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmObject } from '../integrations/hubspot/crm/crm-schemas'
import { mergedIds, toCrmCompanyValues, toCrmContactValues, toCrmTicketValues } from './to-crm-values'

const tables = { companies: crmCompanies, contacts: crmContacts, tickets: crmTickets } as const

/** Every column but the key is replaced: HubSpot's copy is the truth. */
function excludedColumns(table: PgTable, skip: string[]) {
  const columns = table as unknown as Record<string, { name: string }>
  const set: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(columns)) {
    if (typeof column !== 'object' || column === null || !('name' in column) || skip.includes(key)) continue
    set[key] = sql.raw(`excluded."${column.name}"`)
  }
  return set
}

/**
 * Idempotent upsert by (workspace, HubSpot id): syncing a page twice changes nothing. Records
 * HubSpot merged into one of these are marked, and tickets/contacts pointing at a merged company
 * follow it to the survivor.
 */
export async function upsertCrmObjects(
  db: Queryable,
  workspaceId: string,
  type: CrmObjectType,
  objects: readonly CrmObject[],
  companyOf: ReadonlyMap<string, number>,
  now: Date,
  revenue: RevenueSettings = DEFAULT_REVENUE_SETTINGS,
): Promise<Set<number>> {
  // The companies whose churn score may have moved.
  const touched = new Set<number>()
  if (objects.length === 0) return touched
  if (type === 'companies') {
    const rows = objects.map((o) => toCrmCompanyValues(workspaceId, o, now, revenue))
    // Values a deals source gives are the recompute job's: a company's own record does not hold them.
    const fromDeals = [
      ...(revenue.revenue.kind === 'deals' ? ['revenue'] : []),
      ...(revenue.renewal.kind === 'deals' ? ['renewalAt'] : []),
    ]
    await db
      .insert(crmCompanies)
      .values(rows)
      .onConflictDoUpdate({
        target: [crmCompanies.workspaceId, crmCompanies.hubspotId],
        set: excludedColumns(crmCompanies, ['workspaceId', 'hubspotId', ...fromDeals]),
      })
  } else if (type === 'contacts') {
    const rows = objects.map((o) => toCrmContactValues(workspaceId, o, companyOf.get(o.id) ?? null, now))
    await db
      .insert(crmContacts)
      .values(rows)
      .onConflictDoUpdate({
        target: [crmContacts.workspaceId, crmContacts.hubspotId],
        set: excludedColumns(crmContacts, ['workspaceId', 'hubspotId']),
      })
  } else {
    const rows = objects.map((o) => toCrmTicketValues(workspaceId, o, companyOf.get(o.id) ?? null, now))
    for (const row of rows) if (row.companyId) touched.add(row.companyId)
    await db
      .insert(crmTickets)
      .values(rows)
      .onConflictDoUpdate({
        target: [crmTickets.workspaceId, crmTickets.hubspotId],
        set: excludedColumns(crmTickets, ['workspaceId', 'hubspotId']),
      })
  }
  for (const object of objects) {
    const merged = mergedIds(object)
    if (merged.length === 0) continue
    await markMerged(db, workspaceId, type, merged, Number(object.id))
    if (type === 'companies') touched.add(Number(object.id))
  }
  return touched
}

export async function markMerged(
  db: Queryable,
  workspaceId: string,
  type: CrmObjectType,
  mergedIdList: number[],
  survivorId: number,
): Promise<void> {
  const table = tables[type]
  await db
    .update(table)
    .set({ archived: true, mergedInto: survivorId })
    .where(and(eq(table.workspaceId, workspaceId), inArray(table.hubspotId, mergedIdList)))
  if (type === 'companies') {
    for (const child of [crmTickets, crmContacts]) {
      await db
        .update(child)
        .set({ companyId: survivorId })
        .where(and(eq(child.workspaceId, workspaceId), inArray(child.companyId, mergedIdList)))
    }
  }
}

export async function markArchived(
  db: Queryable,
  workspaceId: string,
  type: CrmObjectType,
  ids: number[],
): Promise<void> {
  if (ids.length === 0) return
  const table = tables[type]
  await db
    .update(table)
    .set({ archived: true })
    .where(and(eq(table.workspaceId, workspaceId), inArray(table.hubspotId, ids)))
}
