import { getRequestHeader, getRequestHost, getRequestIP, getRequestProtocol, proxyRequest, setResponseStatus } from 'h3'

/**
 * Forwards every /api/* request to the backend, method, body and cookies included; Set-Cookie comes back as is.
 * The browser only ever talks to this origin, so the session cookie stays first-party.
 */
export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/')) return

  const { backendUrl } = useRuntimeConfig(event)
  const target = `${backendUrl.replace(/\/+$/, '')}${event.path}`

  // The client address comes from the socket, never from a header the client could forge (the backend rate-limits on it).
  const clientIp = getRequestIP(event) ?? ''
  // A forged proto can only hurt the forger (a Secure cookie over http), so an upstream TLS terminator's header is kept.
  const forwardedProto =
    getRequestHeader(event, 'x-forwarded-proto') ?? getRequestProtocol(event, { xForwardedProto: false })

  try {
    return await proxyRequest(event, target, {
      headers: {
        'x-forwarded-for': clientIp,
        'x-forwarded-proto': forwardedProto,
        'x-forwarded-host': getRequestHost(event),
      },
      fetchOptions: { redirect: 'manual' },
    })
  } catch (error) {
    // Backend down or unreachable: answer in the API's own error envelope so the UI can show a friendly message.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)
    console.error(`[api-proxy] backend unreachable: ${event.method} ${target}: ${cause}`)
    setResponseStatus(event, 502)
    return { error: { code: 'server_error', message: 'The Churnlens API is not reachable right now.' } }
  }
})
