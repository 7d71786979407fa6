import { createHash, randomBytes } from 'node:crypto'
import type { Simulator } from '../src/index'

export const appHost = 'https://app.hubspot.com'
export const apiHost = 'https://api.hubapi.com'
export const redirectUri = 'http://localhost:3000/oauth/hubspot/callback'
export const requiredScope = 'oauth tickets crm.objects.companies.read crm.objects.contacts.read'
export const optionalScope = 'crm.objects.companies.write crm.schemas.companies.write'
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export function authorizeUrl(base: string, params: Record<string, string>, portalId?: number): string {
  const path = portalId === undefined ? '/oauth/authorize' : `/oauth/${portalId}/authorize`
  return `${base}${path}?${new URLSearchParams(params).toString()}`
}

export interface ConsentForm {
  action: string
  hidden: Record<string, string>
  portals: { portalId: string; label: string; checked: boolean }[]
  buttons: string[]
}

/** Reads the consent page the way a browser would see it: form action, hidden fields, radios, buttons. */
export function parseConsentForm(html: string): ConsentForm {
  const action = html.match(/<form method="post" action="([^"]+)">/)?.[1]
  if (!action) throw new Error('no consent form in page')
  const hidden: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    hidden[unescapeHtml(match[1] ?? '')] = unescapeHtml(match[2] ?? '')
  }
  const portals = [
    ...html.matchAll(
      /<input type="radio" name="portalId" value="(\d+)" data-testid="portal-\d+"( checked)?>([^<]*)<\/label>/g,
    ),
  ].map((match) => ({ portalId: match[1] ?? '', checked: match[2] !== undefined, label: (match[3] ?? '').trim() }))
  const buttons = [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1] ?? '')
  return { action, hidden, portals, buttons }
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

export function postForm(fetchFn: typeof fetch, url: string, body: Record<string, string>): Promise<Response> {
  return fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
    redirect: 'manual',
  })
}

export interface ConsentOptions {
  base?: string
  clientId: string
  params?: Record<string, string>
  portalId?: string
  decision?: 'grant' | 'deny'
  pinnedPortalId?: number
}

/** Opens the authorize URL, fills the consent form and submits it; returns the decision response. */
export async function submitConsent(fetchFn: typeof fetch, options: ConsentOptions): Promise<Response> {
  const base = options.base ?? appHost
  const params = { client_id: options.clientId, redirect_uri: redirectUri, scope: requiredScope, ...options.params }
  const page = await fetchFn(authorizeUrl(base, params, options.pinnedPortalId))
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${await page.text()}`)
  const form = parseConsentForm(await page.text())
  const portalId = options.portalId ?? form.portals.find((portal) => portal.checked)?.portalId ?? ''
  return postForm(fetchFn, `${base}${form.action}`, { ...form.hidden, portalId, decision: options.decision ?? 'grant' })
}

/** Grant consent and return the `code` from the redirect. */
export async function obtainCode(fetchFn: typeof fetch, options: ConsentOptions): Promise<string> {
  const response = await submitConsent(fetchFn, options)
  const location = response.headers.get('location')
  const code = location ? new URL(location).searchParams.get('code') : null
  if (!code) throw new Error(`no code in redirect (${response.status} ${location ?? ''})`)
  return code
}

export interface TokenBody {
  token_type: string
  refresh_token: string
  access_token: string
  expires_in: number
}

/** Full install of the default app into a portal: consent, then code exchange on /oauth/v3/token. */
export async function connect(
  sim: Simulator,
  portalId = '2000001',
  params: Record<string, string> = {},
): Promise<TokenBody> {
  const app = defaultApp(sim)
  const code = await obtainCode(sim.fetch, { clientId: app.clientId, portalId, params })
  const response = await postForm(sim.fetch, `${apiHost}/oauth/v3/token`, {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    redirect_uri: redirectUri,
    code,
  })
  if (response.status !== 200) throw new Error(`token exchange answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as TokenBody
}

export function defaultApp(sim: Simulator): Simulator['apps'][number] {
  const app = sim.apps[0]
  if (!app) throw new Error('simulator has no app')
  return app
}

export function bearer(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } }
}

/** A settable clock, so expiry tests don't depend on wall time. */
export function fixedClock(start = Date.parse('2026-09-01T12:00:00.000Z')): { now(): number } {
  return { now: () => start }
}
