/** A short notice with one link: always a plain-text part, and a simple HTML part when it helps. */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string
}

/** Sends mail over SMTP: a real server in production, the local catcher in development and tests. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
}
