/** Generator output before ids exist: records reference each other by index into the generated arrays. */
export interface GeneratedRecord {
  properties: Record<string, string>
  createdAt: number
  updatedAt: number
}

export interface GeneratedCompany extends GeneratedRecord {
  churning: boolean
  patterns: string[]
}

export interface GeneratedContact extends GeneratedRecord {
  companyIndex: number
}

export interface GeneratedTicket extends GeneratedRecord {
  companyIndex: number
  contactIndex: number
}

export interface GeneratedPortalData {
  companies: GeneratedCompany[]
  contacts: GeneratedContact[]
  tickets: GeneratedTicket[]
}
