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
import type { MailCatcher } from './mail/start-mail-catcher'
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
  /** The development mail catcher this process hosts, if any: GET /api/v1/dev/mail reads it. */
  mailCatcher?: (Pick<MailCatcher, 'list'> & Partial<Pick<MailCatcher, 'url'>>) | null
}

/** Wires the services every entry point (server, jobs, scripts, tests) shares. */
export function createDeps(input: DepsInput): AppDeps {
  const { keyRing, retryDelayScale, budgets, pause, mailCatcher, ...rest } = input
  const mail = input.config.mail
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
    // Without SMTP_URL every process (a CLI too) sends to the catcher the backend runs on that port.
    mailer: createMailer(
      mail.kind === 'smtp' ? mail : { url: mailCatcher?.url ?? `smtp://127.0.0.1:${mail.port}`, from: mail.from }, // port 0: the one it got
    ),
    mailCatcher: mailCatcher ?? null,
  }
}
