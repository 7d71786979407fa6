import { z } from 'zod'

/**
 * Every error code any endpoint can answer with, mapped to its HTTP status in this one table.
 * Each endpoint narrows this to its own closed subset (see the endpoint contracts).
 */
export const errorStatus = {
  // generic edge errors
  invalid_body: 400,
  invalid_query: 400,
  unsupported_media_type: 415,
  unauthenticated: 401,
  not_found: 404,
  server_error: 500,
  payload_too_large: 413,
  cross_site_request: 403,
  // accounts
  email_taken: 409,
  invalid_credentials: 401,
  too_many_attempts: 429,
  wrong_password: 400,
  reset_link_invalid: 400,
  workspace_name_mismatch: 400,
  // the OAuth callback
  oauth_access_denied: 400,
  oauth_provider_error: 400,
  state_missing: 400,
  state_unknown: 400,
  state_expired: 400,
  state_already_used: 409,
  state_session_mismatch: 403,
  code_invalid: 400,
  code_expired: 400,
  missing_scopes: 400,
  redirect_uri_mismatch: 502,
  hubspot_client_rejected: 502,
  hubspot_invalid_response: 502,
  hubspot_unavailable: 503,
  hubspot_daily_limit: 429,
  portal_switch_unconfirmed: 409,
  // installs started from HubSpot
  install_missing: 400,
  install_unknown: 400,
  install_expired: 410,
  install_already_claimed: 409,
  workspace_connected_elsewhere: 409,
  // integration management
  not_connected: 404,
  needs_reauth: 409,
  oauth_connected: 409,
  api_key_invalid: 400,
  api_key_missing_scopes: 400,
  // roles and teams
  forbidden: 403,
  already_member: 409,
  last_owner: 409,
  invitation_invalid: 404,
  invitation_expired: 410,
  invitation_already_used: 409,
  invitation_email_mismatch: 403,
  // the churn model
  no_churn_definition: 409,
  no_learned_weights: 409,
  // the churn definition
  deals_scope_missing: 409,
  unknown_property: 400,
  unknown_pipeline: 400,
  invalid_outcomes_csv: 400,
  // revenue and renewals
  not_a_number_property: 400,
  not_a_date_property: 400,
  // alerts
  invalid_slack_url: 400,
  // signed links into Churnlens
  link_invalid: 400,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof errorStatus

/**
 * Codes the edge answers before any route runs (body too large, a request from another site), so
 * every endpoint may meet them on top of its own list, as it may meet `server_error`.
 */
export const edgeErrorCodes = ['server_error', 'payload_too_large', 'cross_site_request'] as const
export type EdgeErrorCode = (typeof edgeErrorCodes)[number]

export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]

/** Messages a person reads; the UI shows these for a code even when it only has the code (a redirect query). */
export const errorMessages: Record<ErrorCode, string> = {
  invalid_body: 'Some fields are missing or invalid.',
  invalid_query: 'The request had invalid parameters.',
  unsupported_media_type: 'This endpoint only accepts JSON.',
  unauthenticated: 'Please sign in to continue.',
  not_found: 'Not found.',
  server_error: 'Something went wrong on our side. Please try again.',
  payload_too_large: 'The request was larger than Churnlens accepts.',
  cross_site_request: 'This request came from another site, so Churnlens refused it.',
  email_taken: 'An account with this email already exists. Try signing in instead.',
  invalid_credentials: 'That email and password do not match an account.',
  too_many_attempts: 'Too many sign-in attempts. Please wait a few minutes and try again.',
  wrong_password: 'Your current password is not correct.',
  reset_link_invalid: 'This reset link has expired or was already used. Please ask for a new one.',
  workspace_name_mismatch: 'Type the workspace name exactly as shown to confirm.',
  oauth_access_denied:
    'HubSpot access was not granted, so Churnlens cannot read your tickets yet. You can try again whenever you are ready.',
  oauth_provider_error: 'HubSpot could not complete the connection. Please try again.',
  state_missing: 'The link back from HubSpot was incomplete. Please start the connection again.',
  state_unknown: 'We did not recognise this connection attempt. Please start the connection again from Churnlens.',
  state_expired: 'This connection attempt took too long and expired. Please start again.',
  state_already_used: 'This connection link was already used. Please start the connection again.',
  state_session_mismatch:
    'This connection was started from a different sign-in. Please start it again from this browser.',
  code_invalid: 'HubSpot did not accept the authorization. Please start the connection again.',
  code_expired: 'The authorization from HubSpot expired before we could use it. Please start again.',
  missing_scopes:
    'HubSpot granted fewer permissions than Churnlens needs. Please connect again and approve every permission.',
  redirect_uri_mismatch:
    'Churnlens and its HubSpot app disagree on the redirect URL. An administrator needs to fix the app set-up.',
  hubspot_client_rejected:
    "HubSpot rejected Churnlens's app credentials. An administrator needs to check the app set-up.",
  hubspot_invalid_response: 'HubSpot sent a response we could not understand. Please try again in a moment.',
  hubspot_unavailable: 'HubSpot is not reachable right now. Nothing was changed; please try again in a moment.',
  portal_switch_unconfirmed:
    'You picked a different HubSpot portal than the one this workspace is connected to. Nothing was changed. To switch portals, confirm the switch and connect again.',
  install_missing:
    'There is no HubSpot install waiting in this browser. Start it again from HubSpot, or connect from Settings → HubSpot.',
  install_unknown:
    'We did not recognise this HubSpot install. Start it again from HubSpot, or connect from Settings → HubSpot.',
  install_expired:
    'This HubSpot install waited more than an hour to be finished, so Churnlens gave the access back to HubSpot. Please install again.',
  install_already_claimed: 'This HubSpot install was already finished in a workspace.',
  workspace_connected_elsewhere:
    'That workspace is already connected to another HubSpot portal. Pick another workspace, or create a new one for this portal.',
  hubspot_daily_limit:
    "This HubSpot portal has used its daily API allowance. Churnlens will continue after HubSpot resets it at midnight in the portal's time zone.",
  not_connected: 'No HubSpot portal is connected to this workspace.',
  needs_reauth: 'HubSpot no longer accepts this connection. Please reconnect HubSpot.',
  oauth_connected:
    'This workspace is connected through HubSpot OAuth. Disconnect it before switching to a private-app token.',
  api_key_invalid:
    'HubSpot did not accept that private-app token. Check that you copied the whole token and that the app is still installed.',
  api_key_missing_scopes:
    'That private-app token is missing scopes Churnlens needs. Add them to the private app in HubSpot, then paste the token again.',
  forbidden: 'Your role in this workspace does not allow this. An owner or admin can do it, or change your role.',
  already_member: 'That person is already a member of this workspace.',
  last_owner: 'A workspace always keeps at least one owner. Make someone else an owner first.',
  invitation_invalid: 'This invitation link is not valid, or it was revoked. Ask for a new invitation.',
  invitation_expired: 'This invitation expired (links last seven days). Ask for a new one.',
  invitation_already_used: 'This invitation was already accepted. Sign in to open the workspace.',
  invitation_email_mismatch:
    'This invitation was sent to a different email address. Sign in with that address to accept it.',
  no_churn_definition:
    'Choose what "churned" means for your workspace first (Settings → Churn definition); the model is tested against it.',
  no_learned_weights:
    'There are no learned weights to use yet: they appear once a backtest on your own history shows they beat the defaults.',
  deals_scope_missing:
    'Churnlens may not read deals in this portal. Reconnect HubSpot and approve the optional "deals" permission to use renewal deals.',
  unknown_property: 'This HubSpot portal has no company property by that name.',
  unknown_pipeline:
    'This HubSpot portal has no deal pipeline with that id (for a churn definition: or the pipeline has no lost stage).',
  invalid_outcomes_csv: 'The CSV could not be read: see the line named below.',
  not_a_number_property: 'That company property does not hold numbers: revenue needs a number or currency property.',
  not_a_date_property: 'That company property does not hold dates: a renewal date needs a date or date-time property.',
  invalid_slack_url:
    'That is not a usable Slack incoming-webhook URL: it must be an https address such as https://hooks.slack.com/services/….',
  link_invalid:
    'This link is not a valid Churnlens link: it was changed or cut short. Open the company from Churnlens itself, or ask for the alert again.',
}

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
export type ApiError = z.infer<typeof apiErrorSchema>

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value)
}
