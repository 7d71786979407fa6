import type { RenewalStageRole } from '../crm/deal-pipelines-of'
import { dealPipelinesOf, renewalStageId, renewalStageRoles, renewalsPipelineId } from '../crm/deal-pipelines-of'
import { allocateTickets } from './allocate-tickets'
import { drawAccountTraits } from './draw-account-traits'
import { drawPortalWorld } from './draw-portal-world'
import { createFastRandom } from './fast-random'
import { generateCompany } from './generate-company'
import { generateCompanyTickets } from './generate-company-tickets'
import { generateContacts } from './generate-contacts'
import { generateDeals } from './generate-deals'
import type { GeneratedPortalData } from './generated-records'
import type { PortalChurnStyle } from './portal-churn-style'
import { defaultChurnStyle } from './portal-churn-style'
import { simulateAccountLife } from './simulate-account-life'
import { createTextPool } from './text-pool'
import { createTimeGrid, dayMs, horizonDays } from './time-grid'
import { weighTicketWeeks } from './weigh-ticket-weeks'

export interface PortalDataOptions {
  /** Same seed and `now` → identical data. */
  seed: string
  /** Simulator clock at generation; history spans the 28 months before it, ground truth the 90 days after. */
  now: number
  /** Companies that are or were customers (past churners included). */
  companies: number
  /** Exactly this many tickets, spread over the companies by how much each would file. */
  tickets: number
  /** Average contacts per company (default 3.5). */
  contactsPerCompany?: number
  /** Average share of customers lost per year (default 0.2); the realized share varies with the seed. */
  annualChurnRate?: number
  /** Whose pipeline ids renewal deals use (custom pipeline ids differ per portal). Default 0. */
  portalId?: number
  /** How the portal's team records churn (default: lifecycle `other` plus a `churn_date` property). */
  churnStyle?: PortalChurnStyle
}

/**
 * A portal's companies, contacts, tickets and deals from a model of how B2B customers behave, which knows
 * nothing of any churn score's signals: each customer's health wanders week by week (a mean-reverting walk
 * with shocks: vendor outages, a champion leaving, a bad bug, a good quarter), churn is a hazard driven by
 * health and by causes tickets never show (price, competitors, budget cuts, acquisitions), and tickets are
 * written from the state of the account that week. See the simulator README. Pure and deterministic.
 * @example
 * const data = generatePortalData({ seed: 'demo', now: Date.now(), companies: 300, tickets: 5000 })
 */
export function generatePortalData(options: PortalDataOptions): GeneratedPortalData {
  const random = createFastRandom(`portal-data\0${options.seed}`)
  const grid = createTimeGrid(options.now)
  const world = drawPortalWorld(random, grid)
  const style = options.churnStyle ?? defaultChurnStyle
  const portalId = options.portalId ?? 0
  const pipelines = dealPipelinesOf(portalId)
  const renewals = {
    renewalsPipelineId: renewalsPipelineId(portalId),
    renewalStageIds: Object.fromEntries(
      renewalStageRoles.map((role) => [role, renewalStageId(portalId, role)]),
    ) as Record<RenewalStageRole, string>,
  }
  const annualChurnRate = options.annualChurnRate ?? 0.2
  const contactsPerCompany = options.contactsPerCompany ?? 3.5

  const accounts = Array.from({ length: options.companies }, () => {
    const traits = drawAccountTraits(random, world, grid)
    const life = simulateAccountLife(random, world, grid, traits, annualChurnRate)
    return { traits, life, weights: weighTicketWeeks(world, grid, traits, life) }
  })
  const counts = allocateTickets(
    accounts.map(({ weights }) => weights.reduce((sum, weight) => sum + weight, 0)),
    options.tickets,
  )

  const data: GeneratedPortalData = {
    now: options.now,
    horizonDays,
    style,
    companies: [],
    contacts: [],
    tickets: [],
    deals: [],
  }
  const usedNames = new Set<string>()
  const texts = createTextPool()
  accounts.forEach(({ traits, life, weights }, companyIndex) => {
    const company = generateCompany(random, traits, life, grid, style, usedNames)
    data.companies.push(company)
    const name = company.properties.name ?? ''
    const contactCount = Math.max(
      1,
      Math.min(Math.round(contactsPerCompany * 2 + 1), Math.round(contactsPerCompany + random.normal() * 1.3)),
    )
    const until = Math.min(options.now, life.churnAt ?? Infinity)
    const firstContact = data.contacts.length
    for (const contact of generateContacts(
      random,
      contactCount,
      {
        name,
        domain: company.properties.domain ?? '',
        createdAt: Math.max(company.createdAt, traits.customerSince - 30 * dayMs),
      },
      until,
    )) {
      data.contacts.push({ ...contact, companyIndex })
    }
    const contactIndices = Array.from(
      { length: data.contacts.length - firstContact },
      (_, offset) => firstContact + offset,
    )
    const tickets = generateCompanyTickets(random, {
      world,
      grid,
      traits,
      life,
      weights,
      count: counts[companyIndex] ?? 0,
      companyIndex,
      contactIndices,
      texts,
    })
    for (const ticket of tickets) data.tickets.push(ticket)
    const markedBy = style.markedBy
    for (const deal of generateDeals(random, {
      traits,
      life,
      grid,
      companyName: name,
      companyCreatedAt: company.createdAt,
      companyIndex,
      pipelines,
      ...renewals,
      markedBy,
    }))
      data.deals.push(deal)
  })
  return data
}
