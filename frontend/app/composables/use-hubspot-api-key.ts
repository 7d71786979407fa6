import { apiKeyBodySchema, hubspotApi } from '@churnlens/contracts'

const missingScopePrefix = 'missing scope '

/**
 * The "use a private-app token instead" form: checks the token with the contract schema, saves it,
 * and hands the resulting integration to the shared state. `missingScopes` lists what HubSpot says the token lacks.
 */
export function useHubspotApiKey() {
  const hubspot = useHubspotIntegration()
  const signInAgainIfExpired = useSignInAgain()

  const token = ref('')
  const pending = ref(false)
  const fieldError = ref<string | null>(null)
  const formError = ref<AppError | null>(null)
  const missingScopes = ref<string[]>([])
  const saved = ref(false)

  function reset() {
    fieldError.value = null
    formError.value = null
    missingScopes.value = []
    saved.value = false
  }

  async function submit(): Promise<boolean> {
    if (pending.value) return false
    reset()
    const parsed = apiKeyBodySchema.safeParse({ token: token.value })
    if (!parsed.success) {
      fieldError.value = parsed.error.issues[0]?.message ?? 'Paste the whole private-app token.'
      return false
    }

    pending.value = true
    const result = await apiFetch(hubspotApi.connectApiKey, { body: parsed.data })
    pending.value = false
    if (result.ok) {
      token.value = ''
      saved.value = true
      hubspot.apply(result.data.integration)
      return true
    }
    if (await signInAgainIfExpired(result.error)) return false
    const issues = result.error.issues ?? []
    missingScopes.value = issues
      .filter(issue => issue.message.startsWith(missingScopePrefix))
      .map(issue => issue.message.slice(missingScopePrefix.length))
    const tokenIssue = issues.find(issue => issue.path === 'token' && !issue.message.startsWith(missingScopePrefix))
    if (tokenIssue) fieldError.value = tokenIssue.message
    formError.value = result.error
    return false
  }

  return {
    token,
    pending: readonly(pending),
    fieldError: computed(() => fieldError.value),
    formError: computed(() => formError.value),
    missingScopes: computed(() => missingScopes.value),
    saved: readonly(saved),
    submit,
  }
}
