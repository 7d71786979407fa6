/** Who made an API call, as established by bearerAuth. */
export interface AuthContext {
  kind: 'oauth' | 'private-app'
  token: string
  portalId: number
  /** The OAuth app; null for private-app tokens. */
  appId: number | null
  scopes: readonly string[]
}
