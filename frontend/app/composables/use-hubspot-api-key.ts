import { apiKeyBodySchema, hubspotApi } from '@churnlens/contracts'

const missingScopePrefix = 'missing scope '

/**
 * The "use a private-app token instead" form: checks the token with the contract schema, saves it,
 * and hands the resulting integration to the shared state. `missingScopes` lists what HubSpot says the token lacks.
 */
export function useHubspotApiKey() {
  const hubspot = useHubspotIntegration()
  const api = useApiState()

  const token = ref('')
  const fieldError = ref<string | null>(null)
  const missingScopes = ref<string[]>([])
  const saved = ref(false)

  function reset() {
    fieldError.value = null
    api.clearError()
    missingScopes.value = []
    saved.value = false
  }

  async function submit(): Promise<boolean> {
    if (api.loading.value) return false
    reset()
    const parsed = apiKeyBodySchema.safeParse({ token: token.value })
    if (!parsed.success) {
      fieldError.value = parsed.error.issues[0]?.message ?? 'Paste the whole private-app token.'
      return false
    }

    const result = await api.run(() => apiFetch(hubspotApi.connectApiKey, { body: parsed.data }))
    if (!result) return false
    if (result.ok) {
      token.value = ''
      saved.value = true
      hubspot.apply(result.data.integration)
      return true
    }
    const issues = result.error.issues ?? []
    missingScopes.value = issues
      .filter((issue) => issue.message.startsWith(missingScopePrefix))
      .map((issue) => issue.message.slice(missingScopePrefix.length))
    const tokenIssue = issues.find((issue) => issue.path === 'token' && !issue.message.startsWith(missingScopePrefix))
    if (tokenIssue) fieldError.value = tokenIssue.message
    return false
  }

  return {
    token,
    pending: api.loading,
    fieldError: computed(() => fieldError.value),
    formError: api.error,
    missingScopes: computed(() => missingScopes.value),
    saved: readonly(saved),
    submit,
  }
}
