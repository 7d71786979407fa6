import type { SealContext } from '../../../crypto/token-cipher'

/** A pending install's tokens open only in their own row and column, like an integration's. */
export function pendingInstallContext(id: string, column: 'access_token' | 'refresh_token'): SealContext {
  return { table: 'pending_installs', rowId: id, column }
}
