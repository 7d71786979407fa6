import { parseRetryAfterMs } from './retry-delay'
import type { DeliveryStatus } from './webhook-types'

export interface SendOutcome {
  status: DeliveryStatus
  /** Only for 429 with a readable Retry-After. */
  retryAfterMs?: number
}

export interface SendRequest {
  fetch: typeof fetch
  url: string
  headers: Record<string, string>
  body: string
  timeoutMs: number
}

/**
 * One POST. The deadline covers the whole exchange, body included, as HubSpot counts a slow response as a
 * failure; the race (not only the abort signal) makes in-process fetches that ignore signals time out too.
 */
export async function sendBatch(request: SendRequest): Promise<SendOutcome> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve({ status: 'timeout' })
    }, request.timeoutMs)
  })
  const exchange = (async (): Promise<SendOutcome> => {
    try {
      const response = await request.fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: controller.signal,
      })
      // Drain so keep-alive sockets are reused; the content is irrelevant to HubSpot.
      await response.arrayBuffer().catch(() => undefined)
      const retryAfterMs =
        response.status === 429 ? parseRetryAfterMs(response.headers.get('retry-after'), Date.now()) : undefined
      return retryAfterMs === undefined ? { status: response.status } : { status: response.status, retryAfterMs }
    } catch {
      return { status: controller.signal.aborted ? 'timeout' : 'network' }
    }
  })()
  try {
    return await Promise.race([exchange, deadline])
  } finally {
    clearTimeout(timer)
  }
}

/** HubSpot retries connection failures, timeouts and any 4xx/5xx; 1xx–3xx count as delivered. */
export function shouldRetry(status: DeliveryStatus): boolean {
  return typeof status !== 'number' || status >= 400
}
