import type { OpenCompanyLinkBody } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../app-deps'
import { sessions, workspaceMembers } from '../db/schema'
import { sameSecret } from '../http/same-secret'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { companyLinkSignature } from './company-link'

/**
 * Follows a signed company link: the signature must be ours for exactly this workspace and company
 * (compared in constant time), the signed-in person must belong to the workspace, and then this
 * session (this browser only) moves to it, so the company page opens where the link points.
 */
export async function openCompanyLink(
  deps: Pick<AppDeps, 'db' | 'sessionSecret'>,
  session: SessionInfo,
  link: OpenCompanyLinkBody,
): Promise<Result<{ companyId: number; workspaceId: string }, 'link_invalid' | 'forbidden'>> {
  const companyId = Number(link.companyId)
  if (!Number.isSafeInteger(companyId)) return err('link_invalid')
  const expected = companyLinkSignature(deps.sessionSecret, link.workspaceId, companyId)
  if (!sameSecret(link.signature, expected)) return err('link_invalid')
  const [membership] = await deps.db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, link.workspaceId), eq(workspaceMembers.userId, session.userId)))
  if (!membership) return err('forbidden')
  if (session.workspaceId !== link.workspaceId)
    await deps.db.update(sessions).set({ workspaceId: link.workspaceId }).where(eq(sessions.id, session.id))
  return ok({ companyId, workspaceId: link.workspaceId })
}
