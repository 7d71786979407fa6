import type { FastRandom } from './fast-random'
import type { GeneratedRecord } from './generated-records'
import { firstNames, jobTitles, lastNames } from './name-lists'
import { dayMs } from './time-grid'

/** The company's people, added while it was a customer; emails are unique within the company's domain. */
export function generateContacts(
  random: FastRandom,
  count: number,
  company: { name: string; domain: string; createdAt: number },
  until: number,
): GeneratedRecord[] {
  const usedEmails = new Set<string>()
  return Array.from({ length: count }, () => {
    const firstname = random.pick(firstNames)
    const lastname = random.pick(lastNames)
    const local = `${firstname}.${lastname}`.toLowerCase()
    let email = `${local}@${company.domain}`
    for (let attempt = 2; usedEmails.has(email); attempt++) email = `${local}${attempt}@${company.domain}`
    usedEmails.add(email)
    const createdAt = Math.min(until - dayMs, company.createdAt + random.int(0, 300) * dayMs + random.int(0, dayMs - 1))
    return {
      properties: { firstname, lastname, email, jobtitle: random.pick(jobTitles), company: company.name },
      createdAt,
      updatedAt: createdAt + Math.floor(random.next() * Math.max(0, until - createdAt)),
    }
  })
}
