import type { CaughtMail } from '@churnlens/contracts'
import type { AddressObject } from 'mailparser'
import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface MailCatcher {
  /** The SMTP port it listens on (loopback only). */
  port: number
  /** nodemailer's SMTP URL for it. */
  url: string
  /** Every mail received, newest first. */
  list(): CaughtMail[]
  /** Forgets what it received (tests start each case with an empty mailbox). */
  clear(): void
  close(): Promise<void>
}

// Development holds a handful of mails; a runaway loop must not grow the process without bound.
const KEEP = 200

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) =>
    o.value.flatMap((a) => (a.address ? [a.address] : [])),
  )

/**
 * A local SMTP server that accepts every mail and keeps it in memory, so development and tests
 * send real mail over SMTP with no mail server installed. Loopback only, no TLS, no auth: it never
 * listens where another machine could use it.
 */
export async function startMailCatcher(options: { port?: number; now?: () => Date } = {}): Promise<MailCatcher> {
  const now = options.now ?? (() => new Date())
  let mails: CaughtMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Churnlens development mail catcher',
    logger: false,
    onData(stream, _session, callback) {
      // Stored before the server answers 250, so a sender that got "sent" finds the mail already listed.
      simpleParser(stream)
        .then((parsed) => {
          mails = [
            {
              to: addresses(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              receivedAt: now().toISOString(),
            },
            ...mails,
          ].slice(0, KEEP)
          callback()
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  // Never the reason a process stays up: the backend's HTTP server (or a test run) decides that.
  server.server.unref()
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    list: () => [...mails],
    clear: () => void (mails = []),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
