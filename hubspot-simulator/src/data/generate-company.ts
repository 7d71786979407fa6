import { industries } from '../crm/property-definitions'
import type { FastRandom } from './fast-random'
import { companyNouns, companyPrefixes, companySuffixes, locations } from './name-lists'
import { dayMs } from './plan-companies'

/** A company's HubSpot properties. Customers signed up 13–60 months ago, so a full year of tickets fits after. */
export function generateCompany(
  random: FastRandom,
  now: number,
  usedNames: Set<string>,
): { properties: Record<string, string>; createdAt: number; updatedAt: number } {
  const base = `${random.pick(companyPrefixes)} ${random.pick(companyNouns)}`
  let name = `${base} ${random.pick(companySuffixes)}`
  for (let attempt = 2; usedNames.has(name); attempt++) name = `${base} ${attempt}`
  usedNames.add(name)
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`
  const [city, state, country] = random.pick(locations)
  const employees = Math.round(random.logNormal(Math.log(120), 1.1)) + 5
  const createdAt = now - random.int(400, 1800) * dayMs - random.int(0, dayMs - 1)
  return {
    properties: {
      name,
      domain,
      website: `https://${domain}`,
      industry: random.pick(industries),
      numberofemployees: String(employees),
      annualrevenue: String(employees * random.int(60, 250) * 1000),
      city,
      state,
      country,
      phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
    },
    createdAt,
    updatedAt: Math.max(createdAt, now - random.int(0, 60) * dayMs - random.int(0, dayMs - 1)),
  }
}
