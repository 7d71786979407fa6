import { hubspotApi, isErrorCode } from '@churnlens/contracts'
import type { CallbackBody, ErrorCode } from '@churnlens/contracts'
import type { LocationQuery } from 'vue-router'

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

/** HubSpot came back without our state: an install started from HubSpot, kept for whoever signs in next. */
async function receiveInstall(query: LocationQuery): Promise<CallbackOutcome> {
  const code = queryValue(query.code)
  const error = queryValue(query.error)
  const body = error !== undefined ? { error } : code !== undefined ? { code } : null
  if (!body) return { ok: false, code: 'oauth_provider_error' }
  const result = await apiFetch(hubspotApi.receiveInstall, { body })
  if (result.ok) return { ok: true }
  if (isErrorCode(result.error.code)) return { ok: false, code: result.error.code }
  return { ok: false, code: result.error.code === 'network_error' ? 'hubspot_unavailable' : 'server_error' }
}

/** Finishes the OAuth flow for the current callback URL and moves on; safe to call more than once. */
export function useHubspotCallback() {
  const route = useRoute()

  async function complete(): Promise<void> {
    const key = route.fullPath
    const fromHubspot = route.query.state === undefined
    let outcome = exchanges.get(key)
    if (!outcome) {
      outcome = fromHubspot ? receiveInstall(route.query) : exchange(callbackBodyFrom(route.query))
      exchanges.set(key, outcome)
    }
    const result = await outcome
    if (fromHubspot) {
      await navigateTo(
        { path: '/oauth/hubspot/install', query: result.ok ? {} : { error: result.code } },
        { replace: true },
      )
      return
    }
    if (result.ok) await navigateTo('/onboarding/analyze', { replace: true })
    else await navigateTo({ path: '/onboarding', query: { error: result.code } }, { replace: true })
  }

  return { complete }
}
