import type { ChurnSummaryResponse, CompanyListResponse } from '@churnlens/contracts'
import { companyListQuerySchema } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { requireSession, sessionOf } from '../auth/load-session'
import { apiError } from '../http/api-error'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import { exportCompaniesCsv } from './export-companies-csv'
import { getChurnSummary } from './get-churn-summary'
import { getCompanyDetail } from './get-company-detail'
import { listCompanies } from './list-companies'

export function companyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireSession)
    .get('/', async (c) => {
      const query = companyListQuerySchema.safeParse(c.req.query())
      if (!query.success) return apiError(c, 'invalid_query', { issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) })
      const body: CompanyListResponse = await listCompanies(deps.db, sessionOf(c).workspaceId, query.data)
      return c.json(body)
    })
    .get('/export.csv', async (c) => {
      const query = companyListQuerySchema.safeParse(c.req.query())
      if (!query.success) return apiError(c, 'invalid_query')
      const session = sessionOf(c)
      const integration = await findHubspotIntegration(deps.db, session.workspaceId)
      const csv = await exportCompaniesCsv(deps.db, session.workspaceId, query.data, integration?.hubId ?? null)
      const date = deps.clock.now().toISOString().slice(0, 10)
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="churnlens-companies-${date}.csv"` })
    })
    .get('/:id{[0-9]{1,15}}', async (c) => {
      const session = sessionOf(c)
      const integration = await findHubspotIntegration(deps.db, session.workspaceId)
      const detail = await getCompanyDetail(deps.db, session.workspaceId, Number(c.req.param('id')), integration?.hubId ?? null)
      return detail ? c.json(detail) : apiError(c, 'not_found')
    })
}

export function churnRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireSession)
    .get('/summary', async (c) => {
      const body: ChurnSummaryResponse = await getChurnSummary(deps.db, sessionOf(c).workspaceId, deps.clock.now())
      return c.json(body)
    })
    .post('/rescore', async (c) => {
      await deps.scheduler.requestRescore(sessionOf(c).workspaceId)
      return c.json({ requested: true }, 202)
    })
}
