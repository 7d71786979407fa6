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

export function oauthUrls(app: HubspotApp) {
  const base = `${app.apiBaseUrl}/oauth/${OAUTH_API_VERSION}`
  return { token: `${base}/token`, introspect: `${base}/token/introspect`, revoke: `${base}/token/revoke` }
}
