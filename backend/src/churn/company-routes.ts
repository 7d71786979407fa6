import type { CompanyListQuery } from '@churnlens/contracts'
import { companiesApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv, SessionInfo } from '../app-deps'
import type { Database } from '../db/database'
import { fail, reply, route } from '../http/route'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import { exportCompaniesCsv } from './export-companies-csv'
import { getCompanyDetail } from './get-company-detail'
import { listCompanies } from './list-companies'
import { findMyOwner } from '../owners/find-my-owner'
import type { OwnerFilter } from './company-filter'

/** `owner=me` names the member's own HubSpot owner, found by email. */
async function resolveOwner(db: Database, session: SessionInfo, query: CompanyListQuery): Promise<OwnerFilter> {
  if (query.owner !== 'me') return query.owner
  return (await findMyOwner(db, session)).ownerId ?? 'nobody'
}

/** Scored companies: the dashboard's table, its CSV download, one company's page. */
export function companyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, companiesApi.list, async (c, { session, query }) => {
    const owner = await resolveOwner(deps.db, session, query)
    return reply(
      c,
      companiesApi.list,
      await listCompanies(deps.db, session.workspaceId, query, owner, deps.clock.now()),
    )
  })

  // Before the detail route, whose `:id` would otherwise claim "export.csv".
  route(app, companiesApi.exportCsv, async (c, { session, query }) => {
    const integration = await findHubspotIntegration(deps.db, session.workspaceId)
    const owner = await resolveOwner(deps.db, session, query)
    const csv = await exportCompaniesCsv(
      deps.db,
      session.workspaceId,
      query,
      integration?.hubId ?? null,
      owner,
      deps.clock.now(),
    )
    const date = deps.clock.now().toISOString().slice(0, 10)
    return reply(c, companiesApi.exportCsv, csv, {
      'content-disposition': `attachment; filename="churnlens-companies-${date}.csv"`,
    })
  })

  route(app, companiesApi.getDetail, async (c, { session, params }) => {
    const integration = await findHubspotIntegration(deps.db, session.workspaceId)
    const detail = await getCompanyDetail(deps.db, session.workspaceId, params.id, integration?.hubId ?? null)
    return detail ? reply(c, companiesApi.getDetail, detail) : fail(c, companiesApi.getDetail, 'not_found')
  })

  return app
}
