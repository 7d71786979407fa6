import type { SimClock } from '../clock'
import type { ChangeFeed } from '../crm/change-feed'
import type { PortalCrm } from '../crm/portal-crm'
import type { PortalDataOptions } from '../data/generate-portal-data'
import type { SeededRandom } from '../random'
import type { RateLimitState } from '../rate-limits/rate-limit-state'
import type { SimSettings } from '../settings'
import type { SimApp } from './apps'
import type { FaultRule } from './fault-rule'
import type { InstallStore } from './installs'
import type { RequestLogEntry } from './request-log-entry'
import type { SimPortal } from './portals'
import type { AccessTokenRecord, AuthCode, RefreshTokenRecord } from './tokens'

/** Everything the simulator knows. Feature folders receive it and keep their logic in small functions over it. */
export interface SimState {
  random: SeededRandom
  clock: SimClock
  settings: SimSettings
  /** `apps` and `portals` are the same arrays the Simulator exposes; reset refills them in place. */
  apps: SimApp[]
  portals: SimPortal[]
  installs: InstallStore
  accessTokens: Map<string, AccessTokenRecord>
  refreshTokens: Map<string, RefreshTokenRecord>
  codes: Map<string, AuthCode>
  faults: FaultRule[]
  requestLog: RequestLogEntry[]
  /** Every CRM write publishes here (control and public API). Survives reset so subscribers stay attached. */
  changes: ChangeFeed
  /** Generated lazily per portal by portalCrmOf; reset drops them all. */
  crm: Map<number, PortalCrm>
  /** What portalCrmOf generates for each portal: seed, clock reading at seeding and sizes. */
  crmPlans: Map<number, PortalDataOptions>
  rateLimits: RateLimitState
  /** Next id for portals created through the control API. */
  nextPortalId: number
  /** Source of install ids; never reset, so tokens from before a reset can't match a new install. */
  nextInstallId: number
}
