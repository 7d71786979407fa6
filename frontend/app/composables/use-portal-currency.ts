import { hubspotApi } from '@churnlens/contracts'

const CURRENCY_KEY = 'workspace:portal-currency'

/** The connected portal's company currency (HubSpot's account settings), read once per page load; null until known. */
export function usePortalCurrency() {
  const currency = useState<string | null>(CURRENCY_KEY, () => null)
  onMounted(async () => {
    if (currency.value) return
    const result = await apiFetch(hubspotApi.getPortalDetails)
    if (result.ok) currency.value = result.data.portal.currency
  })
  return currency
}
