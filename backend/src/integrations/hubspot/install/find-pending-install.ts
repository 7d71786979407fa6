import type { PendingInstallErrorCode } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { sha256 } from '../../../crypto/random-token'
import type { Queryable } from '../../../db/database'
import { pendingInstalls } from '../../../db/schema'
import type { PendingInstallRow } from '../../../db/schema'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'

/** The install a claim token points at, if it can still be claimed. */
export async function findPendingInstall(
  db: Queryable,
  claimToken: string | null,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<Result<PendingInstallRow, PendingInstallErrorCode>> {
  if (!claimToken) return err('install_missing')
  const query = db
    .select()
    .from(pendingInstalls)
    .where(eq(pendingInstalls.claimHash, sha256(claimToken)))
  const [row] = options.lock ? await query.for('update') : await query
  if (!row) return err('install_unknown')
  if (row.claimedAt) return err('install_already_claimed')
  if (row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return err('install_expired')
  return ok(row)
}
