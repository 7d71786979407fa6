import type { integrations } from '../../db/schema'

/** A workspace's HubSpot connection as stored, sealed secrets included; the API only ever sees `toIntegrationView` of it. */
export type IntegrationRow = typeof integrations.$inferSelect
