export interface AccessTokenRecord {
  token: string
  appId: number
  portalId: number
  installId: number
  issuedAt: number
  expiresAt: number
  /** Set by /oauth/v3/token/revoke on the access token itself. */
  revoked: boolean
}

export interface RefreshTokenRecord {
  token: string
  appId: number
  clientId: string
  portalId: number
  installId: number
  issuedAt: number
  revoked: boolean
}

export interface AuthCode {
  code: string
  appId: number
  clientId: string
  redirectUri: string
  portalId: number
  installId: number
  codeChallenge?: string
  expiresAt: number
  used: boolean
}
