/**
 * An amount in the portal's currency, whole units; a missing amount is a dash, never 0.
 * @example formatMoney(1250000, 'USD') // "$1,250,000"
 * @example formatMoney(null, 'USD') // "—"
 */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—'
  try {
    return new Intl.NumberFormat('en-US', {
      ...(currency ? { style: 'currency', currency } : {}),
      maximumFractionDigits: 0,
    }).format(amount)
  } catch {
    // A currency code Intl does not know: the number, then the code.
    return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount)} ${currency ?? ''}`.trim()
  }
}

/** A share as a whole percentage; unknown when no company has revenue. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}
