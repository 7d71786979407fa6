/** What a churn definition says about one company: since when it was a customer, and when it left. */
export interface ChurnOutcome {
  companyId: number
  customerSince: number | null
  churnedAt: number | null
}
