import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'

export type TransportError = { kind: 'network' | 'timeout'; cause: unknown }

const DEFAULT_TIMEOUT_MS = 15_000

/** The only place HubSpot I/O happens: an injected fetch with a timeout; network trouble is a value. */
export async function sendToHubspot(fetchFn: typeof fetch, request: Request, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Result<Response, TransportError>> {
  try {
    return ok(await fetchFn(request, { signal: AbortSignal.timeout(timeoutMs) }))
  } catch (cause) {
    const timedOut = cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError')
    return err({ kind: timedOut ? 'timeout' : 'network', cause })
  }
}
