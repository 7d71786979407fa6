import { bodyLimitFor } from '@churnlens/contracts'
import { resolveClientAddress, splitProxyList, trustedProxyList } from '@churnlens/contracts/client-address'
import {
  getProxyRequestHeaders,
  getRequestHeader,
  getRequestHost,
  getRequestIP,
  getRequestProtocol,
  sendProxy,
  setResponseStatus,
} from 'h3'
import { forwardableApiPath } from '../utils/forwardable-api-path'
import { readLimitedBody } from '../utils/read-limited-body'

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE'])

let trusted: ReturnType<typeof trustedProxyList> | null = null

/** NUXT_TRUSTED_PROXIES, read on the first request; a malformed entry is a configuration error worth its name. */
function proxiesFromSetting(text: string) {
  try {
    return trustedProxyList(splitProxyList(text))
  } catch (error) {
    throw new Error(`NUXT_TRUSTED_PROXIES: ${(error as Error).message}`, { cause: error })
  }
}

const apiError = (code: string, message: string) => ({ error: { code, message } })

/**
 * Forwards /api/v1/** to the backend, method, body and cookies included; Set-Cookie comes back as is.
 * The browser only ever talks to this origin, so the session cookie stays first-party.
 */
export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/') && !/^\/api(%2f|%5c|\\)/i.test(event.path)) return

  const path = forwardableApiPath(event.path)
  if (!path) {
    setResponseStatus(event, 404)
    return apiError('not_found', 'Not found.')
  }
  const { backendUrl, trustedProxies } = useRuntimeConfig(event)
  const target = `${backendUrl.replace(/\/+$/, '')}${path}`

  let body: Uint8Array<ArrayBuffer> | undefined
  if (!BODYLESS_METHODS.has(event.method)) {
    // The backend's own limits, from the one table: refused here too, before a byte is buffered beyond them.
    const read = await readLimitedBody(event.node.req, bodyLimitFor(path))
    if (!read) {
      setResponseStatus(event, 413)
      return apiError('payload_too_large', 'The request was larger than Churnlens accepts.')
    }
    body = new Uint8Array(read)
  }

  // The client's address: the socket's peer, or what a configured proxy in front of us forwarded; never a client's own claim.
  trusted ??= proxiesFromSetting(String(trustedProxies ?? ''))
  const clientIp = resolveClientAddress(getRequestIP(event) ?? '', getRequestHeader(event, 'x-forwarded-for'), trusted)
  // A forged proto can only hurt the forger (a Secure cookie over http), so an upstream TLS terminator's header is kept.
  const forwardedProto =
    getRequestHeader(event, 'x-forwarded-proto') ?? getRequestProtocol(event, { xForwardedProto: false })

  try {
    return await sendProxy(event, target, {
      fetchOptions: {
        method: event.method,
        ...(body ? { body } : {}),
        redirect: 'manual',
        headers: {
          ...getProxyRequestHeaders(event),
          'x-forwarded-for': clientIp,
          'x-forwarded-proto': forwardedProto,
          'x-forwarded-host': getRequestHost(event),
        },
      },
    })
  } catch (error) {
    // Backend down or unreachable: answer in the API's own error envelope so the UI can show a friendly message.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)
    console.error(`[api-proxy] backend unreachable: ${event.method} ${target}: ${cause}`)
    setResponseStatus(event, 502)
    return apiError('server_error', 'The Churnlens API is not reachable right now.')
  }
})
