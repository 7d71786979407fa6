import { eq } from 'drizzle-orm'
import { syncState } from '../src/db/schema'
import type { JobScheduler } from '../src/jobs/job-scheduler'
import type { TestContext } from './test-context'

/** A new team connects the portal and its first sync is queued; answers the team's workspace. */
export async function connectAndRequestSync(
  ctx: TestContext,
  worker: Pick<JobScheduler, 'requestSync'>,
  portalId: number,
): Promise<string> {
  const agent = await ctx.signedUpAgent()
  const res = await ctx.connect(agent, portalId)
  await worker.requestSync(String(res.body.integration?.id), 'connected')
  return agent.workspaceId
}

/** Every object type of the workspace has finished its first import. */
export async function importFinished(ctx: TestContext, workspaceId: string): Promise<boolean> {
  const rows = await ctx.database.db.select().from(syncState).where(eq(syncState.workspaceId, workspaceId))
  return rows.length === 3 && rows.every((row) => row.phase === 'incremental')
}
