import { hubspotApi, isErrorCode } from '@churnlens/contracts'
import type { CallbackBody, ErrorCode } from '@churnlens/contracts'

/** Where the callback page goes next: the analyze page, or the onboarding page explaining the failure. */
export type CallbackOutcome = { ok: true } | { ok: false; code: ErrorCode }

// One exchange per callback URL: HubSpot's code is single-use, so a re-mount must not post it twice.
const exchanges = new Map<string, Promise<CallbackOutcome>>()

async function exchange(body: CallbackBody | null): Promise<CallbackOutcome> {
  // Neither a code nor an error: HubSpot did not send us back properly.
  if (!body) return { ok: false, code: 'oauth_provider_error' }
  const result = await apiFetch(hubspotApi.completeAuthorization, { body })
  if (result.ok) return { ok: true }
  if (isErrorCode(result.error.code)) return { ok: false, code: result.error.code }
  return { ok: false, code: result.error.code === 'network_error' ? 'hubspot_unavailable' : 'server_error' }
}

/** Finishes the OAuth flow for the current callback URL and moves on; safe to call more than once. */
export function useHubspotCallback() {
  const route = useRoute()

  async function complete(): Promise<void> {
    const key = route.fullPath
    let outcome = exchanges.get(key)
    if (!outcome) {
      outcome = exchange(callbackBodyFrom(route.query))
      exchanges.set(key, outcome)
    }
    const result = await outcome
    if (result.ok) await navigateTo('/onboarding/analyze', { replace: true })
    else await navigateTo({ path: '/onboarding', query: { error: result.code } }, { replace: true })
  }

  return { complete }
}
