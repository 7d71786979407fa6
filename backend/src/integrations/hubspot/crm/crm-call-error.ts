import type { HubspotCallError } from '../client/hubspot-client'
import type { HubspotAnswerError } from '../client/process-hubspot-json'

/** Why a CRM call failed: no usable answer (credential, availability, limits), or the answer's own verdict. */
export type CrmCallError = HubspotCallError | HubspotAnswerError
