import type { WorkspaceRole } from '@churnlens/contracts'
import type { Logger } from 'pino'
import type { Config } from './config'
import type { TokenCipher } from './crypto/token-cipher'
import type { Database } from './db/database'
import type { HubspotApp } from './integrations/hubspot/hubspot-app'
import type { PortalBudgets } from './integrations/hubspot/client/portal-budgets'
import type { TokenKeeper } from './integrations/hubspot/tokens/token-keeper'
import type { JobScheduler } from './jobs/job-scheduler'
import type { Clock } from './lib/clock'
import type { Mailer } from './mail/mailer'
import type { MailCatcher } from './mail/start-mail-catcher'
import type { Metrics } from './observability/create-metrics'

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
  metrics: Metrics
  /** Keeps OAuth tokens valid; built from the other deps by `createTokenKeeper`. */
  tokens: TokenKeeper
  /** Per-portal HubSpot rate budgets shared by every client in this process. */
  budgets: PortalBudgets
  /** 1 in production; tests shrink HubSpot retry waits with it (the decisions stay the same). */
  retryDelayScale: number
  scheduler: JobScheduler
  /** Waits; sign-in slows a guesser with it. Tests record the waits instead of sleeping. */
  pause: (ms: number) => Promise<void>
  mailer: Mailer
  /** Development and tests only (no SMTP_URL): the local catcher's mailbox, shown at /dev/mail. */
  mailCatcher: Pick<MailCatcher, 'list'> | null
}

export interface SessionInfo {
  id: string
  userId: string
  email: string
  /** The workspace the person works in now; they may belong to others and switch. */
  workspaceId: string
  workspaceName: string
  /** Their role there, read with the session on every request, so a change applies at once. */
  role: WorkspaceRole
}

export type AppEnv = { Variables: { session: SessionInfo | null } }
export type AuthedEnv = { Variables: { session: SessionInfo } }
