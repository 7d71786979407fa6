import { alertsApi } from '@churnlens/contracts'
import type { AlertLogEntry, AlertRules, SlackTargetView } from '@churnlens/contracts'

/**
 * Settings → Alerts: the member's own rules, the workspace's Slack webhook (for those who may
 * configure churn) and the log of what was sent. Each part keeps its own error, so a failing save of
 * the Slack URL does not hide the rules.
 */
export function useAlerts() {
  const rules = ref<AlertRules | null>(null)
  const slack = ref<SlackTargetView | null>(null)
  const log = ref<AlertLogEntry[] | null>(null)
  const rulesApi = useApiState()
  const slackApi = useApiState()
  const logApi = useApiState()

  async function loadRules() {
    const result = await rulesApi.run(() => apiFetch(alertsApi.getRules))
    if (result?.ok) rules.value = result.data
  }
  async function saveRules(next: AlertRules): Promise<boolean> {
    const result = await rulesApi.run(() => apiFetch(alertsApi.setRules, { body: next }))
    if (result?.ok) rules.value = result.data
    return result?.ok ?? false
  }
  async function loadSlack() {
    const result = await slackApi.run(() => apiFetch(alertsApi.getSlack))
    if (result?.ok) slack.value = result.data
  }
  async function saveSlack(url: string | null): Promise<boolean> {
    const result = await slackApi.run(() => apiFetch(alertsApi.setSlack, { body: { url } }))
    if (result?.ok) slack.value = result.data
    return result?.ok ?? false
  }
  async function loadLog() {
    const result = await logApi.run(() => apiFetch(alertsApi.log), { keepError: true })
    if (result?.ok) log.value = result.data.entries
  }

  return {
    rules,
    slack,
    log,
    loadRules,
    saveRules,
    loadSlack,
    saveSlack,
    loadLog,
    rulesState: { loading: rulesApi.loading, error: rulesApi.error },
    slackState: { loading: slackApi.loading, error: slackApi.error },
    logState: { loading: logApi.loading, error: logApi.error },
  }
}
