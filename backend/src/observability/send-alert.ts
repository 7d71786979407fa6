import type { IntegrationReasonCode } from '@churnlens/contracts'
import { createHmac } from 'node:crypto'
import type { Logger } from 'pino'

export interface AlertConfig {
  url: string
  secret: string
}

export interface NeedsReauthAlert {
  type: 'integration.needs_reauth'
  integrationId: string
  workspaceId: string
  hubId: number | null
  reason: IntegrationReasonCode
  occurredAt: string
}

/**
 * Posts a signed JSON event to ALERT_WEBHOOK_URL: `X-Churnlens-Signature: t=<unix>,v1=<hex hmac>`
 * over `<t>.<body>`, so the receiver can check origin and freshness. Three tries with backoff;
 * an alert that still fails is logged, never thrown into the refresh path.
 */
export async function sendAlert(
  fetchFn: typeof fetch,
  config: AlertConfig,
  alert: NeedsReauthAlert,
  logger: Logger,
  delaysMs = [1000, 4000],
): Promise<boolean> {
  const body = JSON.stringify(alert)
  for (let attempt = 0; attempt <= delaysMs.length; attempt++) {
    const timestamp = Math.floor(Date.now() / 1000)
    const signature = createHmac('sha256', config.secret).update(`${timestamp}.${body}`).digest('hex')
    try {
      const res = await fetchFn(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-churnlens-signature': `t=${timestamp},v1=${signature}` },
        body,
        signal: AbortSignal.timeout(5000),
      })
      if (res.ok) return true
      logger.warn({ status: res.status, attempt }, 'alert webhook refused the event')
    } catch (error) {
      logger.warn({ err: error, attempt }, 'alert webhook unreachable')
    }
    const delay = delaysMs[attempt]
    if (delay !== undefined) await new Promise((r) => setTimeout(r, delay))
  }
  logger.error({ integrationId: alert.integrationId }, 'alert webhook gave up')
  return false
}
