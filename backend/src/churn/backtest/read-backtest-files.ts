import { readTicketCues } from '../language/read-ticket-cues'
import type { TicketFacts } from '../signals/ticket-facts'
import { toTicketPriority } from '../signals/ticket-facts'
import type { Result } from '../../lib/result'
import { ok } from '../../lib/result'
import type { CompanyHistory } from './company-history'
import type { CsvInputError } from './csv-input-error'
import { parseCsvDate } from './parse-csv-date'
import { optionalCsvDate, parseOutcomeRow } from './parse-outcome-row'
import { readCsvRows } from './read-csv-rows'

export const ticketColumns = [
  'company_id',
  'ticket_id',
  'created_at',
  'closed_at',
  'priority',
  'subject',
  'content',
] as const
export const outcomeColumns = ['company_id', 'churned_at'] as const

export interface BacktestInput {
  companies: CompanyHistory[]
  tickets: number
  /** Companies with tickets but no outcome row, kept as customers. */
  companiesWithoutOutcome: number
}

/**
 * Reads the two backtest files, streaming: each ticket's text is read for cues as it arrives and
 * then dropped, so a million tickets fit in memory as numbers and a few words each.
 */
export async function readBacktestFiles(
  ticketsFile: string,
  outcomesFile: string,
): Promise<Result<BacktestInput, CsvInputError>> {
  const companies = new Map<string, CompanyHistory>()
  const outcomes = await readCsvRows(outcomesFile, outcomeColumns, (row) => {
    const parsed = parseOutcomeRow(row)
    if (typeof parsed === 'string') return parsed
    const { companyId: id, customerSince, churnedAt } = parsed
    if (companies.has(id)) return `company ${id} appears twice`
    companies.set(id, { id, customerSince, churnedAt, tickets: [] })
    return null
  })
  if (!outcomes.ok) return outcomes

  let withoutOutcome = 0
  let ticketCount = 0
  const tickets = await readCsvRows(ticketsFile, ticketColumns, (row) => {
    const companyId = row.company_id?.trim() ?? ''
    if (!companyId) return 'company_id is empty'
    if (!row.ticket_id?.trim()) return 'ticket_id is empty'
    const createdAt = parseCsvDate(row.created_at ?? '')
    if (createdAt === null) return `created_at "${row.created_at}" is not an ISO-8601 date or time`
    const closedAt = optionalCsvDate(row.closed_at)
    if (closedAt === undefined)
      return `closed_at "${row.closed_at}" is not an ISO-8601 date or time; leave it empty while the ticket is open`
    if (closedAt !== null && closedAt < createdAt) return 'closed_at is before created_at'
    const priorityText = row.priority?.trim() ?? ''
    const priority = toTicketPriority(priorityText)
    if (priorityText && priority === null)
      return `priority "${priorityText}" is not one of LOW, MEDIUM, HIGH, URGENT (or empty)`
    let company = companies.get(companyId)
    if (!company) {
      company = { id: companyId, customerSince: null, churnedAt: null, tickets: [] }
      companies.set(companyId, company)
      withoutOutcome += 1
    }
    const ticket: TicketFacts = {
      id: ++ticketCount,
      createdAt,
      closedAt,
      closedWithoutDate: false,
      priority,
      escalated: false,
      cues: readTicketCues(row.subject ?? null, row.content ?? null),
    }
    company.tickets.push(ticket)
    return null
  })
  if (!tickets.ok) return tickets
  for (const company of companies.values()) company.tickets.sort((a, b) => a.createdAt - b.createdAt)
  return ok({ companies: [...companies.values()], tickets: ticketCount, companiesWithoutOutcome: withoutOutcome })
}
