import { createHash, createHmac } from 'node:crypto'

/** v1 (`X-HubSpot-Signature`): hex(SHA-256(clientSecret + body)). */
export function signatureV1(clientSecret: string, body: string): string {
  return createHash('sha256')
    .update(clientSecret + body, 'utf8')
    .digest('hex')
}

/** HubSpot signs the URI with only these escapes decoded (validating-requests doc); receivers decode the same set. */
const decodedEscapes: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
}

export function signedUri(targetUrl: string): string {
  return targetUrl.replace(/%[0-9A-Fa-f]{2}/g, (escape) => decodedEscapes[escape.toUpperCase()] ?? escape)
}

/** v3 (`X-HubSpot-Signature-v3`): base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)). */
export function signatureV3(
  clientSecret: string,
  method: string,
  targetUrl: string,
  body: string,
  timestamp: number,
): string {
  return createHmac('sha256', clientSecret)
    .update(`${method}${signedUri(targetUrl)}${body}${timestamp}`, 'utf8')
    .digest('base64')
}

export const webhookUserAgent = 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon'

/** Every attempt is signed afresh: a retry carries a new timestamp, so it passes receivers' 5-minute window. */
export function deliveryHeaders(
  clientSecret: string,
  targetUrl: string,
  body: string,
  timestamp: number,
  timeoutMs: number,
): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': webhookUserAgent,
    'X-HubSpot-Signature': signatureV1(clientSecret, body),
    'X-HubSpot-Signature-Version': 'v1',
    'X-HubSpot-Signature-v3': signatureV3(clientSecret, 'POST', targetUrl, body, timestamp),
    'X-HubSpot-Request-Timestamp': String(timestamp),
    // Observed on real deliveries (facts §9, [L]); we send our actual deadline.
    'X-HubSpot-Timeout-Millis': String(timeoutMs),
  }
}
