import { hubspotApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../../app-deps'
import { fail, reply, route } from '../../http/route'
import { getAccountDetails } from './account/get-account-details'
import { HubspotClient } from './client/hubspot-client'
import { completeAuthorization } from './complete-authorization'
import { connectApiKey } from './connect-api-key'
import { forgetSyncedData } from '../../sync/forget-synced-data'
import { disconnectIntegration } from './disconnect-integration'
import { findHubspotIntegration, findWriteBackHolder } from './find-integration'
import { claimInstall } from './install/claim-install'
import { findPendingInstall } from './install/find-pending-install'
import { clearInstallCookie, readInstallCookie, writeInstallCookie } from './install/install-cookie'
import { ownedWorkspaces } from './install/owned-workspaces'
import { receiveInstall } from './install/receive-install'
import { toPendingInstallView } from './install/to-pending-install-view'
import { listIntegrationEvents } from './list-integration-events'
import { startAuthorization } from './start-authorization'
import { toIntegrationView } from './to-integration-view'

export function hubspotIntegrationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, hubspotApi.getIntegration, async (c, { session }) => {
    const row = await findHubspotIntegration(deps.db, session.workspaceId)
    const heldElsewhere = row ? (await findWriteBackHolder(deps.db, row)) !== null : false
    return reply(c, hubspotApi.getIntegration, {
      integration: row ? toIntegrationView(row, { writeBackHeldElsewhere: heldElsewhere }) : null,
    })
  })

  route(app, hubspotApi.startAuthorization, async (c, { session, query }) => {
    const url = await startAuthorization(deps, session, { allowPortalSwitch: query.allowPortalSwitch === 'true' })
    return reply(c, hubspotApi.startAuthorization, { url })
  })

  route(app, hubspotApi.completeAuthorization, async (c, { session, body }) => {
    const result = await completeAuthorization(deps, session, body)
    if (!result.ok) return fail(c, hubspotApi.completeAuthorization, result.error)
    await deps.scheduler.requestSync(result.value.id, 'connected')
    return reply(c, hubspotApi.completeAuthorization, { integration: toIntegrationView(result.value) })
  })

  route(app, hubspotApi.receiveInstall, async (c, { body }) => {
    const result = await receiveInstall(deps, body)
    if (!result.ok) return fail(c, hubspotApi.receiveInstall, result.error)
    writeInstallCookie(c, deps.config, result.value.claimToken)
    const session = c.get('session')
    return reply(c, hubspotApi.receiveInstall, {
      install: toPendingInstallView(result.value.row, session ? await ownedWorkspaces(deps.db, session.userId) : []),
    })
  })

  route(app, hubspotApi.getPendingInstall, async (c) => {
    const found = await findPendingInstall(deps.db, readInstallCookie(c, deps.config), deps.clock.now())
    if (!found.ok) return fail(c, hubspotApi.getPendingInstall, found.error)
    const session = c.get('session')
    return reply(c, hubspotApi.getPendingInstall, {
      install: toPendingInstallView(found.value, session ? await ownedWorkspaces(deps.db, session.userId) : []),
    })
  })

  route(app, hubspotApi.claimInstall, async (c, { session, body }) => {
    const result = await claimInstall(deps, session, readInstallCookie(c, deps.config), body)
    if (!result.ok) return fail(c, hubspotApi.claimInstall, result.error)
    clearInstallCookie(c, deps.config)
    await deps.scheduler.requestSync(result.value.id, 'connected')
    return reply(c, hubspotApi.claimInstall, { integration: toIntegrationView(result.value) })
  })

  route(app, hubspotApi.connectApiKey, async (c, { session, body }) => {
    const result = await connectApiKey(deps, session, body.token)
    if (!result.ok) {
      const issues = result.error.missing?.map((scope) => ({ path: 'token', message: `missing scope ${scope}` }))
      return fail(c, hubspotApi.connectApiKey, result.error.code, issues ? { issues } : {})
    }
    await deps.scheduler.requestSync(result.value.id, 'connected')
    return reply(c, hubspotApi.connectApiKey, { integration: toIntegrationView(result.value) })
  })

  route(app, hubspotApi.listEvents, async (c, { session }) => {
    return reply(c, hubspotApi.listEvents, { events: await listIntegrationEvents(deps.db, session.workspaceId) })
  })

  route(app, hubspotApi.getPortalDetails, async (c, { session }) => {
    const row = await findHubspotIntegration(deps.db, session.workspaceId)
    if (!row || row.status === 'disconnected') return fail(c, hubspotApi.getPortalDetails, 'not_connected')
    const details = await getAccountDetails(HubspotClient.fromIntegration(deps, row))
    // HubSpot refusing the portal's own account details means the grant no longer covers us.
    if (!details.ok)
      return fail(c, hubspotApi.getPortalDetails, details.error === 'forbidden' ? 'needs_reauth' : details.error)
    return reply(c, hubspotApi.getPortalDetails, { portal: details.value })
  })

  route(app, hubspotApi.disconnect, async (c, { session, query }) => {
    const result = await disconnectIntegration(deps, session)
    if (!result.ok) return fail(c, hubspotApi.disconnect, result.error)
    // Only after the grant is gone, so a sync cannot refill what was just deleted.
    if (query.forgetData === 'true') await forgetSyncedData(deps.db, session.workspaceId)
    return reply(c, hubspotApi.disconnect, { integration: toIntegrationView(result.value) })
  })

  return app
}
