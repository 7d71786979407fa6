import { and, eq } from 'drizzle-orm'
import { alertDeliveries, crmCompanies } from '../db/schema'

/** Joins an alert to its company (left join: a company deleted since keeps its alert, nameless). */
export const companyOfAlert = and(
  eq(crmCompanies.workspaceId, alertDeliveries.workspaceId),
  eq(crmCompanies.hubspotId, alertDeliveries.companyId),
)
