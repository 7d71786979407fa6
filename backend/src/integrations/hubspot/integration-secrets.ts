import type { SealContext, TokenCipher } from '../../crypto/token-cipher'

export type SecretColumn = 'access_token' | 'refresh_token' | 'api_key'

/** Where an integration secret is bound: its own row and column, nothing else opens it. */
export function secretContext(integrationId: string, column: SecretColumn): SealContext {
  return { table: 'integrations', rowId: integrationId, column }
}

export function sealSecret(cipher: TokenCipher, integrationId: string, column: SecretColumn, value: string): string {
  return cipher.seal(value, secretContext(integrationId, column))
}
