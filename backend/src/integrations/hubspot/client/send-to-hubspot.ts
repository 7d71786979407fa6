import type { Logger } from 'pino'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'

export type TransportError = { kind: 'network' | 'timeout'; cause: unknown }

/** How a request reaches HubSpot: an injected fetch (the simulator's in tests), and where trouble is logged. */
export interface HubspotTransport {
  fetch: typeof fetch
  logger: Logger
}

const DEFAULT_TIMEOUT_MS = 15_000

/**
 * The only place HubSpot I/O happens: an injected fetch with a timeout; network trouble is a value.
 * Its cause is logged here, once: callers see only the kind, and retry or map it to a code.
 */
export async function sendToHubspot(
  transport: HubspotTransport,
  request: Request,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Result<Response, TransportError>> {
  try {
    return ok(await transport.fetch(request, { signal: AbortSignal.timeout(timeoutMs) }))
  } catch (cause) {
    const timedOut = cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError')
    const kind = timedOut ? 'timeout' : 'network'
    // Method and host only: paths and queries can carry ids, never anything else of the request.
    transport.logger.warn(
      { err: cause, kind, method: request.method, host: new URL(request.url).host },
      'hubspot request failed before an answer',
    )
    return err({ kind, cause })
  }
}
