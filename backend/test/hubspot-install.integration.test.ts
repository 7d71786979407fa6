import { authApi, hubspotApi } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../src/crypto/random-token'
import { integrationEvents, pendingInstalls } from '../src/db/schema'
import { expirePendingInstalls } from '../src/integrations/hubspot/install/expire-pending-installs'
import { pendingInstallContext } from '../src/integrations/hubspot/install/pending-install-secrets'
import { BrowserAgent } from './browser-agent'
import { driveConsentPage } from './drive-consent-page'
import type { TestContext } from './test-context'
import { REDIRECT_URI, SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

/** The app's install link on HubSpot's side, consent granted for a portal: HubSpot's redirect query, without a state. */
async function installFromHubspot(portalId: number, decision: 'Grant access' | 'Deny' = 'Grant access') {
  const link = await ctx.sim.fetch(`${SIMULATOR_URL}/install`, { redirect: 'manual' })
  const authorizeUrl = new URL(link.headers.get('location') ?? '', SIMULATOR_URL).toString()
  const query = Object.fromEntries(await driveConsentPage(ctx.sim.fetch, authorizeUrl, { decision, portalId }))
  expect(query.state).toBeUndefined()
  return query
}

/** A browser that came back from HubSpot's install, signed out, holding the claim cookie. */
async function browserWithPendingInstall(portalId: number) {
  const browser = new BrowserAgent(ctx.app)
  const query = await installFromHubspot(portalId)
  const received = await browser.call(hubspotApi.receiveInstall, { body: { code: query.code ?? '' } })
  if (!received.ok) throw new Error(`install not received: ${received.body.error.code}`)
  return { browser, received }
}

const claimCookie = (browser: BrowserAgent) => /churnlens_install=([^;]+)/.exec(browser.cookieHeader())?.[1] ?? ''

async function signUp(browser: BrowserAgent) {
  const email = `installer-${Math.random().toString(36).slice(2, 8)}@example.com`
  const res = await browser.call(authApi.signUp, { body: { email, password: 'correct horse battery' } })
  if (!res.ok) throw new Error('sign-up failed')
  return res.body.workspace.id
}

describe('an install started from HubSpot', () => {
  it('exchanges the code at once, keeps the grant sealed for an hour, and connects it where the person signs up', async () => {
    const portal = ctx.sim.portals[1]!
    const { browser, received } = await browserWithPendingInstall(portal.portalId)
    expect(received.body.install).toEqual({
      hubId: portal.portalId,
      hubDomain: portal.hubDomain,
      expiresAt: new Date(ctx.clock.now().getTime() + 60 * 60 * 1000).toISOString(),
      workspaces: [],
    })
    const setCookie = received.response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    const token = claimCookie(browser)
    const [row] = await ctx.database.db
      .select()
      .from(pendingInstalls)
      .where(eq(pendingInstalls.claimHash, sha256(token)))
    expect(row?.refreshToken).toMatch(/^v1\.k1\./)
    expect(JSON.stringify(row)).not.toContain(token)
    // Bound to its own row: the sealed value opens only with the pending install's context.
    expect(ctx.deps.cipher.open(row!.refreshToken!, pendingInstallContext(row!.id, 'refresh_token')).ok).toBe(true)
    expect(
      ctx.deps.cipher.open(row!.refreshToken!, { table: 'integrations', rowId: row!.id, column: 'refresh_token' }).ok,
    ).toBe(false)

    // Signed out, the page can show the portal; signing in would not be possible without a session.
    expect((await browser.call(hubspotApi.claimInstall, { body: { newWorkspaceName: 'x' } })).status).toBe(401)

    const workspaceId = await signUp(browser)
    const pending = await browser.call(hubspotApi.getPendingInstall)
    expect(pending.ok && pending.body.install.workspaces.map((w) => w.id)).toEqual([workspaceId])

    const claimed = await browser.call(hubspotApi.claimInstall, { body: { workspaceId } })
    expect(claimed.ok).toBe(true)
    if (!claimed.ok) return
    expect(claimed.body.integration).toMatchObject({ status: 'connected', hubId: portal.portalId, authType: 'oauth' })
    expect(ctx.syncRequests).toContainEqual({ integrationId: claimed.body.integration?.id, reason: 'connected' })
    const integration = await ctx.requireIntegrationRow(workspaceId)
    const events = await ctx.database.db
      .select()
      .from(integrationEvents)
      .where(eq(integrationEvents.integrationId, integration.id))
    expect(events.map((e) => [e.type, e.detail.startedFrom])).toEqual([['connected', 'hubspot']])

    // The grant moved: nothing sealed stays behind, and the cookie is gone.
    const [after] = await ctx.database.db.select().from(pendingInstalls).where(eq(pendingInstalls.id, row!.id))
    expect(after).toMatchObject({ accessToken: null, refreshToken: null, claimedWorkspaceId: workspaceId })
    expect(claimCookie(browser)).toBe('')
    expect((await browser.call(hubspotApi.getPendingInstall)).body).toMatchObject({
      error: { code: 'install_missing' },
    })

    // The moved tokens work: the portal answers for this workspace.
    expect((await browser.call(hubspotApi.getPortalDetails)).ok).toBe(true)

    // A copied cookie replayed after the claim is refused.
    const replay = await new BrowserAgent(ctx.app).request('/api/v1/integrations/hubspot/install/claim', {
      json: { workspaceId },
      headers: { cookie: `churnlens_install=${token}; ${browser.cookieHeader()}` },
    })
    expect(replay.status).toBe(409)
    expect(await replay.json()).toMatchObject({ error: { code: 'install_already_claimed' } })
  })

  it('connects into a new workspace, which becomes the current one', async () => {
    const owner = await ctx.signedUpAgent()
    const portal = ctx.sim.portals[0]!
    const query = await installFromHubspot(portal.portalId)
    expect((await owner.call(hubspotApi.receiveInstall, { body: { code: query.code ?? '' } })).ok).toBe(true)
    const claimed = await owner.call(hubspotApi.claimInstall, { body: { newWorkspaceName: 'Northwind success' } })
    expect(claimed.ok).toBe(true)
    const current = await owner.call(hubspotApi.getIntegration)
    expect(current.ok && current.body.integration?.hubId).toBe(portal.portalId)
    // The first workspace stays as it was.
    expect(await ctx.integrationRow(owner.workspaceId)).toBeNull()
  })

  it('is refused in a workspace the person does not own, and where another portal is connected', async () => {
    const owner = await ctx.signedUpAgent()
    const member = await ctx.memberOf(owner.workspaceId)
    const query = await installFromHubspot(ctx.sim.portals[1]!.portalId)
    expect((await member.call(hubspotApi.receiveInstall, { body: { code: query.code ?? '' } })).ok).toBe(true)
    const pending = await member.call(hubspotApi.getPendingInstall)
    // Only workspaces they own are offered (their own sign-up workspace, not the one they joined).
    expect(pending.ok && pending.body.install.workspaces.map((w) => w.id)).not.toContain(owner.workspaceId)
    const asMember = await member.call(hubspotApi.claimInstall, { body: { workspaceId: owner.workspaceId } })
    expect(asMember.body).toMatchObject({ error: { code: 'forbidden' } })
    expect(asMember.status).toBe(403)
    expect(await ctx.integrationRow(owner.workspaceId)).toBeNull()

    const connectedElsewhere = await ctx.signedUpAgent()
    await ctx.connect(connectedElsewhere, ctx.sim.portals[0]!.portalId)
    const second = await installFromHubspot(ctx.sim.portals[1]!.portalId)
    await connectedElsewhere.call(hubspotApi.receiveInstall, { body: { code: second.code ?? '' } })
    const refused = await connectedElsewhere.call(hubspotApi.claimInstall, {
      body: { workspaceId: connectedElsewhere.workspaceId },
    })
    expect(refused.body).toMatchObject({ error: { code: 'workspace_connected_elsewhere' } })
    expect((await ctx.requireIntegrationRow(connectedElsewhere.workspaceId)).hubId).toBe(ctx.sim.portals[0]!.portalId)
  })

  it('refuses a forged claim cookie and reports every failure of the code with its code', async () => {
    const owner = await ctx.signedUpAgent()
    // A fresh browser, so the cookie sent is exactly the forged one.
    const forged = await new BrowserAgent(ctx.app).request('/api/v1/integrations/hubspot/install', {
      headers: { cookie: `churnlens_install=forged-${Math.random()}` },
    })
    expect(forged.status).toBe(400)
    expect(await forged.json()).toMatchObject({ error: { code: 'install_unknown' } })

    const denied = await owner.call(hubspotApi.receiveInstall, { body: { error: 'access_denied' } })
    expect(denied.body).toMatchObject({ error: { code: 'oauth_access_denied' } })
    const query = await installFromHubspot(ctx.sim.portals[0]!.portalId)
    expect((await owner.call(hubspotApi.receiveInstall, { body: { code: query.code ?? '' } })).ok).toBe(true)
    // A code is single-use: the same redirect loaded twice does not make a second grant.
    const again = await owner.call(hubspotApi.receiveInstall, { body: { code: query.code ?? '' } })
    expect(again.body).toMatchObject({ error: { code: 'code_invalid' } })
    const unknown = await owner.call(hubspotApi.receiveInstall, { body: { code: 'not-a-code' } })
    expect(unknown.body).toMatchObject({ error: { code: 'code_invalid' } })
  })

  it('expires after an hour unclaimed, and gives its grant back to HubSpot', async () => {
    const { browser } = await browserWithPendingInstall(ctx.sim.portals[0]!.portalId)
    const [row] = await ctx.database.db
      .select()
      .from(pendingInstalls)
      .where(eq(pendingInstalls.claimHash, sha256(claimCookie(browser))))
    const opened = ctx.deps.cipher.open(row!.refreshToken!, pendingInstallContext(row!.id, 'refresh_token'))
    if (!opened.ok) throw new Error('unreadable')

    ctx.clock.advance(60 * 60 * 1000 + 1)
    expect((await browser.call(hubspotApi.getPendingInstall)).body).toMatchObject({
      error: { code: 'install_expired' },
    })
    await signUp(browser)
    const late = await browser.call(hubspotApi.claimInstall, { body: { newWorkspaceName: 'Too late' } })
    expect(late.status).toBe(410)

    const swept = await expirePendingInstalls(ctx.deps)
    expect(swept.revoked).toBeGreaterThanOrEqual(1)
    const [after] = await ctx.database.db.select().from(pendingInstalls).where(eq(pendingInstalls.id, row!.id))
    expect(after).toMatchObject({ accessToken: null, refreshToken: null })
    expect(after?.revokedAt).not.toBeNull()

    const app = ctx.sim.apps[0]!
    const refresh = await ctx.sim.fetch(`${SIMULATOR_URL}/oauth/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: REDIRECT_URI,
        refresh_token: opened.value,
      }),
    })
    expect(refresh.status).toBe(400)

    ctx.clock.advance(25 * 60 * 60 * 1000)
    expect((await expirePendingInstalls(ctx.deps)).deleted).toBeGreaterThanOrEqual(1)
  })
})
