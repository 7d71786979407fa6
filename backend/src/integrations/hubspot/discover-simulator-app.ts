import { z } from 'zod'
import type { HubspotConfig } from '../../config'
import type { HubspotApp } from './hubspot-app'

const simulatorApps = z.array(
  z.object({ clientId: z.string(), clientSecret: z.string(), redirectUris: z.array(z.string()) }),
)

/**
 * Turns config into the app we talk to. In simulator mode the app's credentials come from the
 * simulator's discovery endpoint, waiting for it to come up (npm start launches both at once).
 */
export async function resolveHubspotApp(
  config: HubspotConfig,
  fetchFn: typeof fetch,
  options: { attempts?: number; delayMs?: number } = {},
): Promise<HubspotApp> {
  if (config.mode === 'hubspot') {
    const { clientId, clientSecret, redirectUri, apiBaseUrl, authorizeUrl } = config
    return { clientId, clientSecret, redirectUri, apiBaseUrl, authorizeUrl }
  }
  const attempts = options.attempts ?? 60
  let lastError: unknown
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await fetchFn(`${config.simulatorUrl}/_simulator/apps`)
      const [app] = simulatorApps.parse(await response.json())
      if (!app) throw new Error('the simulator has no registered app')
      if (!app.redirectUris.includes(config.redirectUri)) {
        throw new Error(
          `the simulator's app does not list ${config.redirectUri} as a redirect URI (it has ${app.redirectUris.join(', ')})`,
        )
      }
      return {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: config.redirectUri,
        apiBaseUrl: config.simulatorUrl,
        authorizeUrl: `${config.simulatorUrl}/oauth/authorize`,
      }
    } catch (error) {
      lastError = error
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 250))
    }
  }
  throw new Error(`HubSpot simulator at ${config.simulatorUrl} did not answer`, { cause: lastError })
}
