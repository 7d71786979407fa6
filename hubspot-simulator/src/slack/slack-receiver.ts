import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import { escapeHtml } from '../http/html'

/** One message a Slack incoming webhook received, as the development receiver keeps it. */
export interface SlackMessage {
  /** The webhook path after /slack/webhooks/ (Slack's T…/B…/secret). */
  hook: string
  receivedAt: string
  text: string
  blocks: unknown[]
}

export interface SlackReceiver {
  messages(): SlackMessage[]
  reset(): void
  registerRoutes(app: Hono<SimEnv>): void
}

/**
 * A stand-in for Slack's incoming webhooks, so alerts can be tried with nothing external. Like Slack,
 * it answers `ok` as plain text, `invalid_payload` (400) for a body with neither text nor blocks, and
 * `no_service` (404) for a disabled webhook: here any hook under `revoked/`.
 */
export function createSlackReceiver(now: () => number): SlackReceiver {
  const received: SlackMessage[] = []
  return {
    messages: () => [...received],
    reset: () => void received.splice(0),
    registerRoutes(app) {
      app.post('/slack/webhooks/*', async (c) => {
        const hook = c.req.path.slice('/slack/webhooks/'.length)
        if (hook.startsWith('revoked/') || hook === 'revoked') return c.text('no_service', 404)
        const body: unknown = await c.req.json().catch(() => null)
        const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null
        const text = typeof message?.text === 'string' ? message.text : ''
        const blocks = Array.isArray(message?.blocks) ? (message.blocks as unknown[]) : []
        if (!message || (text === '' && blocks.length === 0)) return c.text('invalid_payload', 400)
        received.push({ hook, receivedAt: new Date(now()).toISOString(), text, blocks })
        return c.text('ok', 200)
      })
      app.get('/slack/messages', (c) => c.json({ messages: received }))
      app.get('/slack', (c) => c.html(renderMessages(received)))
    },
  }
}

function renderMessages(messages: readonly SlackMessage[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) =>
        `<li><div class="meta">${escapeHtml(m.receivedAt)} · ${escapeHtml(m.hook)}</div><pre>${escapeHtml(m.text)}</pre></li>`,
    )
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slack receiver</title>
<style>body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#1d1c1d}li{margin:12px 0;list-style:none;border-left:4px solid #611f69;padding-left:12px}.meta{font-size:12px;color:#616061}pre{white-space:pre-wrap;margin:4px 0}</style>
</head><body><h1>Slack receiver</h1><p>Point a workspace's Slack URL at <code>/slack/webhooks/anything</code> of this simulator; messages appear here, newest first (JSON at <code>/slack/messages</code>).</p>
<ul>${items || '<li>No messages yet.</li>'}</ul></body></html>`
}
