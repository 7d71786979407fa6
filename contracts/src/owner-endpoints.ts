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
    permission: 'data:read',
    response: ownersResponseSchema,
    errors: ownersErrors,
  }),
  setMyMatch: endpoint({
    method: 'POST',
    path: '/api/v1/owners/me',
    auth: 'session',
    // Which HubSpot owner the signed-in person is: their own setting, open to every role.
    permission: 'account:self',
    body: setOwnerMatchBodySchema,
    response: myOwnerSchema,
    errors: setOwnerMatchErrors,
  }),
}
