import { followUpTasksApi } from '@churnlens/contracts'
import type { FollowUpTaskView } from '@churnlens/contracts'

/** Settings → Alerts → Tasks in HubSpot: whether Churnlens creates follow-up tasks, and the latest ones. */
export function useFollowUpTasks() {
  const view = ref<FollowUpTaskView | null>(null)
  const api = useApiState()

  async function load() {
    const result = await api.run(() => apiFetch(followUpTasksApi.get), { keepError: true })
    if (result?.ok) view.value = result.data
  }
  async function setEnabled(enabled: boolean): Promise<boolean> {
    const result = await api.run(() => apiFetch(followUpTasksApi.set, { body: { enabled } }))
    if (result?.ok) view.value = result.data
    return result?.ok ?? false
  }

  return { view, load, setEnabled, state: { loading: api.loading, error: api.error } }
}
