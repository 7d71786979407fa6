import { openCompanyLinkBodySchema, openCompanyLinkErrors, openCompanyLinkResponseSchema } from './links'
import { endpoint } from './endpoint'

/** Links into Churnlens from outside (alerts, digests, HubSpot tasks). */
export const linksApi = {
  /**
   * Checks a signed company link and moves this session to its workspace. A POST from our own page (the
   * page at /go/company/:id), never the GET of the link itself: switching workspace must not be forgeable.
   */
  openCompany: endpoint({
    method: 'POST',
    path: '/api/v1/links/company',
    auth: 'session',
    // Anyone signed in may try; membership of the link's workspace is checked by the route itself.
    permission: 'account:self',
    body: openCompanyLinkBodySchema,
    response: openCompanyLinkResponseSchema,
    errors: openCompanyLinkErrors,
  }),
}
