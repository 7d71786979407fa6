import { z } from 'zod'
import { loginBodySchema, loginErrors, meErrors, meSchema, signupBodySchema, signupErrors } from './auth'
import { endpoint } from './endpoint'

/** Accounts and the session cookie. */
export const authApi = {
  signUp: endpoint({
    method: 'POST',
    path: '/api/v1/auth/signup',
    auth: 'public',
    body: signupBodySchema,
    response: meSchema,
    status: 201,
    errors: signupErrors,
  }),
  logIn: endpoint({
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: 'public',
    body: loginBodySchema,
    response: meSchema,
    errors: loginErrors,
  }),
  /** Always succeeds: without a session there is nothing to end. */
  logOut: endpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    auth: 'public',
    response: z.undefined(),
    status: 204,
    errors: [],
  }),
  getMe: endpoint({
    method: 'GET',
    path: '/api/v1/me',
    auth: 'session',
    response: meSchema,
    errors: meErrors,
  }),
}
