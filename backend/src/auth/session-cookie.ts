import type { Context } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import type { Config } from '../config'
import { SESSION_TTL_MS } from './sessions'

// The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only and path=/.
const cookieName = (config: Config) => (config.secureCookies ? '__Host-churnlens_session' : 'churnlens_session')

export async function readSessionCookie(c: Context, config: Config, secret: string): Promise<string | null> {
  const value = await getSignedCookie(c, secret, cookieName(config))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export async function writeSessionCookie(c: Context, config: Config, secret: string, token: string): Promise<void> {
  await setSignedCookie(c, cookieName(config), token, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  })
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, cookieName(config), { path: '/', secure: config.secureCookies })
}
