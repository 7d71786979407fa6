import { integrationStatuses } from '@churnlens/contracts'
import { count } from 'drizzle-orm'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Database } from '../db/database'
import { integrations } from '../db/schema'

export type Metrics = ReturnType<typeof createMetrics>

/** One registry per app instance (tests build several apps in one process). Never a token in a label. */
export function createMetrics(db: Database) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'churnlens_' })
  const registers = [registry]
  return {
    registry,
    refreshAttempts: new Counter({
      name: 'churnlens_token_refresh_attempts_total',
      help: 'Token refreshes attempted at HubSpot',
      registers,
    }),
    refreshSuccesses: new Counter({
      name: 'churnlens_token_refresh_successes_total',
      help: 'Token refreshes HubSpot accepted',
      registers,
    }),
    refreshFailures: new Counter({
      name: 'churnlens_token_refresh_failures_total',
      help: 'Token refreshes that failed, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    refreshDuration: new Histogram({
      name: 'churnlens_token_refresh_duration_seconds',
      help: 'Time to refresh a token at HubSpot, lock wait included',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
      registers,
    }),
    hubspotRequests: new Counter({
      name: 'churnlens_hubspot_requests_total',
      help: 'Requests sent to HubSpot, by kind and status code',
      labelNames: ['kind', 'status'] as const,
      registers,
    }),
    statusTransitions: new Counter({
      name: 'churnlens_integration_transitions_total',
      help: 'Integration status transitions',
      labelNames: ['from', 'to'] as const,
      registers,
    }),
    webhookEvents: new Counter({
      name: 'churnlens_webhook_events_total',
      help: 'HubSpot webhook events received, by outcome (accepted, duplicate)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    webhookRejections: new Counter({
      name: 'churnlens_webhook_rejections_total',
      help: 'Webhook requests refused, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    webhookProcessed: new Counter({
      name: 'churnlens_webhook_processed_total',
      help: 'Inbox events processed, by outcome (applied, unknown_portal, ignored)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    rowsPruned: new Counter({
      name: 'churnlens_retention_pruned_rows_total',
      help: 'Rows the retention job deleted, by table',
      labelNames: ['table'] as const,
      registers,
    }),
    integrationsByStatus: new Gauge({
      name: 'churnlens_integrations',
      help: 'Integrations by status and auth type',
      labelNames: ['status', 'auth_type'] as const,
      registers,
      async collect() {
        const rows = await db
          .select({ status: integrations.status, authType: integrations.authType, n: count() })
          .from(integrations)
          .groupBy(integrations.status, integrations.authType)
        this.reset()
        for (const status of integrationStatuses)
          for (const authType of ['oauth', 'api_key']) this.set({ status, auth_type: authType }, 0)
        for (const row of rows) this.set({ status: row.status, auth_type: row.authType }, row.n)
      },
    }),
  }
}
