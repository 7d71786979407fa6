import { authApi, callbackBodySchema, hubspotApi } from '@churnlens/contracts'
import { createSimulator } from '@churnlens/hubspot-simulator'
import { eq } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import type { AppDeps } from '../src/app-deps'
import { createApp } from '../src/app'
import { parseConfig } from '../src/config'
import { parseKeyRing } from '../src/crypto/key-ring'
import { createDeps } from '../src/create-deps'
import { integrations, sessions, workspaceMembers } from '../src/db/schema'
import { createPortalBudgets } from '../src/integrations/hubspot/client/portal-budgets'
import { createLogger } from '../src/http/create-logger'
import { startMailCatcher } from '../src/mail/start-mail-catcher'
import { resolveHubspotApp } from '../src/integrations/hubspot/discover-simulator-app'
import type { AnswerBody } from './browser-agent'
import { BrowserAgent } from './browser-agent'
import { driveConsentPage } from './drive-consent-page'
import { openTestDatabase } from './open-test-database'

export const REDIRECT_URI = 'http://localhost:3000/oauth/hubspot/callback'
export const SIMULATOR_URL = 'http://hubspot.test'

export function testKeyRing(...ids: string[]) {
  const ring = parseKeyRing(ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`).join(','))
  if (!ring.ok) throw new Error(ring.problems.join('; '))
  return ring.ring
}

/** A settable clock shared by the backend and the simulator, so expiry is tested without sleeping. */
export function testClock(start = Date.parse('2026-11-24T12:00:00Z')) {
  let now = start
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms
    },
  }
}

/**
 * The real backend app in-process on a fresh database (PGlite, or Postgres with TEST_DB=postgres),
 * talking to the HubSpot simulator in-process through the injected fetch. Logs are captured so
 * tests can assert what was (not) written.
 */
export interface TestContextOptions {
  keyRing?: ReturnType<typeof testKeyRing>
  env?: Record<string, string>
  fetch?: (sim: ReturnType<typeof createSimulator>) => typeof fetch
  /**
   * HubSpot's rate limits, on both sides. Off by default: on the frozen test clock the simulator's
   * windows never roll. Rate-limit tests turn them on and give the simulator real time.
   */
  rateLimits?: boolean
}

export async function createTestContext(options: TestContextOptions = {}) {
  const clock = testClock()
  // The simulator's webhook deliveries go straight into this backend, as HubSpot's would.
  let appForWebhooks: ReturnType<typeof createApp> | null = null
  const sim = createSimulator({
    seed: 'integration',
    redirectUris: [REDIRECT_URI],
    webhooks: {
      fetch: async (input, init) => {
        if (!appForWebhooks) throw new TypeError('fetch failed')
        const request = new Request(input, init)
        return appForWebhooks.request(request.url.replace(/^https?:\/\/[^/]+/, 'http://127.0.0.1:3001'), {
          method: request.method,
          headers: request.headers,
          body: await request.text(),
        })
      },
      retryBaseMs: 5,
    },
    ...(options.rateLimits
      ? {}
      : { clock: { now: () => clock.now().getTime() }, settings: { rateLimitsEnabled: false } }),
  })
  const database = await openTestDatabase()
  // Mail goes over SMTP to a real catcher, as in development: tests read what was actually sent.
  const mailCatcher = await startMailCatcher()
  const logs: string[] = []
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) })
  const config = parseConfig(
    {
      NODE_ENV: 'test',
      HUBSPOT_SIMULATOR_URL: SIMULATOR_URL,
      PUBLIC_URL: 'http://localhost:3000',
      // The agents call as the frontend's proxy would, from loopback, each with its own client address.
      TRUST_PROXY: 'true',
      MAIL_CATCHER_PORT: String(mailCatcher.port),
      ...options.env,
    },
    { dataDir: '/nonexistent' },
  )
  const keyRing = options.keyRing ?? testKeyRing('k1')
  // Sync requests are recorded; sync tests run the real sync themselves, deterministically.
  const syncRequests: { integrationId: string; reason: string }[] = []
  // Sign-in's pauses are recorded, not slept.
  const pauses: number[] = []
  const deps: AppDeps = createDeps({
    config,
    db: database.db,
    keyRing,
    hubspot: await resolveHubspotApp(config.hubspot, sim.fetch, { attempts: 1 }),
    fetch: options.fetch ? options.fetch(sim) : sim.fetch,
    clock,
    logger,
    sessionSecret: randomBytes(32).toString('base64url'),
    // Same retry decisions as production, a hundredth of the waiting.
    retryDelayScale: 0.01,
    pause: async (ms) => void pauses.push(ms),
    mailCatcher,
    ...(options.rateLimits
      ? {}
      : { budgets: createPortalBudgets({ oauthPerTenSeconds: 100_000, searchPerSecond: 100_000 }) }),
    scheduler: {
      requestSync: async (integrationId, reason) => void syncRequests.push({ integrationId, reason }),
      requestWebhookProcessing: async () => void syncRequests.push({ integrationId: '*', reason: 'webhooks' }),
      requestRescore: async (workspaceId) => void syncRequests.push({ integrationId: workspaceId, reason: 'rescore' }),
      requestModelRun: async (workspaceId, trigger) =>
        void syncRequests.push({ integrationId: workspaceId, reason: `model:${trigger}` }),
      requestAlertCheck: async (workspaceId) =>
        void syncRequests.push({ integrationId: workspaceId, reason: 'alerts' }),
      requestCompanyValues: async (workspaceId) =>
        void syncRequests.push({ integrationId: workspaceId, reason: 'company-values' }),
    },
  })
  const app = createApp(deps)
  appForWebhooks = app
  let users = 0

  return {
    app,
    sim,
    clock,
    logs,
    deps,
    database,
    syncRequests,
    pauses,
    mailCatcher,
    agent: () => new BrowserAgent(app),
    /** A signed-up browser with its own workspace. */
    async signedUpAgent(email = `user${++users}-${randomBytes(3).toString('hex')}@example.com`) {
      const agent = new BrowserAgent(app)
      const res = await agent.call(authApi.signUp, { body: { email, password: 'correct horse battery' } })
      if (!res.ok) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
      return Object.assign(agent, { email, workspaceId: res.body.workspace.id })
    },
    /** Authorize → the simulator's consent page → HubSpot's redirect query, ready for the callback. */
    async consent(agent: BrowserAgent, choice: { decision?: 'Grant access' | 'Deny'; portalId?: number } = {}) {
      const authorize = await agent.call(hubspotApi.startAuthorization)
      if (!authorize.ok) throw new Error(`authorize failed: ${authorize.status}`)
      const query = await driveConsentPage(sim.fetch, authorize.body.url, {
        decision: choice.decision ?? 'Grant access',
        ...(choice.portalId ? { portalId: choice.portalId } : {}),
      })
      return { authorizeUrl: new URL(authorize.body.url), query: Object.fromEntries(query) }
    },
    async connect(
      agent: BrowserAgent,
      portalId?: number,
    ): Promise<{ status: number; body: AnswerBody<typeof hubspotApi.completeAuthorization> }> {
      const { query } = await this.consent(agent, portalId ? { portalId } : {})
      const { status, body } = await agent.call(hubspotApi.completeAuthorization, {
        body: callbackBodySchema.parse(query),
      })
      return { status, body }
    },
    /** The workspace's HubSpot integration row as stored (sealed values included), or null. */
    async integrationRow(workspaceId: string) {
      const [row] = await database.db.select().from(integrations).where(eq(integrations.workspaceId, workspaceId))
      return row ?? null
    },
    async requireIntegrationRow(workspaceId: string) {
      const row = await this.integrationRow(workspaceId)
      if (!row) throw new Error(`no integration row for workspace ${workspaceId}`)
      return row
    },
    /** A signed-up colleague who joins `workspaceId` as a member (not an owner) and works in it. */
    async memberOf(workspaceId: string) {
      const colleague = await this.signedUpAgent()
      const [membership] = await database.db
        .select()
        .from(workspaceMembers)
        .where(eq(workspaceMembers.workspaceId, colleague.workspaceId))
      await database.db.insert(workspaceMembers).values({ workspaceId, userId: membership!.userId, role: 'member' })
      await database.db.update(sessions).set({ workspaceId }).where(eq(sessions.userId, membership!.userId))
      return colleague
    },
    close: async () => {
      await mailCatcher.close()
      await database.close()
    },
  }
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>
