import { isIP } from 'node:net'
import { z } from 'zod'
import type { KeyRing } from './crypto/key-ring'
import { parseKeyRing } from './crypto/key-ring'
import { HUBSPOT_API_BASE_URL, HUBSPOT_AUTHORIZE_URL } from './integrations/hubspot/hubspot-app'

/**
 * Everything the backend can be told, parsed once at boot from an env-shaped record.
 * Only main.ts passes `process.env`; tests pass plain objects.
 *
 * With no HUBSPOT_CLIENT_ID the backend talks to the local HubSpot simulator and learns the
 * app's credentials from it at boot (see `discover-simulator-app.ts`). With NODE_ENV=production
 * every production setting is required, and each bad one is named.
 */
export interface Config {
  production: boolean
  port: number
  host: string
  publicUrl: string
  secureCookies: boolean
  /**
   * Proxies whose X-Forwarded-For names the client (addresses or CIDR ranges). Empty by default:
   * the socket's peer is the client. TRUST_PROXY=true adds loopback, for the frontend's proxy on this host.
   */
  trustedProxies: string[]
  /** Only development and test may fall back to locally generated secrets. */
  allowDevSecrets: boolean
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string }
  /** Absent in development: main.ts then generates or loads a local key ring in the data folder. */
  keyRing: KeyRing | null
  sessionSecret: string | null
  hubspot: HubspotConfig
  logLevel: string
  alert: { url: string; secret: string } | null
  metricsToken: string | null
  /** HubSpot's v1 webhook signature has no timestamp, so replays pass; off unless asked for. */
  webhooksAcceptV1: boolean
  /** false: an API-only instance that enqueues background work but leaves it to worker instances. */
  runWorker: boolean
  schedule: ScheduleConfig
  retention: RetentionConfig
  mail: MailConfig
}

/**
 * How often the cluster-wide sweeps run. The defaults are the product's; shorter ones let a benchmark
 * compress hours of operation into minutes (HubSpot's token lifetime shrunk in the same proportion).
 */
export interface ScheduleConfig {
  /** The longest a portal goes between incremental passes, even without webhooks (15 minutes); the sweep that
   * queues them ticks fifteen times per interval. */
  syncSweepSeconds: number
  /** The background refresh of tokens about to expire (every minute). */
  tokenRefreshSeconds: number
  /** Portals each worker process syncs at once; each portal's own HubSpot budget still paces its requests. */
  syncConcurrency: number
  /**
   * How long a first import runs before handing its worker slot to the portals waiting behind it (and
   * queueing its own continuation): a few huge imports cannot hold every slot for hours.
   */
  importSliceSeconds: number
  /** When the daily alert digest goes out: a five-field cron in UTC (07:00). */
  alertDigestCron: string
}

/**
 * SMTP to a real server in production; without SMTP_URL (development, tests) the backend starts a
 * local mail catcher on `port` (0: any free one) and sends to it over SMTP (GET /api/v1/dev/mail).
 */
export type MailConfig = { kind: 'smtp'; url: string; from: string } | { kind: 'catcher'; port: number; from: string }

/** How long the retention job keeps what is no longer current (README, "Data retention"). */
export interface RetentionConfig {
  /** Processed webhook events; HubSpot retries a delivery for up to a day, the dedupe key must outlive that. */
  webhookInboxDays: number
  /** Score history behind the trend and the company page's chart (each company's newest point is always kept). */
  scoreHistoryDays: number
  /** Authorize attempts after they expired, so a late callback is told "expired" rather than "unknown". */
  oauthStateDays: number
}

export type HubspotConfig =
  | {
      mode: 'hubspot'
      clientId: string
      clientSecret: string
      redirectUri: string
      apiBaseUrl: string
      authorizeUrl: string
    }
  | { mode: 'simulator'; simulatorUrl: string; redirectUri: string }

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const url = z.url({ protocol: /^https?$/ })
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

const envSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'test', 'production'])),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  HOST: optional(z.string().min(1)),
  PUBLIC_URL: optional(url),
  TRUST_PROXY: optional(z.enum(['true', 'false'])),
  TRUSTED_PROXIES: optional(z.string().min(1)),
  ALLOW_PUBLIC_BIND: optional(z.enum(['true', 'false'])),
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(100)),
  DATA_DIR: optional(z.string().min(1)),
  TOKEN_ENCRYPTION_KEYS: optional(z.string().min(1)),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  HUBSPOT_CLIENT_ID: optional(z.string().min(1)),
  HUBSPOT_CLIENT_SECRET: optional(z.string().min(1)),
  HUBSPOT_REDIRECT_URI: optional(url),
  HUBSPOT_API_BASE_URL: optional(url),
  HUBSPOT_AUTHORIZE_URL: optional(url),
  HUBSPOT_SIMULATOR_URL: optional(url),
  ALERT_WEBHOOK_URL: optional(url),
  ALERT_WEBHOOK_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  HUBSPOT_WEBHOOK_ACCEPT_V1: optional(z.enum(['true', 'false'])),
  RUN_WORKER: optional(z.enum(['true', 'false'])),
  SYNC_SWEEP_INTERVAL_SECONDS: optional(z.coerce.number().int().min(1).max(86_400)),
  ALERT_DIGEST_CRON: optional(z.string().regex(/^\S+( \S+){4}$/, 'must be a five-field cron, e.g. "0 7 * * *"')),
  TOKEN_REFRESH_INTERVAL_SECONDS: optional(z.coerce.number().int().min(1).max(3600)),
  SYNC_CONCURRENCY: optional(z.coerce.number().int().min(1).max(100)),
  SYNC_IMPORT_SLICE_SECONDS: optional(z.coerce.number().int().min(1).max(86_400)),
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  RETENTION_WEBHOOK_INBOX_DAYS: optional(z.coerce.number().int().min(2).max(3650)),
  RETENTION_SCORE_HISTORY_DAYS: optional(z.coerce.number().int().min(60).max(3650)),
  RETENTION_OAUTH_STATE_DAYS: optional(z.coerce.number().int().min(1).max(365)),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  MAIL_FROM: optional(z.string().min(3)),
  MAIL_CATCHER_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
})

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  syncSweepSeconds: 15 * 60,
  tokenRefreshSeconds: 60,
  syncConcurrency: 8,
  importSliceSeconds: 300,
  alertDigestCron: '0 7 * * *',
}

const LOOPBACK = ['127.0.0.0/8', '::1']
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

/** Each entry an IPv4 or IPv6 address, optionally with a prefix length. */
function proxyEntryProblem(entry: string): string | null {
  const [address = '', prefix, ...rest] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || rest.length > 0) return `TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`
  if (prefix === undefined) return null
  const bits = Number(prefix)
  if (!/^\d+$/.test(prefix) || bits > (version === 6 ? 128 : 32))
    return `TRUSTED_PROXIES: "${entry}" has an invalid prefix length`
  return null
}

const productionRequired = [
  'DATABASE_URL',
  'HUBSPOT_CLIENT_ID',
  'HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_REDIRECT_URI',
  'TOKEN_ENCRYPTION_KEYS',
  'SESSION_SECRET',
  'PUBLIC_URL',
  // Metrics list every workspace's sync and webhook counts: never open, even on a private port.
  'METRICS_TOKEN',
  // Password reset links and invitations go out by mail, from an address people recognise.
  'SMTP_URL',
  'MAIL_FROM',
] as const

// Secrets and HubSpot's codes travel to these; production speaks to them only over TLS.
const productionHttpsOnly = [
  'HUBSPOT_API_BASE_URL',
  'HUBSPOT_AUTHORIZE_URL',
  'HUBSPOT_REDIRECT_URI',
  'ALERT_WEBHOOK_URL',
] as const

export function parseConfig(env: Record<string, string | undefined>, defaults: { dataDir: string }): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
  }
  const e = parsed.data
  const problems: string[] = []
  const production = e.NODE_ENV === 'production'
  if (production) {
    for (const name of productionRequired) if (!e[name]) problems.push(`${name}: required when NODE_ENV=production`)
    for (const name of productionHttpsOnly)
      if (e[name] && !e[name].startsWith('https://')) problems.push(`${name}: must be https in production`)
    if (e.HOST && WILDCARD_HOSTS.has(e.HOST) && e.ALLOW_PUBLIC_BIND !== 'true')
      problems.push(
        `HOST: ${e.HOST} listens on every interface; the backend belongs behind its proxy (set ALLOW_PUBLIC_BIND=true if a firewall or container network keeps it private)`,
      )
  }
  if (!e.NODE_ENV && (!e.TOKEN_ENCRYPTION_KEYS || !e.SESSION_SECRET))
    problems.push(
      'NODE_ENV: not set, and TOKEN_ENCRYPTION_KEYS or SESSION_SECRET is missing. Set NODE_ENV=development to use locally generated development secrets, or NODE_ENV=production with real ones.',
    )
  const trustedProxyEntries = (e.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  for (const entry of trustedProxyEntries) {
    const problem = proxyEntryProblem(entry)
    if (problem) problems.push(problem)
  }
  if (e.HUBSPOT_CLIENT_ID) {
    if (!e.HUBSPOT_CLIENT_SECRET) problems.push('HUBSPOT_CLIENT_SECRET: required when HUBSPOT_CLIENT_ID is set')
    if (!e.HUBSPOT_REDIRECT_URI) problems.push('HUBSPOT_REDIRECT_URI: required when HUBSPOT_CLIENT_ID is set')
  }
  let keyRing: KeyRing | null = null
  if (e.TOKEN_ENCRYPTION_KEYS) {
    const ring = parseKeyRing(e.TOKEN_ENCRYPTION_KEYS)
    if (ring.ok) keyRing = ring.ring
    else problems.push(...ring.problems.map((p) => `TOKEN_ENCRYPTION_KEYS: ${p}`))
  }
  if (e.ALERT_WEBHOOK_URL && !e.ALERT_WEBHOOK_SECRET)
    problems.push('ALERT_WEBHOOK_SECRET: required when ALERT_WEBHOOK_URL is set (it signs each alert)')
  const publicUrl = (e.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
  if (production && !publicUrl.startsWith('https://')) problems.push('PUBLIC_URL: must be https in production')
  if (problems.length > 0) throw new ConfigError(problems)

  const redirectUri = e.HUBSPOT_REDIRECT_URI ?? `${publicUrl}/oauth/hubspot/callback`
  const hubspot: HubspotConfig =
    e.HUBSPOT_CLIENT_ID && e.HUBSPOT_CLIENT_SECRET
      ? {
          mode: 'hubspot',
          clientId: e.HUBSPOT_CLIENT_ID,
          clientSecret: e.HUBSPOT_CLIENT_SECRET,
          redirectUri,
          apiBaseUrl: (e.HUBSPOT_API_BASE_URL ?? HUBSPOT_API_BASE_URL).replace(/\/+$/, ''),
          authorizeUrl: e.HUBSPOT_AUTHORIZE_URL ?? HUBSPOT_AUTHORIZE_URL,
        }
      : {
          mode: 'simulator',
          simulatorUrl: (e.HUBSPOT_SIMULATOR_URL ?? 'http://127.0.0.1:4010').replace(/\/+$/, ''),
          redirectUri,
        }

  return {
    production,
    port: e.PORT ?? 3001,
    host: e.HOST ?? '127.0.0.1',
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    // Nothing is trusted unless asked: a backend reachable directly must not let callers name their own address.
    trustedProxies: [...(e.TRUST_PROXY === 'true' ? LOOPBACK : []), ...trustedProxyEntries],
    allowDevSecrets: e.NODE_ENV === 'development' || e.NODE_ENV === 'test',
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE ?? 10 }
      : { kind: 'pglite', dataDir: e.DATA_DIR ?? defaults.dataDir },
    keyRing,
    sessionSecret: e.SESSION_SECRET ?? null,
    hubspot,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    alert:
      e.ALERT_WEBHOOK_URL && e.ALERT_WEBHOOK_SECRET
        ? { url: e.ALERT_WEBHOOK_URL, secret: e.ALERT_WEBHOOK_SECRET }
        : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    webhooksAcceptV1: e.HUBSPOT_WEBHOOK_ACCEPT_V1 === 'true',
    runWorker: e.RUN_WORKER !== 'false',
    schedule: {
      syncSweepSeconds: e.SYNC_SWEEP_INTERVAL_SECONDS ?? DEFAULT_SCHEDULE.syncSweepSeconds,
      tokenRefreshSeconds: e.TOKEN_REFRESH_INTERVAL_SECONDS ?? DEFAULT_SCHEDULE.tokenRefreshSeconds,
      syncConcurrency: e.SYNC_CONCURRENCY ?? DEFAULT_SCHEDULE.syncConcurrency,
      importSliceSeconds: e.SYNC_IMPORT_SLICE_SECONDS ?? DEFAULT_SCHEDULE.importSliceSeconds,
      alertDigestCron: e.ALERT_DIGEST_CRON ?? DEFAULT_SCHEDULE.alertDigestCron,
    },
    mail: e.SMTP_URL
      ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM ?? 'Churnlens <no-reply@localhost>' }
      : { kind: 'catcher', port: e.MAIL_CATCHER_PORT ?? 3025, from: e.MAIL_FROM ?? 'Churnlens <no-reply@localhost>' },
    retention: {
      webhookInboxDays: e.RETENTION_WEBHOOK_INBOX_DAYS ?? 7,
      scoreHistoryDays: e.RETENTION_SCORE_HISTORY_DAYS ?? 400,
      oauthStateDays: e.RETENTION_OAUTH_STATE_DAYS ?? 1,
    },
  }
}

/** For entry points: the parsed config, or every problem printed and the process ended. */
export function parseConfigOrExit(env: Record<string, string | undefined>, defaults: { dataDir: string }): Config {
  try {
    return parseConfig(env, defaults)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}
