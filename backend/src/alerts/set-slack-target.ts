import type { SetSlackTargetBody } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { alertSlackTargets } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { maskSlackUrl } from './mask-slack-url'
import { slackUrlSeal } from './slack-url-seal'

/**
 * Saves (or removes) the workspace's Slack URL. Saving starts afresh: a URL given up on as failing is
 * tried again. Production accepts https only; development also takes the simulator's http receiver.
 */
export async function setSlackTarget(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'config'>,
  workspaceId: string,
  body: SetSlackTargetBody,
  now: Date,
): Promise<Result<void, 'invalid_slack_url'>> {
  if (body.url === null || body.url === '') {
    await deps.db.delete(alertSlackTargets).where(eq(alertSlackTargets.workspaceId, workspaceId))
    return ok(undefined)
  }
  const url = URL.canParse(body.url) ? new URL(body.url) : null
  const schemes = deps.config.production ? ['https:'] : ['https:', 'http:']
  if (!url || !schemes.includes(url.protocol) || url.username || url.password || url.pathname.length < 2)
    return err('invalid_slack_url')
  const values = {
    urlSealed: deps.cipher.seal(url.href, slackUrlSeal(workspaceId)),
    maskedUrl: maskSlackUrl(url),
    consecutiveFailures: 0,
    lastError: null,
    failingSince: null,
    updatedAt: now,
  }
  await deps.db
    .insert(alertSlackTargets)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: alertSlackTargets.workspaceId, set: values })
  return ok(undefined)
}
