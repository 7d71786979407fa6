/** What a churn definition says about one company: since when it was a customer, and when it left. */
export interface ChurnOutcome {
  companyId: number
  /** Epoch ms; null when the definition does not say (then the company's first record is used). */
  customerSince: number | null
  /** Epoch ms; null while still a customer. */
  churnedAt: number | null
  /** The definition cannot tell this company's story (e.g. churned before its history begins): left out. */
  unknown: boolean
}
