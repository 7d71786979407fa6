import type { FaultRuleInput } from '../faults'
import type { CrmControl } from './create-crm-control'
import { createCrmControl } from './create-crm-control'
import { addFaultRule } from '../faults'
import type { RequestLogEntry } from '../state/request-log-entry'
import type { SimSettingsPatch } from '../settings'
import type { SimStateOptions } from '../state/create-sim-state'
import { resetSimState } from '../state/create-sim-state'
import { installKey, installsOfPortal } from '../state/installs'
import type { SimState } from '../state/sim-state'

/** Test hooks; the /_simulator HTTP routes call the same functions. CRM hooks: see CrmControl. */
export interface SimulatorControl extends CrmControl {
  /** Moves the simulator clock forward (tokens and codes expire against it). */
  advanceClock(ms: number): void
  /** Makes matching live access tokens expire now; returns how many. No filter: all of them. */
  expireAccessTokens(filter?: { portalId?: number; accessToken?: string }): number
  /** "The user uninstalled the app": every install in the portal goes, with all its tokens. Returns false if none. */
  revokeInstall(portalId: number): boolean
  /** "Scopes changed": replaces the granted scopes of the portal's installs; existing tokens see them. */
  setGrantedScopes(portalId: number, scopes: string[]): boolean
  /** "An admin rotated (or deleted) the private app's token": the old token stops working; returns the new one. */
  rotatePrivateAppToken(portalId: number): string | undefined
  /** The next `count` non-control requests under `pathPrefix` answer `status` (0 = dropped) after `delayMs`. */
  failNext(rule: FaultRuleInput): void
  /** Drops every pending fault rule ("HubSpot is back"). */
  clearFaults(): void
  updateSettings(patch: SimSettingsPatch): void
  issuedTokens(): { accessTokens: string[]; refreshTokens: string[] }
  requestLog(): RequestLogEntry[]
  /** Back to the seeded state: installs, tokens, faults, log, settings, clock offset, CRM data, created portals and rate-limit counters. */
  reset(): void
}

export function createControl(state: SimState, options: SimStateOptions): SimulatorControl {
  return {
    ...createCrmControl(state, options.seed),
    advanceClock: (ms) => state.clock.advance(ms),
    expireAccessTokens: (filter = {}) => {
      const now = state.clock.now()
      let expired = 0
      for (const record of state.accessTokens.values()) {
        if (filter.portalId !== undefined && record.portalId !== filter.portalId) continue
        if (filter.accessToken !== undefined && record.token !== filter.accessToken) continue
        if (record.expiresAt <= now) continue
        record.expiresAt = now
        expired += 1
      }
      return expired
    },
    revokeInstall: (portalId) => {
      const installs = installsOfPortal(state.installs, portalId)
      for (const install of installs) state.installs.delete(installKey(install.appId, install.portalId))
      return installs.length > 0
    },
    setGrantedScopes: (portalId, scopes) => {
      const installs = installsOfPortal(state.installs, portalId)
      for (const install of installs) install.scopes = [...scopes]
      return installs.length > 0
    },
    rotatePrivateAppToken: (portalId) => {
      const portal = state.portals.find((p) => p.portalId === portalId)
      if (!portal) return undefined
      portal.privateAppToken = `pat-na1-${state.random.uuid('private-app-token')}`
      return portal.privateAppToken
    },
    failNext: (rule) => addFaultRule(state, rule),
    clearFaults: () => {
      state.faults.splice(0, state.faults.length)
    },
    updateSettings: (patch) => {
      state.settings = { ...state.settings, ...definedOnly(patch) }
    },
    issuedTokens: () => ({
      accessTokens: [...state.accessTokens.keys()],
      refreshTokens: [...state.refreshTokens.keys()],
    }),
    requestLog: () => [...state.requestLog],
    reset: () => resetSimState(state, options),
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>
}
