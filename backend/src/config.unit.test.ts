import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config'

const defaults = { dataDir: '/tmp/churnlens-data' }

describe('config', () => {
  it('needs nothing in development: PGlite, the simulator and the default redirect URI', () => {
    const config = parseConfig({ NODE_ENV: 'development' }, defaults)
    expect(config.allowDevSecrets).toBe(true)
    expect(config.trustedProxies).toEqual([])
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/tmp/churnlens-data' })
    expect(config.hubspot).toEqual({
      mode: 'simulator',
      simulatorUrl: 'http://127.0.0.1:4010',
      redirectUri: 'http://localhost:3000/oauth/hubspot/callback',
    })
    expect(config.secureCookies).toBe(false)
    expect(config.keyRing).toBeNull()
  })

  it('schedules at the product intervals unless told; sync concurrency and intervals are bounded', () => {
    expect(parseConfig({ NODE_ENV: 'development' }, defaults).schedule).toEqual({
      syncSweepSeconds: 900,
      tokenRefreshSeconds: 60,
      syncConcurrency: 8,
      importSliceSeconds: 300,
      alertDigestCron: '0 7 * * *',
    })
    const compressed = parseConfig(
      {
        NODE_ENV: 'development',
        SYNC_SWEEP_INTERVAL_SECONDS: '15',
        TOKEN_REFRESH_INTERVAL_SECONDS: '1',
        SYNC_CONCURRENCY: '3',
        SYNC_IMPORT_SLICE_SECONDS: '20',
        ALERT_DIGEST_CRON: '* * * * *',
      },
      defaults,
    )
    expect(compressed.schedule).toEqual({
      syncSweepSeconds: 15,
      tokenRefreshSeconds: 1,
      syncConcurrency: 3,
      importSliceSeconds: 20,
      alertDigestCron: '* * * * *',
    })
    expect(() => parseConfig({ NODE_ENV: 'development', ALERT_DIGEST_CRON: 'daily' }, defaults)).toThrow(ConfigError)
    expect(() => parseConfig({ NODE_ENV: 'development', SYNC_CONCURRENCY: '0' }, defaults)).toThrow(ConfigError)
    expect(() => parseConfig({ NODE_ENV: 'development', SYNC_IMPORT_SLICE_SECONDS: '0' }, defaults)).toThrow(
      ConfigError,
    )
    expect(() => parseConfig({ NODE_ENV: 'development', SYNC_SWEEP_INTERVAL_SECONDS: '0' }, defaults)).toThrow(
      ConfigError,
    )
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
        'METRICS_TOKEN',
        'SMTP_URL',
        'MAIL_FROM',
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
        METRICS_TOKEN: 'a metrics token of some length',
        SMTP_URL: 'smtps://user:pass@smtp.example.com',
        MAIL_FROM: 'Churnlens <no-reply@churnlens.example.com>',
      },
      defaults,
    )
    expect(config.allowDevSecrets).toBe(false)
    expect(config.hubspot).toMatchObject({
      mode: 'hubspot',
      apiBaseUrl: 'https://api.hubapi.com',
      authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
    })
    expect(config.secureCookies).toBe(true)
  })

  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://app@db/churnlens',
    HUBSPOT_CLIENT_ID: 'id',
    HUBSPOT_CLIENT_SECRET: 'secret',
    HUBSPOT_REDIRECT_URI: 'https://churnlens.example.com/oauth/hubspot/callback',
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    PUBLIC_URL: 'https://churnlens.example.com',
    METRICS_TOKEN: 'a metrics token of some length',
    SMTP_URL: 'smtps://user:pass@smtp.example.com',
    MAIL_FROM: 'Churnlens <no-reply@churnlens.example.com>',
  }
  const problemsOf = (env: Record<string, string>) => {
    try {
      parseConfig(env, defaults)
      return []
    } catch (error) {
      if (error instanceof ConfigError) return error.problems
      throw error
    }
  }

  it.each([
    ['HUBSPOT_API_BASE_URL', 'http://api.hubapi.com'],
    ['HUBSPOT_AUTHORIZE_URL', 'http://app.hubspot.com/oauth/authorize'],
    ['HUBSPOT_REDIRECT_URI', 'http://churnlens.example.com/oauth/hubspot/callback'],
    ['ALERT_WEBHOOK_URL', 'http://alerts.example.com/hook'],
  ])('refuses plain-http %s in production', (name, value) => {
    expect(problemsOf({ ...production, [name]: value, ALERT_WEBHOOK_SECRET: 'sixteen chars long' })).toContain(
      `${name}: must be https in production`,
    )
  })

  it('refuses to start with NODE_ENV unset and no real secrets, instead of writing development secrets', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^NODE_ENV: not set, and TOKEN_ENCRYPTION_KEYS/)])
    const withSecrets = {
      TOKEN_ENCRYPTION_KEYS: production.TOKEN_ENCRYPTION_KEYS,
      SESSION_SECRET: production.SESSION_SECRET,
    }
    expect(parseConfig(withSecrets, defaults).allowDevSecrets).toBe(false)
  })

  it('binds to every interface in production only when asked to', () => {
    expect(problemsOf({ ...production, HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^HOST: 0\.0\.0\.0 listens/)])
    expect(problemsOf({ ...production, HOST: '::' })).toHaveLength(1)
    expect(problemsOf({ ...production, HOST: '0.0.0.0', ALLOW_PUBLIC_BIND: 'true' })).toEqual([])
    expect(problemsOf({ NODE_ENV: 'development', HOST: '0.0.0.0' })).toEqual([])
  })

  it('trusts no proxy unless told; TRUST_PROXY trusts loopback, TRUSTED_PROXIES names the rest', () => {
    expect(parseConfig({ NODE_ENV: 'development' }, defaults).trustedProxies).toEqual([])
    expect(parseConfig({ NODE_ENV: 'development', TRUST_PROXY: 'true' }, defaults).trustedProxies).toEqual([
      '127.0.0.0/8',
      '::1',
    ])
    expect(
      parseConfig({ NODE_ENV: 'development', TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7,fd00::/8' }, defaults)
        .trustedProxies,
    ).toEqual(['10.0.0.0/8', '192.0.2.7', 'fd00::/8'])
    expect(problemsOf({ NODE_ENV: 'development', TRUSTED_PROXIES: '10.0.0.0/33,proxy.local,1.2.3.4/x' })).toEqual([
      'TRUSTED_PROXIES: "10.0.0.0/33" has an invalid prefix length',
      'TRUSTED_PROXIES: "proxy.local" is not an address or CIDR range',
      'TRUSTED_PROXIES: "1.2.3.4/x" has an invalid prefix length',
    ])
  })
})
