/** How much data each seeded portal gets: a realistic mid-size customer base, a smaller one, a tiny one. */
export const defaultPortalSizes: Readonly<Record<number, { companies: number; tickets: number }>> = {
  2000001: { companies: 300, tickets: 5000 },
  2000002: { companies: 120, tickets: 2000 },
  2000003: { companies: 40, tickets: 700 },
}
