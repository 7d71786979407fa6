import type { Logger } from 'pino'
import type { AppDeps } from './app-deps'
import type { Config } from './config'
import type { KeyRing } from './crypto/key-ring'
import { createTokenCipher } from './crypto/token-cipher'
import type { Database } from './db/database'
import type { HubspotApp } from './integrations/hubspot/hubspot-app'
import type { PortalBudgets } from './integrations/hubspot/client/portal-budgets'
import { createPortalBudgets } from './integrations/hubspot/client/portal-budgets'
import { createTokenKeeper } from './integrations/hubspot/tokens/token-keeper'
import type { JobScheduler } from './jobs/job-scheduler'
import type { Clock } from './lib/clock'
import { createMailer } from './mail/create-mailer'
import type { Mailer } from './mail/mailer'
import { createMetrics } from './observability/create-metrics'
import { sendAlert } from './observability/send-alert'

export interface DepsInput {
  config: Config
  db: Database
  keyRing: KeyRing
  hubspot: HubspotApp
  fetch: typeof fetch
  clock: Clock
  logger: Logger
  sessionSecret: string
  retryDelayScale?: number
  scheduler: JobScheduler
  /** HubSpot's limits by default; tests on a frozen clock raise them. */
  budgets?: PortalBudgets
  pause?: (ms: number) => Promise<void>
  /** From the config unless given (tests record mails instead). */
  mailer?: Mailer
}

/** Wires the services every entry point (server, jobs, scripts, tests) shares. */
export function createDeps(input: DepsInput): AppDeps {
  const { keyRing, retryDelayScale, budgets, pause, mailer, ...rest } = input
  const base = { ...rest, cipher: createTokenCipher(keyRing), metrics: createMetrics(input.db) }
  const alert = input.config.alert
  const tokens = createTokenKeeper({
    ...base,
    ...(alert ? { onNeedsReauth: (event) => void sendAlert(input.fetch, alert, event, input.logger) } : {}),
  })
  return {
    ...base,
    tokens,
    budgets: budgets ?? createPortalBudgets(),
    retryDelayScale: retryDelayScale ?? 1,
    pause: pause ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    mailer: mailer ?? createMailer(input.config.mail, input.logger),
  }
}
