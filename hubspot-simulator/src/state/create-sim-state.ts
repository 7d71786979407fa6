import type { Clock } from '../clock'
import { createSimClock } from '../clock'
import { createChangeFeed } from '../crm/change-feed'
import type { PortalDataOptions } from '../data/generate-portal-data'
import { seededPortalPlans } from '../data/seeded-portal-plans'
import { createSeededRandom } from '../random'
import { createRateLimitState } from '../rate-limits/rate-limit-state'
import type { SimSettings } from '../settings'
import { seedApps } from './apps'
import type { SimPortal } from './portals'
import { seedPortals } from './portals'
import type { SimState } from './sim-state'

export interface SimStateOptions {
  seed: string
  clock?: Clock
  redirectUris: readonly string[]
  settings: SimSettings
}

export function createSimState(options: SimStateOptions): SimState {
  const random = createSeededRandom(options.seed)
  const clock = createSimClock(options.clock)
  const portals = seedPortals(random)
  return {
    random,
    clock,
    settings: { ...options.settings },
    apps: seedApps(random, options.redirectUris),
    portals,
    installs: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    faults: [],
    requestLog: [],
    changes: createChangeFeed(),
    crm: new Map(),
    crmPlans: seedCrmPlans(options.seed, portals, clock.now()),
    rateLimits: createRateLimitState(),
    nextPortalId: firstCreatedPortalId,
    nextInstallId: 1,
  }
}

/**
 * Back to the seeded starting point. Random streams keep counting on purpose: a client still holding
 * a pre-reset token must get a 401, not silently hit whatever new install would reuse that value.
 */
export function resetSimState(state: SimState, options: SimStateOptions): void {
  state.apps.splice(0, state.apps.length, ...seedApps(state.random, options.redirectUris))
  state.portals.splice(0, state.portals.length, ...seedPortals(state.random))
  state.settings = { ...options.settings }
  state.clock.resetOffset()
  state.installs.clear()
  state.accessTokens.clear()
  state.refreshTokens.clear()
  state.codes.clear()
  state.faults.length = 0
  state.requestLog.length = 0
  state.crm.clear()
  state.crmPlans = seedCrmPlans(options.seed, state.portals, state.clock.now())
  state.rateLimits = createRateLimitState()
  state.nextPortalId = firstCreatedPortalId
}

/** Portals created through the control API are numbered after the seeded ones. */
const firstCreatedPortalId = 2000004

/** Fixes each seeded portal's data (seed + clock now), so it is the same whenever it is first read. */
function seedCrmPlans(seed: string, portals: readonly SimPortal[], now: number): Map<number, PortalDataOptions> {
  const plans = new Map<number, PortalDataOptions>()
  for (const portal of portals) {
    const plan = seededPortalPlans[portal.portalId]
    if (plan)
      plans.set(portal.portalId, { seed: `${seed}:portal:${portal.portalId}`, now, portalId: portal.portalId, ...plan })
  }
  return plans
}
