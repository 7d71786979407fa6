import type { TestContext } from './test-context'
import { SIMULATOR_URL } from './test-context'

/** The ticket's primary company as HubSpot (the simulator) reports it over v4, or null when it has none. */
export async function primaryCompanyOf(ctx: TestContext, privateAppToken: string, ticketId: number) {
  const links = await ctx.sim.fetch(`${SIMULATOR_URL}/crm/v4/objects/tickets/${ticketId}/associations/companies`, {
    headers: { authorization: `Bearer ${privateAppToken}` },
  })
  const body = (await links.json()) as { results: { toObjectId: number; associationTypes: { typeId: number }[] }[] }
  const primary = body.results.find((l) => l.associationTypes.some((t) => t.typeId === 26)) ?? body.results[0]
  return primary ? Number(primary.toObjectId) : null
}
