import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'

export type SignatureError = 'missing_signature' | 'stale_timestamp' | 'invalid_signature' | 'v1_not_allowed'

/** HubSpot decodes only these escapes in the URI it signs (and not the `?` that starts the query). */
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

export function hubspotSignedUri(url: string): string {
  return url.replace(/%[0-9A-Fa-f]{2}/g, (escape) => decodedEscapes[escape.toUpperCase()] ?? escape)
}

/** v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)). */
export function signatureV3(secret: string, method: string, url: string, rawBody: string, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(`${method}${hubspotSignedUri(url)}${rawBody}${timestamp}`, 'utf8')
    .digest('base64')
}

/** v1: hex(SHA-256(clientSecret + body)); no timestamp, so replays cannot be told apart. */
export function signatureV1(secret: string, rawBody: string): string {
  return createHash('sha256').update(`${secret}${rawBody}`, 'utf8').digest('hex')
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export const MAX_SIGNATURE_AGE_MS = 5 * 60_000

export interface SignedRequest {
  method: string
  /** The URL HubSpot called (our public webhook URL), not the one the proxy forwarded to. */
  url: string
  rawBody: string
  headers: { v3?: string | null; timestamp?: string | null; v1?: string | null; version?: string | null }
}

/** Pure: v3 with a 5-minute timestamp window, or v1 only where a setting allows it. */
export function verifyHubspotSignature(
  secret: string,
  request: SignedRequest,
  options: { now: number; allowV1: boolean },
): Result<'v3' | 'v1', SignatureError> {
  const { v3, timestamp, v1 } = request.headers
  if (v3) {
    const sentAt = Number(timestamp)
    if (!timestamp || !Number.isFinite(sentAt)) return err('missing_signature')
    if (Math.abs(options.now - sentAt) > MAX_SIGNATURE_AGE_MS) return err('stale_timestamp')
    return constantTimeEqual(signatureV3(secret, request.method, request.url, request.rawBody, timestamp), v3)
      ? ok('v3')
      : err('invalid_signature')
  }
  if (v1) {
    if (!options.allowV1) return err('v1_not_allowed')
    return constantTimeEqual(signatureV1(secret, request.rawBody), v1.toLowerCase())
      ? ok('v1')
      : err('invalid_signature')
  }
  return err('missing_signature')
}
