/**
 * A HubSpot API call, described: the request half of a request/process pair. The client adds the
 * credential, waits for the portal's budget and retries; the process half reads the answer.
 */
export interface HubspotRequest {
  method: 'GET' | 'POST'
  /** From the API root, query included, e.g. `/crm/v3/objects/tickets/search`. */
  path: string
  body?: unknown
  /** CRM search has its own 5-per-second limit and does not count against the 10-second budget. */
  budget?: 'api' | 'search'
}

/** The fetch Request for a described call, sent with a bearer credential. */
export function toFetchRequest(apiBaseUrl: string, request: HubspotRequest, token: string): Request {
  return new Request(`${apiBaseUrl}${request.path}`, {
    method: request.method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  })
}
