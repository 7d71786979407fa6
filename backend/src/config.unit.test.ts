import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config'

const defaults = { dataDir: '/tmp/churnlens-data' }

describe('config', () => {
  it('needs nothing in development: PGlite, the simulator and the default redirect URI', () => {
    const config = parseConfig({}, defaults)
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/tmp/churnlens-data' })
    expect(config.hubspot).toEqual({
      mode: 'simulator',
      simulatorUrl: 'http://127.0.0.1:4010',
      redirectUri: 'http://localhost:3000/oauth/hubspot/callback',
    })
    expect(config.secureCookies).toBe(false)
    expect(config.keyRing).toBeNull()
  })

  it('names every missing production setting at once', () => {
    try {
      parseConfig({ NODE_ENV: 'production' }, defaults)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const problems = (error as ConfigError).problems.join('\n')
      for (const name of [
        'DATABASE_URL',
        'HUBSPOT_CLIENT_ID',
        'HUBSPOT_CLIENT_SECRET',
        'HUBSPOT_REDIRECT_URI',
        'TOKEN_ENCRYPTION_KEYS',
        'SESSION_SECRET',
        'PUBLIC_URL',
      ]) {
        expect(problems).toContain(name)
      }
    }
  })

  it('names malformed values', () => {
    expect(() =>
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TOKEN_ENCRYPTION_KEYS: 'k:short' }, defaults),
    ).toThrow(ConfigError)
    expect(() => parseConfig({ TOKEN_ENCRYPTION_KEYS: 'k:c2hvcnQ=' }, defaults)).toThrow(
      /TOKEN_ENCRYPTION_KEYS: key "k": must be 32 bytes/,
    )
  })

  it('uses real HubSpot hosts when an app is configured', () => {
    const config = parseConfig(
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://app@db/churnlens',
        HUBSPOT_CLIENT_ID: 'id',
        HUBSPOT_CLIENT_SECRET: 'secret',
        HUBSPOT_REDIRECT_URI: 'https://churnlens.example.com/oauth/hubspot/callback',
        TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        PUBLIC_URL: 'https://churnlens.example.com',
      },
      defaults,
    )
    expect(config.hubspot).toMatchObject({
      mode: 'hubspot',
      apiBaseUrl: 'https://api.hubapi.com',
      authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
    })
    expect(config.secureCookies).toBe(true)
  })
})
