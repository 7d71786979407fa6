import { Hono } from 'hono'
import { registerApiRoutes } from './api/routes'
import type { Clock } from './clock'
import type { SimulatorControl } from './control/create-control'
import { createControl } from './control/create-control'
import type { ChangeFeed } from './crm/change-feed'
import { registerControlRoutes } from './control/routes'
import type { WebhookSender, WebhookSenderOptions } from './webhooks/index'
import { createWebhookSender } from './webhooks/index'
import { droppedHeader, faults } from './faults'
import { correlationId } from './http/correlation-id'
import { hubspotError } from './http/hubspot-error'
import type { SimEnv } from './http/sim-env'
import { registerOAuthRoutes } from './oauth/routes'
import type { SlackReceiver } from './slack/slack-receiver'
import { createSlackReceiver } from './slack/slack-receiver'
import { requestLog } from './request-log'
import type { SimSettings } from './settings'
import { defaultSettings } from './settings'
import type { SimApp } from './state/apps'
import { defaultRedirectUris } from './state/apps'
import { createSimState } from './state/create-sim-state'
import type { SimPortal } from './state/portals'

export interface SimulatorOptions {
  /** Same seed → same app credentials, portals, tokens and correlation ids. Default 'churnlens'. */
  seed?: string
  /** ms epoch; default real time. advanceClock and /_simulator/clock/advance add an offset on top. */
  clock?: Clock
  /** Registered redirect URIs of the default app. */
  redirectUris?: string[]
  /** Starting settings (also what reset() returns to). */
  settings?: Partial<SimSettings>
  /** How webhooks are delivered (default: global fetch, retries compressed to seconds). */
  webhooks?: WebhookSenderOptions
}

export interface Simulator {
  /** app.hubspot.com and api.hubapi.com on one Hono app. */
  app: Hono
  /** fetch-compatible and in-process: absolute URLs on any host are routed into `app`. */
  fetch: typeof fetch
  /** Live arrays: edits take effect (e.g. push a second app); reset() restores the seeded contents. */
  apps: SimApp[]
  portals: SimPortal[]
  control: SimulatorControl
  /** Every CRM write (public API "API", control "CRM_UI") is published here; the webhook sender subscribes. */
  changes: ChangeFeed
  /** Delivers signed webhook batches for CRM changes to each app's target URL. */
  webhooks: WebhookSender
  /** Slack's incoming webhooks for development: what Churnlens's alerts sent. */
  slack: SlackReceiver
}

/**
 * A deterministic HubSpot stand-in.
 * @example
 * const sim = createSimulator({ seed: 'test' })
 * const res = await sim.fetch('https://api.hubapi.com/account-info/v3/details', {
 *   headers: { authorization: `Bearer ${sim.portals[0]!.privateAppToken}` },
 * })
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const stateOptions = {
    seed: options.seed ?? 'churnlens',
    redirectUris: options.redirectUris ?? defaultRedirectUris,
    settings: { ...defaultSettings, ...options.settings },
    ...(options.clock ? { clock: options.clock } : {}),
  }
  const state = createSimState(stateOptions)
  const control = createControl(state, stateOptions)

  const routes = new Hono<SimEnv>()
  routes.use(correlationId(state), requestLog(state), faults(state))
  registerOAuthRoutes(routes, state)
  registerApiRoutes(routes, state)
  registerControlRoutes(routes, state, control)
  const webhooks = createWebhookSender({
    state,
    feed: state.changes,
    ...(options.webhooks ? { options: options.webhooks } : {}),
  })
  const slack = createSlackReceiver(() => state.clock.now())
  const resetState = control.reset
  control.reset = () => {
    resetState()
    webhooks.reset()
    slack.reset()
  }
  webhooks.registerRoutes(routes)
  slack.registerRoutes(routes)
  // A catch-all route rather than notFound(): it runs inside `routes`, where the correlation id is typed and set.
  routes.all('*', (c) =>
    hubspotError(c, 404, { message: `No route for ${c.req.method} ${c.req.path}`, category: 'OBJECT_NOT_FOUND' }),
  )
  routes.onError((error, c) => {
    console.error('hubspot-simulator: unhandled error', error)
    return hubspotError(c, 500, { message: 'internal error', category: 'INTERNAL_ERROR' })
  })
  // Exposed as a plain Hono so callers can type, mount or serve it without knowing SimEnv.
  const app = new Hono()
  app.route('/', routes)

  const simFetch: typeof fetch = async (input, init) => {
    const response = await app.request(input, init)
    // Faults with status 0 model a dropped connection, which fetch reports by throwing.
    if (response.headers.get(droppedHeader))
      throw new TypeError('fetch failed', { cause: new Error('simulated dropped connection') })
    return response
  }

  return {
    app,
    fetch: simFetch,
    apps: state.apps,
    portals: state.portals,
    control,
    changes: state.changes,
    webhooks,
    slack,
  }
}
