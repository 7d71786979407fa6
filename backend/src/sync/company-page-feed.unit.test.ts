import { describe, expect, it } from 'vitest'
import { CompanyPageFeed } from './company-page-feed'

const page = (after: string | null, next: string | null) => ({
  after,
  ids: [`${after ?? 0}-a`, `${after ?? 0}-b`],
  next,
})
/** Whether a promise has settled by the time everything already queued has run. */
async function settled<T>(promise: Promise<T>): Promise<{ value: T } | 'pending'> {
  return Promise.race([
    promise.then((value) => ({ value })),
    new Promise<'pending'>((r) => setTimeout(() => r('pending'), 0)),
  ])
}

describe('CompanyPageFeed', () => {
  it('hands the walk each page the companies lane lists, in cursor order, once', async () => {
    const feed = new CompanyPageFeed()
    const first = feed.take(null)
    feed.begin(null)
    expect(await settled(first)).toBe('pending')
    feed.publish(page(null, '100'))
    expect(await first).toEqual(page(null, '100'))
    feed.publish(page('100', '200'))
    feed.publish(page('200', null))
    expect(await feed.take('100')).toEqual(page('100', '200'))
    expect(await feed.take('200')).toEqual(page('200', null))
    // Taken pages are not kept, and past the list's end nothing more is coming.
    expect(await feed.take('100')).toBeNull()
    expect(await feed.take('300')).toBeNull()
  })

  it('answers null at once for a page the lane will not list: it started elsewhere or is past it', async () => {
    const resumed = new CompanyPageFeed()
    resumed.begin('500')
    expect(await resumed.take(null)).toBeNull()
    const ahead = new CompanyPageFeed()
    ahead.begin(null)
    ahead.publish(page(null, '100'))
    ahead.publish(page('100', '200'))
    expect(await ahead.take(null)).not.toBeNull()
    expect(await settled(ahead.take('200'))).toBe('pending') // next in line: worth waiting for
  })

  it('a walk waiting on a lane that pauses, fails or never starts is told at once', async () => {
    const feed = new CompanyPageFeed()
    const waiting = feed.take(null)
    feed.close()
    expect(await waiting).toBeNull()
    feed.begin(null)
    feed.publish(page(null, '100'))
    expect(await feed.take(null)).toBeNull()
  })

  it('gives up keeping pages nobody takes, so a stalled walk cannot hold a whole portal in memory', async () => {
    const feed = new CompanyPageFeed()
    feed.begin(null)
    let cursor: string | null = null
    for (let i = 1; i <= 1_001; i++) {
      feed.publish(page(cursor, String(i)))
      cursor = String(i)
    }
    expect(await feed.take(null)).toBeNull()
    expect(await feed.take('1000')).toBeNull()
  })
})
