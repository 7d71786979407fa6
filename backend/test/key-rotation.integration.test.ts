import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app'
import { createDeps } from '../src/create-deps'
import { formatKeyRing, parseKeyRing } from '../src/crypto/key-ring'
import type { KeyRing } from '../src/crypto/key-ring'
import { rotateSealedSecrets } from '../src/crypto/rotate-sealed-secrets'
import { alertsApi, hubspotApi } from '@churnlens/contracts'
import { slackUrlSeal } from '../src/alerts/slack-url-seal'
import { alertSlackTargets, integrations, pendingInstalls } from '../src/db/schema'
import { driveConsentPage } from './drive-consent-page'
import type { TestContext } from './test-context'
import { SIMULATOR_URL, createTestContext, testKeyRing } from './test-context'

const k1 = testKeyRing('k1')
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ keyRing: k1 })
})
afterAll(async () => {
  await ctx.close()
})

function ring(...rings: KeyRing[]): KeyRing {
  const parsed = parseKeyRing(formatKeyRing(rings.flatMap((r) => [...r.byId.values()])))
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.ring
}

/** Another backend instance on the same database, started with a different key ring. */
function instanceWith(keyRing: KeyRing) {
  const deps = createDeps({ ...ctx.deps, keyRing })
  return { deps, app: createApp(deps) }
}

describe('key rotation', () => {
  it('re-seals every token under the newest key while traffic and refreshes continue', async () => {
    const agents = await Promise.all(Array.from({ length: 4 }, () => ctx.signedUpAgent()))
    for (const agent of agents) await ctx.connect(agent)
    const k2 = testKeyRing('k2')
    const rotated = instanceWith(ring(k2, k1))
    ctx.clock.advance(26 * 60_000) // tokens due for refresh during the rotation

    const call = (agent: (typeof agents)[number]) =>
      rotated.app.request('http://localhost/api/v1/integrations/hubspot/portal', {
        headers: { cookie: agent.cookieHeader() },
      })
    const traffic = Promise.all(agents.flatMap((agent) => Array.from({ length: 10 }, () => call(agent))))
    const [report, responses] = await Promise.all([rotateSealedSecrets(rotated.deps, { batchSize: 1 }), traffic])
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200))
    expect(report.unreadable).toBe(0)

    // Idempotent: a second run finds nothing left under the old key.
    expect(await rotateSealedSecrets(rotated.deps)).toMatchObject({ integrationsScanned: 0, valuesResealed: 0 })
    const rows = await ctx.database.db.select().from(integrations)
    for (const row of rows.filter((r) => r.accessToken)) {
      expect(row.accessToken).toMatch(/^v1\.k2\./)
      expect(row.refreshToken).toMatch(/^v1\.k2\./)
    }
    // The old key can now leave the ring.
    const onlyNew = instanceWith(k2)
    for (const agent of agents) {
      const res = await onlyNew.app.request('http://localhost/api/v1/integrations/hubspot/portal', {
        headers: { cookie: agent.cookieHeader() },
      })
      expect(res.status).toBe(200)
    }
  })

  it('a token under a key no longer in the ring fails closed: needs_reauth, not a crash', async () => {
    const agent = await ctx.signedUpAgent()
    await ctx.connect(agent)
    const lost = instanceWith(testKeyRing('k9'))
    const res = await lost.app.request('http://localhost/api/v1/integrations/hubspot/portal', {
      headers: { cookie: agent.cookieHeader() },
    })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'needs_reauth' } })
    const [row] = await ctx.database.db
      .select()
      .from(integrations)
      .where(eq(integrations.workspaceId, agent.workspaceId))
    expect(row).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'token_unreadable' })
  })

  it('rotation with a ring missing the old key reports the unreadable rows and moves them to needs_reauth', async () => {
    const agent = await ctx.signedUpAgent()
    await ctx.connect(agent)
    const report = await rotateSealedSecrets(instanceWith(testKeyRing('k7')).deps)
    expect(report.unreadable).toBeGreaterThanOrEqual(1)
    const [row] = await ctx.database.db
      .select()
      .from(integrations)
      .where(eq(integrations.workspaceId, agent.workspaceId))
    expect(row).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'token_unreadable' })
  })
})

describe('key rotation of installs waiting to be claimed', () => {
  it('re-seals a pending install under the newest key, and it is still claimed after the old key leaves', async () => {
    const installer = await ctx.signedUpAgent()
    const link = await ctx.sim.fetch(`${SIMULATOR_URL}/install`, { redirect: 'manual' })
    const authorizeUrl = new URL(link.headers.get('location') ?? '', SIMULATOR_URL).toString()
    const query = await driveConsentPage(ctx.sim.fetch, authorizeUrl, { decision: 'Grant access' })
    expect((await installer.call(hubspotApi.receiveInstall, { body: { code: query.get('code') ?? '' } })).ok).toBe(true)

    const k3 = testKeyRing('k3')
    const rotated = instanceWith(ring(k3, k1))
    const report = await rotateSealedSecrets(rotated.deps)
    expect(report.pendingInstallsResealed).toBe(1)
    const [row] = await ctx.database.db.select().from(pendingInstalls)
    expect(row?.accessToken).toMatch(/^v1\.k3\./)
    expect(row?.refreshToken).toMatch(/^v1\.k3\./)

    const onlyNew = instanceWith(k3)
    const claimed = await onlyNew.app.request('http://localhost/api/v1/integrations/hubspot/install/claim', {
      method: 'POST',
      headers: { cookie: installer.cookieHeader(), 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceId: installer.workspaceId }),
    })
    expect(claimed.status).toBe(200)
  })
})

describe('key rotation of Slack alert URLs', () => {
  it('re-seals the URL under the newest key, and it still opens after the old key leaves', async () => {
    const agent = await ctx.signedUpAgent()
    const url = `${SIMULATOR_URL}/slack/webhooks/T9/B9/rotate`
    expect((await agent.call(alertsApi.setSlack, { body: { url } })).status).toBe(200)

    const k4 = testKeyRing('k4')
    const report = await rotateSealedSecrets(instanceWith(ring(k4, k1)).deps)
    expect(report.slackUrlsResealed).toBe(1)
    const [row] = await ctx.database.db
      .select()
      .from(alertSlackTargets)
      .where(eq(alertSlackTargets.workspaceId, agent.workspaceId))
    expect(row?.urlSealed).toMatch(/^v1\.k4\./)
    expect(instanceWith(k4).deps.cipher.open(row!.urlSealed, slackUrlSeal(agent.workspaceId))).toEqual({
      ok: true,
      value: url,
    })
  })
})
