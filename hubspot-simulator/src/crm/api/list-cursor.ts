/**
 * List paging cursors are opaque to clients (HubSpot's look like base64): this one encodes the id of the next
 * record, and paging resumes at the first live id ≥ it, so records archived between pages are skipped cleanly.
 */
export function encodeCursor(nextId: string): string {
  return Buffer.from(nextId, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string): number | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8')
  return /^\d{1,16}$/.test(decoded) ? Number(decoded) : undefined
}
