import { loginBodySchema, signupBodySchema } from '@churnlens/contracts'

export type AuthMode = 'login' | 'signup'
type Field = 'email' | 'password'

/** State and submit of the sign-in and sign-up forms: client-side checks with the contract schema, then the API. */
export function useAuthForm(mode: AuthMode) {
  const session = useSession()
  const route = useRoute()

  const email = ref('')
  const password = ref('')
  const pending = ref(false)
  const fieldErrors = reactive<Record<Field, string | null>>({ email: null, password: null })
  const formError = ref<string | null>(null)

  function resetErrors() {
    fieldErrors.email = null
    fieldErrors.password = null
    formError.value = null
  }

  /** Puts each issue under its field; returns whether any landed there. */
  function showIssues(issues: readonly { path: string; message: string }[]): boolean {
    let placed = false
    for (const issue of issues) {
      const field = issue.path.split('.')[0]
      if ((field === 'email' || field === 'password') && !fieldErrors[field]) {
        fieldErrors[field] = issue.message
        placed = true
      }
    }
    return placed
  }

  async function submit() {
    if (pending.value) return
    resetErrors()
    const schema = mode === 'signup' ? signupBodySchema : loginBodySchema
    const parsed = schema.safeParse({ email: email.value, password: password.value })
    if (!parsed.success) {
      showIssues(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))
      return
    }

    pending.value = true
    const result = mode === 'signup' ? await session.signUp(parsed.data) : await session.logIn(parsed.data)
    if (result.ok) {
      await navigateTo(safeNextPath(queryValue(route.query.next)), { replace: true })
      return
    }
    pending.value = false
    const placed = result.error.issues ? showIssues(result.error.issues) : false
    if (!placed) formError.value = result.error.message
  }

  return {
    email,
    password,
    pending: readonly(pending),
    fieldErrors: readonly(fieldErrors),
    formError: readonly(formError),
    submit,
  }
}
