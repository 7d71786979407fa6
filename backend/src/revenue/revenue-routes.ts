import { revenueApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { clientForWorkspace } from '../integrations/hubspot/client/client-for-workspace'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { checkRevenueSettings } from './check-revenue-settings'
import type { RevenueCheckError } from './check-revenue-settings'
import { loadRevenueOptions } from './load-revenue-options'
import { loadRevenueView } from './load-revenue-view'
import { saveRevenueSettings } from './save-revenue-settings'

/** A 403 or 404 from an API Churnlens is entitled to read is HubSpot misbehaving, not the person's fault. */
function hubspotCode<E extends RevenueCheckError | CrmCallError>(
  error: E,
): Exclude<E, 'forbidden' | 'not_found'> | 'hubspot_invalid_response' {
  return error === 'forbidden' || error === 'not_found'
    ? 'hubspot_invalid_response'
    : (error as Exclude<E, 'forbidden' | 'not_found'>)
}

/** Settings → Revenue & renewals: the choice, what the portal offers for it, and saving it. */
export function revenueRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, revenueApi.get, async (c, { session }) =>
    reply(c, revenueApi.get, await loadRevenueView(deps.db, session)),
  )

  route(app, revenueApi.options, async (c, { session }) => {
    const hubspot = await clientForWorkspace(deps, session.workspaceId)
    if (!hubspot.ok) return fail(c, revenueApi.options, hubspot.error)
    const options = await loadRevenueOptions(hubspot.value.client, hubspot.value.grantedScopes)
    if (!options.ok) return fail(c, revenueApi.options, hubspotCode(options.error))
    return reply(c, revenueApi.options, options.value)
  })

  route(app, revenueApi.save, async (c, { session, body }) => {
    // Checked now, not in the background: a property or pipeline that does not exist is the person's to fix.
    const hubspot = await clientForWorkspace(deps, session.workspaceId)
    if (!hubspot.ok) return fail(c, revenueApi.save, hubspot.error)
    const labels = await checkRevenueSettings(hubspot.value.client, hubspot.value.grantedScopes, body)
    if (!labels.ok) return fail(c, revenueApi.save, hubspotCode(labels.error))
    await saveRevenueSettings(deps.db, {
      workspaceId: session.workspaceId,
      userId: session.userId,
      settings: body,
      labels: labels.value,
      now: deps.clock.now(),
    })
    await deps.scheduler.requestCompanyValues(session.workspaceId)
    return reply(c, revenueApi.save, await loadRevenueView(deps.db, session))
  })

  return app
}
