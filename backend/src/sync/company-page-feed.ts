/** One page of the companies list: the cursor it was listed from, its company ids, and the cursor after it. */
export interface CompanyPage {
  after: string | null
  ids: string[]
  next: string | null
}

/** Pages published but not yet taken; past this the feed gives up and the walk lists the rest itself. */
const HELD_PAGES_CAP = 1_000

/**
 * The companies import's list pages, handed on to the ticket import's association walk (run-association-lane.ts),
 * so a first import lists the portal's companies once rather than twice: the walk needs only their ids, in the same
 * list order and with the same cursors. On HubSpot's 10-second budget a second listing costs a request per 100
 * companies, time the import spends waiting.
 *
 * The feed is best effort. The walk asks for the page listed from a given cursor: `take` answers it once the
 * companies lane has listed it, or null as soon as that page will not come (the lane started elsewhere, already
 * finished in an earlier run, paused or failed), and the walk then lists that page itself. Nothing is lost either way.
 */
export class CompanyPageFeed {
  private readonly held = new Map<string, CompanyPage>()
  /** The cursor the lane lists from next; undefined until the lane begins. */
  private expected: string | null | undefined = undefined
  private closed = false
  private waiters: (() => void)[] = []

  /** The companies lane lists from `cursor` in this run. */
  begin(cursor: string | null): void {
    if (this.closed || this.expected !== undefined) return
    this.expected = cursor
    this.wake()
  }

  publish(page: CompanyPage): void {
    if (this.closed) return
    if (this.held.size >= HELD_PAGES_CAP) return this.close()
    this.held.set(keyOf(page.after), page)
    this.expected = page.next
    if (page.next === null) this.closed = true
    this.wake()
  }

  /** No more pages: the lane finished, paused or failed, or will not list at all in this run. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.held.clear()
    this.wake()
  }

  /** The page listed from `cursor` (taken: it is not kept), or null when it is not coming. */
  async take(cursor: string | null): Promise<CompanyPage | null> {
    for (;;) {
      const page = this.held.get(keyOf(cursor))
      if (page) {
        this.held.delete(keyOf(cursor))
        return page
      }
      const coming = !this.closed && (this.expected === undefined || this.expected === cursor)
      if (!coming) return null
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}

// The first page is listed from no cursor at all.
const keyOf = (cursor: string | null) => cursor ?? ''
