/** A plain-text email; the product's mails are short notices with one link. */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
}

/** Sends mail: SMTP in production, a local outbox in development, a recording list in tests. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
}
