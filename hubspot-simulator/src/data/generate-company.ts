import { industries } from '../crm/property-definitions'
import type { AccountLife, AccountTraits } from './account'
import { anniversaryAfter } from './anniversary-after'
import type { FastRandom } from './fast-random'
import type { CompanyTruth, GeneratedCompany, GeneratedHistoryEntry } from './generated-records'
import { companyNouns, companyPrefixes, companySuffixes, locations } from './name-lists'
import type { PortalChurnStyle } from './portal-churn-style'
import type { TimeGrid } from './time-grid'
import { dayMs, horizonDays } from './time-grid'

/**
 * A company's HubSpot record: created as a lead some weeks before it signed, `customer` from its signing date,
 * and, if it left, marked the way this portal's team marks churn (or, now and then, not at all).
 */
export function generateCompany(
  random: FastRandom,
  traits: AccountTraits,
  life: AccountLife,
  grid: TimeGrid,
  style: PortalChurnStyle,
  usedNames: Set<string>,
): GeneratedCompany {
  const base = `${random.pick(companyPrefixes)} ${random.pick(companyNouns)}`
  let name = `${base} ${random.pick(companySuffixes)}`
  for (let attempt = 2; usedNames.has(name); attempt++) name = `${base} ${attempt}`
  usedNames.add(name)
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`
  const [city, state, country] = random.pick(locations)
  const createdAt = traits.customerSince - random.int(20, 200) * dayMs - random.int(0, dayMs - 1)
  const lifecycle: GeneratedHistoryEntry[] = [
    { value: 'lead', at: createdAt, by: 'user' },
    {
      value: 'opportunity',
      at: createdAt + Math.round((traits.customerSince - createdAt) * random.between(0.3, 0.8)),
      by: 'user',
    },
    { value: 'customer', at: traits.customerSince + random.int(0, 3) * dayMs, by: 'user' },
  ]
  const history: Record<string, GeneratedHistoryEntry[]> = { lifecyclestage: lifecycle }
  const properties: Record<string, string> = {
    name,
    domain,
    website: `https://${domain}`,
    industry: random.pick(industries),
    numberofemployees: String(traits.employees),
    annualrevenue: String(traits.employees * random.int(60, 250) * 1000),
    city,
    state,
    country,
    phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
  }

  // The team's own contract fields: `arr` (custom number) and, for current customers, `renewal_date` (custom date,
  // the next anniversary of signing, as the open renewal deal's close date). Some are left empty, as teams do;
  // which ones follows from the signing day, so no random draw is spent and the rest of the data is unchanged.
  const signingDay = Math.floor(traits.customerSince / dayMs)
  if (signingDay % 7 !== 3) properties.arr = String(traits.arr)
  const current = life.churnAt === null || life.churnAt > grid.now
  if (current && signingDay % 5 !== 0)
    properties.renewal_date = new Date(anniversaryAfter(traits.customerSince, grid.now)).toISOString().slice(0, 10)

  const churnedAt = life.churnAt !== null && life.churnAt <= grid.now ? life.churnAt : null
  if (churnedAt !== null && !random.chance(style.unmarkedShare)) {
    const markedAt = style.markedBy === 'workflow' ? churnedAt : churnedAt + random.int(0 * dayMs, 10 * dayMs)
    const by = style.markedBy
    if (markedAt <= grid.now) {
      lifecycle.push({ value: style.churnedStage === 'other' ? 'other' : style.churnedStage.value, at: markedAt, by })
      if (style.churnDateProperty)
        history.churn_date = [{ value: new Date(churnedAt).toISOString().slice(0, 10), at: markedAt, by }]
      if (style.churnedFlagProperty) history.churned = [{ value: 'true', at: markedAt, by }]
    }
  }
  let lastChange = createdAt
  for (const [property, entries] of Object.entries(history)) {
    const last = entries[entries.length - 1]
    if (!last) continue
    properties[property] = last.value
    lastChange = Math.max(lastChange, last.at)
  }
  const truth: CompanyTruth = {
    customerSince: traits.customerSince,
    churnedAt,
    churnAt: life.churnAt !== null && life.churnAt > grid.now ? life.churnAt : null,
    churnsWithinHorizon:
      life.churnAt !== null && life.churnAt > grid.now && life.churnAt <= grid.now + horizonDays * dayMs,
    cause: life.cause !== null && life.churnAt !== null ? life.cause : null,
  }
  return {
    properties,
    createdAt,
    updatedAt: Math.min(grid.now, Math.max(lastChange, grid.now - random.int(0, 90) * dayMs)),
    history,
    truth,
  }
}
