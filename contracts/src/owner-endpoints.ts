import { endpoint } from './endpoint'
import {
  myOwnerSchema,
  ownersErrors,
  ownersResponseSchema,
  setOwnerMatchBodySchema,
  setOwnerMatchErrors,
} from './owners'

/** HubSpot owners and which one the signed-in member is: what "My accounts" rests on. */
export const ownersApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/owners',
    auth: 'session',
    response: ownersResponseSchema,
    errors: ownersErrors,
  }),
  setMyMatch: endpoint({
    method: 'POST',
    path: '/api/v1/owners/me',
    auth: 'session',
    body: setOwnerMatchBodySchema,
    response: myOwnerSchema,
    errors: setOwnerMatchErrors,
  }),
}
