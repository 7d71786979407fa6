import { ownersApi } from '@churnlens/contracts'
import type { OwnersResponse } from '@churnlens/contracts'

const OWNERS_KEY = 'workspace:owners'

/**
 * The portal's HubSpot owners and which one the signed-in member is, read once per page load and
 * shared by the dashboard's filter, its owner column and Settings → Owners.
 */
export function useOwners() {
  const owners = useState<OwnersResponse | null>(OWNERS_KEY, () => null)
  const api = useApiState()

  /** The owners, from memory when already read; null when they could not be read (the dashboard works without). */
  async function ensure(): Promise<OwnersResponse | null> {
    if (owners.value) return owners.value
    return reload()
  }

  async function reload(): Promise<OwnersResponse | null> {
    const result = await api.run(() => apiFetch(ownersApi.list))
    if (result?.ok) owners.value = result.data
    return owners.value
  }

  /** Saves the email the member is matched by (null: their account email). */
  async function setMatch(email: string | null): Promise<boolean> {
    const result = await api.run(() => apiFetch(ownersApi.setMyMatch, { body: { email } }))
    if (!result?.ok) return false
    await reload()
    return true
  }

  const names = computed(() => new Map((owners.value?.owners ?? []).map((owner) => [owner.id, owner.name])))

  return { owners, names, ensure, reload, setMatch, loading: api.loading, error: api.error }
}
