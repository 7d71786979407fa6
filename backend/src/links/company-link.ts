import { createHmac } from 'node:crypto'

/**
 * The signature of a link to a company page in a workspace: HMAC-SHA256 under a key derived from the
 * session secret (its own purpose label, so a link signature is never a valid cookie signature or the
 * other way round). Pure.
 */
export function companyLinkSignature(sessionSecret: string, workspaceId: string, companyId: number): string {
  const key = createHmac('sha256', sessionSecret).update('churnlens/company-link/v1').digest()
  return createHmac('sha256', key).update(`${workspaceId}:${companyId}`).digest('base64url')
}

/**
 * The link Slack messages, digest mails and HubSpot tasks carry: our /go page, which signs the person in
 * if needed and opens the company in the link's workspace, whichever workspace the browser was in.
 * @example companyLink('https://app.example.com', secret, ws, 123) // 'https://app.example.com/go/company/123?w=…&s=…'
 */
export function companyLink(publicUrl: string, sessionSecret: string, workspaceId: string, companyId: number): string {
  const query = new URLSearchParams({ w: workspaceId, s: companyLinkSignature(sessionSecret, workspaceId, companyId) })
  return `${publicUrl}/go/company/${companyId}?${query}`
}
