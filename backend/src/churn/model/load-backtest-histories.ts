import { and, asc, eq, gt } from 'drizzle-orm'
import type { Database } from '../../db/database'
import { crmCompanies } from '../../db/schema'
import type { CompanyHistory } from '../backtest/company-history'
import { loadCompanyTickets } from '../load-company-tickets'
import type { ChurnOutcome } from '../outcomes/churn-outcome'

export interface BacktestInputFromDb {
  histories: CompanyHistory[]
  tickets: number
  /** What was left out or assumed, in sentences for the model page. */
  notes: string[]
}

/**
 * The workspace's synced tickets and its churn outcomes as backtest histories. Point in time where
 * HubSpot says when: creation and close dates. What it does not date (a ticket's earlier priority
 * or wording) is read as it is now, and the page says so; companies whose churn date the definition
 * cannot tell are left out, never guessed.
 */
export async function loadBacktestHistories(
  db: Database,
  workspaceId: string,
  outcomes: readonly ChurnOutcome[],
): Promise<BacktestInputFromDb> {
  const byCompany = new Map(outcomes.map((o) => [o.companyId, o]))
  const histories: CompanyHistory[] = []
  let unknown = 0
  let withoutOutcome = 0
  let tickets = 0
  let closedUndated = 0
  for (let after = 0; ;) {
    const companies = await db
      .select({ id: crmCompanies.hubspotId, createdAt: crmCompanies.hsCreatedAt })
      .from(crmCompanies)
      .where(
        and(
          eq(crmCompanies.workspaceId, workspaceId),
          eq(crmCompanies.archived, false),
          gt(crmCompanies.hubspotId, after),
        ),
      )
      .orderBy(asc(crmCompanies.hubspotId))
      .limit(1000)
    if (companies.length === 0) break
    after = companies.at(-1)!.id
    const ticketsBy = await loadCompanyTickets(
      db,
      workspaceId,
      companies.map((c) => c.id),
    )
    for (const company of companies) {
      const outcome = byCompany.get(company.id)
      if (!outcome) {
        withoutOutcome += 1
        continue
      }
      if (outcome.unknown) {
        unknown += 1
        continue
      }
      const own = (ticketsBy.get(company.id) ?? []).sort((a, b) => a.createdAt - b.createdAt)
      tickets += own.length
      closedUndated += own.filter((t) => t.closedWithoutDate).length
      histories.push({
        id: String(company.id),
        customerSince: outcome.customerSince ?? company.createdAt?.getTime() ?? null,
        churnedAt: outcome.churnedAt,
        tickets: own,
      })
    }
  }
  const notes = [
    'Ticket priority and wording are read as they are now: HubSpot keeps their earlier values only in property history, which is not read for tickets.',
  ]
  if (unknown > 0)
    notes.push(
      `${unknown} ${unknown === 1 ? 'company is' : 'companies are'} left out: the churn definition cannot tell when ${unknown === 1 ? 'it' : 'they'} churned.`,
    )
  if (withoutOutcome > 0)
    notes.push(
      `${withoutOutcome} ${withoutOutcome === 1 ? 'company has' : 'companies have'} no outcome under the churn definition and ${withoutOutcome === 1 ? 'is' : 'are'} left out.`,
    )
  if (closedUndated > 0)
    notes.push(`${closedUndated} tickets were closed without a close date; they count as closed at every cut-off.`)
  return { histories, tickets, notes }
}
