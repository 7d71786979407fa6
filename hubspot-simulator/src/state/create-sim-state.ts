import type { Clock } from '../clock'
import { createSimClock } from '../clock'
import { createSeededRandom } from '../random'
import type { SimSettings } from '../settings'
import { seedApps } from './apps'
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
  return {
    random,
    clock: createSimClock(options.clock),
    settings: { ...options.settings },
    apps: seedApps(random, options.redirectUris),
    portals: seedPortals(random),
    installs: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    faults: [],
    requestLog: [],
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
}
