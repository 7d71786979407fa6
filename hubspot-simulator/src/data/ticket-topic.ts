import type { ticketCategories } from '../crm/property-definitions'

/** What a ticket is about; decides its category, usual priority and how long it takes to close. */
export const ticketTopics = [
  'howto',
  'bug',
  'performance',
  'outage',
  'billing',
  'pricing',
  'feature',
  'integration',
  'admin',
  'data',
  'account',
  'launch',
  'onboarding',
] as const
export type TicketTopic = (typeof ticketTopics)[number]

export const topicCategory: Record<TicketTopic, (typeof ticketCategories)[number]> = {
  howto: 'GENERAL_INQUIRY',
  bug: 'PRODUCT_ISSUE',
  performance: 'PRODUCT_ISSUE',
  outage: 'PRODUCT_ISSUE',
  billing: 'BILLING_ISSUE',
  pricing: 'BILLING_ISSUE',
  feature: 'FEATURE_REQUEST',
  integration: 'PRODUCT_ISSUE',
  admin: 'GENERAL_INQUIRY',
  data: 'GENERAL_INQUIRY',
  account: 'BILLING_ISSUE',
  launch: 'GENERAL_INQUIRY',
  onboarding: 'GENERAL_INQUIRY',
}

/** How a customer sounds in one ticket. */
export type TicketTone = 'positive' | 'neutral' | 'frustrated' | 'angry'
