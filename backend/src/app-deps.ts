import type { Logger } from 'pino'
import type { Config } from './config'
import type { TokenCipher } from './crypto/token-cipher'
import type { Database } from './db/database'
import type { HubspotApp } from './integrations/hubspot/hubspot-app'
import type { Clock } from './lib/clock'

/** Everything a request handler may touch, injected once so tests swap any of it. */
export interface AppDeps {
  config: Config
  db: Database
  cipher: TokenCipher
  hubspot: HubspotApp
  /** HubSpot I/O goes through this: real fetch in production, the simulator's in tests. */
  fetch: typeof fetch
  clock: Clock
  logger: Logger
  sessionSecret: string
}

export interface SessionInfo {
  id: string
  userId: string
  email: string
  workspaceId: string
  workspaceName: string
}

export type AppEnv = { Variables: { session: SessionInfo | null } }
export type AuthedEnv = { Variables: { session: SessionInfo } }
