import { z } from 'zod'

/** What went wrong at HubSpot's OAuth endpoints, in our words. */
export type OAuthErrorCode =
  | 'invalid_code'
  | 'expired_code'
  | 'redirect_uri_mismatch'
  | 'client_rejected'
  | 'invalid_refresh_token'
  | 'rate_limited'
  | 'unavailable'
  | 'invalid_response'

// HubSpot sends its legacy `status`/`message` and, since the v3 release, RFC 6749 `error` too.
const oauthErrorBody = z
  .object({
    status: z.string().optional(),
    message: z.string().optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .loose()

const byHubspotStatus: Record<string, OAuthErrorCode> = {
  BAD_AUTH_CODE: 'invalid_code',
  EXPIRED_AUTH_CODE: 'expired_code',
  BAD_REDIRECT_URI: 'redirect_uri_mismatch',
  BAD_CLIENT_ID: 'client_rejected',
  BAD_CLIENT_SECRET: 'client_rejected',
  BAD_REFRESH_TOKEN: 'invalid_refresh_token',
}

/** Pure: an error answer from a token endpoint → our code. `grant` decides what a bare invalid_grant means. */
export function interpretOAuthError(
  status: number,
  body: unknown,
  grant: 'authorization_code' | 'refresh_token',
): OAuthErrorCode {
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'unavailable'
  const parsed = oauthErrorBody.safeParse(body)
  if (!parsed.success) return 'invalid_response'
  const known = parsed.data.status ? byHubspotStatus[parsed.data.status] : undefined
  if (known) return known
  if (parsed.data.error === 'invalid_client') return 'client_rejected'
  if (parsed.data.error === 'invalid_grant')
    return grant === 'authorization_code' ? 'invalid_code' : 'invalid_refresh_token'
  return 'invalid_response'
}

export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}
