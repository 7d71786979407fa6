import type { PortalDetails } from '@churnlens/contracts'
import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotCallError, HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'

const accountDetails = z.object({
  portalId: z.number().int(),
  timeZone: z.string(),
  companyCurrency: z.string(),
  dataHostingLocation: z.string(),
  uiDomain: z.string(),
})

/** The portal's own account details: any valid credential may read them, so they also prove one works. */
export const accountDetailsRequest: HubspotRequest = { method: 'GET', path: '/account-info/v3/details' }

/** A 404 for the portal's own details is nothing HubSpot should say: an invalid response. */
export async function processAccountDetails(
  response: Response,
): Promise<Result<PortalDetails, 'forbidden' | 'hubspot_invalid_response'>> {
  const details = await processHubspotJson(response, accountDetails)
  if (!details.ok) return err(details.error === 'not_found' ? 'hubspot_invalid_response' : details.error)
  const { portalId, timeZone, companyCurrency, dataHostingLocation, uiDomain } = details.value
  return ok({ portalId, timeZone, currency: companyCurrency, dataHostingLocation, uiDomain })
}

export function getAccountDetails(client: HubspotClient): Promise<Result<PortalDetails, HubspotCallError>> {
  return client.call(accountDetailsRequest, processAccountDetails)
}
