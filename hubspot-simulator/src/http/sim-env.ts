import type { AuthContext } from '../api/auth-context'

/** Hono environment shared by every simulator route. */
export interface SimEnv {
  Variables: {
    correlationId: string
    /** Set by bearerAuth on API routes. */
    auth: AuthContext
  }
}
