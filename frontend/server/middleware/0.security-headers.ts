import { getRequestProtocol, setResponseHeaders } from 'h3'

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60

/**
 * Headers for everything this server answers (pages, assets, proxied API answers). Pages get their
 * full Content-Security-Policy from the page-security-headers plugin; this one forbids framing even
 * where that does not run. HSTS only over HTTPS (a TLS terminator in front says so in
 * X-Forwarded-Proto): browsers ignore it over plain HTTP, and localhost must stay reachable without TLS.
 */
export default defineEventHandler((event) => {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'content-security-policy': "frame-ancestors 'none'",
  }
  if (getRequestProtocol(event, { xForwardedProto: true }) === 'https')
    headers['strict-transport-security'] = `max-age=${TWO_YEARS_SECONDS}; includeSubDomains`
  setResponseHeaders(event, headers)
})
