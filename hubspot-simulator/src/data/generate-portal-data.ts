import { createFastRandom } from './fast-random'
import { generateCompany } from './generate-company'
import { generateCompanyTickets } from './generate-company-tickets'
import { generateContacts } from './generate-contacts'
import type { GeneratedPortalData } from './generated-records'
import { planCompanies } from './plan-companies'

export interface PortalDataOptions {
  /** Same seed and `now` → identical data. */
  seed: string
  /** Simulator clock at generation; tickets span the 12 months before it. */
  now: number
  companies: number
  tickets: number
  /** Average contacts per company (default 3.5). */
  contactsPerCompany?: number
  /** Share of companies that are churning (default 0.12). */
  churnShare?: number
}

/**
 * A portal's companies, contacts and tickets. Most companies are healthy (steady, low-priority tickets closed
 * within days, with occasional noise); about 12% are churning, each with its own mix of patterns
 * (see churn-patterns.ts). Pure and deterministic: no ids, no clock reads, no I/O.
 * @example
 * const data = generatePortalData({ seed: 'demo', now: Date.now(), companies: 300, tickets: 5000 })
 */
export function generatePortalData(options: PortalDataOptions): GeneratedPortalData {
  const random = createFastRandom(`portal-data\0${options.seed}`)
  const plans = planCompanies(random, {
    companies: options.companies,
    tickets: options.tickets,
    contactsPerCompany: options.contactsPerCompany ?? 3.5,
    churnShare: options.churnShare ?? 0.12,
    now: options.now,
  })
  const data: GeneratedPortalData = { companies: [], contacts: [], tickets: [] }
  const usedNames = new Set<string>()

  plans.forEach((plan, companyIndex) => {
    const company = generateCompany(random, options.now, usedNames)
    data.companies.push({ ...company, churning: plan.churning, patterns: [...plan.patterns] })
    const firstContact = data.contacts.length
    const contacts = generateContacts(
      random,
      plan.contactCount,
      { name: company.properties.name ?? '', domain: company.properties.domain ?? '', createdAt: company.createdAt },
      options.now,
    )
    for (const contact of contacts) data.contacts.push({ ...contact, companyIndex })
    const contactIndices = contacts.map((_, offset) => firstContact + offset)
    for (const ticket of generateCompanyTickets(random, plan, { now: options.now, companyIndex, contactIndices }))
      data.tickets.push(ticket)
  })
  return data
}
