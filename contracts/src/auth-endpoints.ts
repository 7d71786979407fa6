import { z } from 'zod'
import {
  changePasswordBodySchema,
  deleteWorkspaceBodySchema,
  deleteWorkspaceErrors,
  changePasswordErrors,
  loginBodySchema,
  loginErrors,
  meErrors,
  meSchema,
  requestPasswordResetBodySchema,
  requestPasswordResetErrors,
  requestPasswordResetResponseSchema,
  resetPasswordBodySchema,
  resetPasswordErrors,
  signupBodySchema,
  signupErrors,
} from './auth'
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
    permission: 'account:self',
    response: meSchema,
    errors: meErrors,
  }),
  /** Ends every session of the signed-in person, on every device, this one included. */
  logOutEverywhere: endpoint({
    method: 'POST',
    path: '/api/v1/auth/logout-everywhere',
    auth: 'session',
    permission: 'account:self',
    response: z.undefined(),
    status: 204,
    errors: ['unauthenticated'],
  }),
  /** Ends every other session too; this browser gets a fresh one. */
  changePassword: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password',
    auth: 'session',
    permission: 'account:self',
    body: changePasswordBodySchema,
    response: z.undefined(),
    status: 204,
    errors: changePasswordErrors,
  }),
  /**
   * Owner only: revokes the workspace's HubSpot grant, then deletes the workspace with all of its data,
   * and the accounts of members who belong to no other workspace. Signs this browser out.
   */
  deleteWorkspace: endpoint({
    method: 'POST',
    path: '/api/v1/workspace/delete',
    auth: 'session',
    permission: 'workspace:delete',
    body: deleteWorkspaceBodySchema,
    response: z.undefined(),
    status: 204,
    errors: deleteWorkspaceErrors,
  }),
  /** Emails a reset link when the email has an account; answers the same either way. */
  requestPasswordReset: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    auth: 'public',
    body: requestPasswordResetBodySchema,
    response: requestPasswordResetResponseSchema,
    status: 202,
    errors: requestPasswordResetErrors,
  }),
  /** Sets a new password from an emailed link (once, within the hour) and ends every session. */
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset/complete',
    auth: 'public',
    body: resetPasswordBodySchema,
    response: z.undefined(),
    status: 204,
    errors: resetPasswordErrors,
  }),
}
