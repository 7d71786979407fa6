import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Config } from '../../../config'

export const PENDING_INSTALL_TTL_MS = 60 * 60 * 1000

// __Host- makes the browser refuse it unless Secure, host-only and path=/ (as for the session cookie).
const cookieName = (config: Config) => (config.secureCookies ? '__Host-churnlens_install' : 'churnlens_install')

/** The claim token is a bearer secret: httpOnly, so page scripts never see it; only its hash is stored. */
export function writeInstallCookie(c: Context, config: Config, claimToken: string): void {
  setCookie(c, cookieName(config), claimToken, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(PENDING_INSTALL_TTL_MS / 1000),
  })
}

export function readInstallCookie(c: Context, config: Config): string | null {
  const value = getCookie(c, cookieName(config))
  return value && value.length > 0 && value.length <= 256 ? value : null
}

export function clearInstallCookie(c: Context, config: Config): void {
  deleteCookie(c, cookieName(config), { path: '/', secure: config.secureCookies })
}
