import type { ChurnCause } from './account'
import type { PortalChurnStyle } from './portal-churn-style'

/** Who set a seeded value: a person in HubSpot's UI, a workflow, or HubSpot's own calculation. */
export type GeneratedSource = 'user' | 'workflow' | 'system'

export interface GeneratedHistoryEntry {
  value: string
  at: number
  by: GeneratedSource
}

/** Generator output before ids exist: records reference each other by index into the generated arrays. */
export interface GeneratedRecord {
  properties: Record<string, string>
  createdAt: number
  updatedAt: number
  /** Properties whose value changed over time, oldest first; the others were set once when the record was made. */
  history?: Record<string, GeneratedHistoryEntry[]>
}

/** What really happened to a company: for tests and benchmarks, never served through the CRM API. */
export interface CompanyTruth {
  customerSince: number
  /** Churn date if it left before now. */
  churnedAt: number | null
  /** Churn date if it leaves after now (only known up to the end of the simulated horizon). */
  churnAt: number | null
  /** Leaves within the horizon after now. */
  churnsWithinHorizon: boolean
  cause: ChurnCause | null
}

export interface GeneratedCompany extends GeneratedRecord {
  truth: CompanyTruth
}

export interface GeneratedContact extends GeneratedRecord {
  companyIndex: number
}

export interface GeneratedTicket extends GeneratedRecord {
  companyIndex: number
  contactIndex: number
}

export interface GeneratedDeal extends GeneratedRecord {
  companyIndex: number
}

export interface GeneratedPortalData {
  /** `now` and the ground-truth horizon the data was generated for. */
  now: number
  horizonDays: number
  style: PortalChurnStyle
  companies: GeneratedCompany[]
  contacts: GeneratedContact[]
  tickets: GeneratedTicket[]
  deals: GeneratedDeal[]
}
