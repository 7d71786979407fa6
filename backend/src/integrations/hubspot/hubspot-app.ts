/**
 * Our HubSpot app as the backend uses it, resolved at boot from config (or, in development,
 * discovered from the simulator). HubSpot's OAuth endpoint version lives here and nowhere else:
 * v1 token endpoints shut down on 2027-02-16, so we use the date-versioned ones.
 */
export interface HubspotApp {
  clientId: string
  clientSecret: string
  redirectUri: string
  authorizeUrl: string
  apiBaseUrl: string
}

export const OAUTH_API_VERSION = '2026-03'

/** Real HubSpot's hosts, used unless config points elsewhere. */
export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com'
export const HUBSPOT_AUTHORIZE_URL = 'https://app.hubspot.com/oauth/authorize'

/** A company's page in HubSpot's own app, where a person can act on what Churnlens found. */
export function hubspotCompanyUrl(hubId: number, companyId: number): string {
  return `https://app.hubspot.com/contacts/${hubId}/company/${companyId}`
}

export function oauthUrls(app: HubspotApp) {
  const base = `${app.apiBaseUrl}/oauth/${OAUTH_API_VERSION}`
  return { token: `${base}/token`, introspect: `${base}/token/introspect`, revoke: `${base}/token/revoke` }
}
