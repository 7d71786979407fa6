interface RunOptions<C extends AppErrorCode> {
  /** Leave the last error on screen while the call runs (a poll, a reload), instead of clearing it at once. */
  keepError?: boolean
  /** Codes the caller answers itself (e.g. `not_found` showing a page of its own): not recorded as `error`. */
  expected?: readonly C[]
}

/**
 * The state every composable that calls the API shares: `loading` while a call runs, the last
 * call's typed `error`, and signing in again when the session expired mid-page.
 * @example
 * const api = useApiState()
 * const result = await api.run(() => apiFetch(hubspotApi.listEvents))
 * if (result?.ok) events.value = result.data.events
 */
export function useApiState() {
  const signInAgainIfExpired = useSignInAgain()

  const loading = ref(false)
  const error = shallowRef<AppError | null>(null)
  let latest = 0

  /**
   * Runs one call and answers its result, or null when nothing is left for the caller to do: a newer
   * call overtook it (only the newest answer is shown), or the session expired and the person is on
   * the way to sign in. Any other failure is recorded as `error`, unless its code is `expected`.
   */
  async function run<T, C extends AppErrorCode>(
    call: () => Promise<ApiResult<T, C>>,
    options: RunOptions<C> = {},
  ): Promise<ApiResult<T, C> | null> {
    const request = ++latest
    loading.value = true
    if (!options.keepError) error.value = null
    const result = await call()
    if (request !== latest) return null
    loading.value = false
    if (result.ok) {
      error.value = null
      return result
    }
    if (options.expected?.includes(result.error.code)) return result
    if (await signInAgainIfExpired(result.error)) return null
    error.value = result.error
    return result
  }

  /** Takes the error off screen (another action on the same card starts). */
  function clearError() {
    error.value = null
  }

  /** Forgets the call in flight, if any, and the error on screen: the page moved on. */
  function reset() {
    latest++
    loading.value = false
    error.value = null
  }

  return {
    loading: readonly(loading),
    error: computed(() => error.value),
    run,
    clearError,
    reset,
  }
}
