import { z } from 'zod'

export const riskBands = ['low', 'medium', 'high'] as const
export type RiskBand = (typeof riskBands)[number]

/** Every signal the churn score is built from; the UI has a name for each. */
export const churnSignals = [
  'volume_trend',
  'silence',
  'open_backlog',
  'urgent_share',
  'time_to_close',
  'reopened',
  'cancellation_language',
  'frustration_language',
] as const
export type ChurnSignal = (typeof churnSignals)[number]

/** One reason behind a score. Reasons' points are whole numbers that add up to the score. */
export const churnReasonSchema = z.object({
  signal: z.enum(churnSignals),
  points: z.number().int(),
  evidence: z.string(),
  ticketIds: z.array(z.number()),
})
export type ChurnReason = z.infer<typeof churnReasonSchema>

/** A source as people read it ("Annual Revenue", "open deals in Renewals"), for "missing" notes. */
export const revenueSourceLabelSchema = z.object({
  revenue: z.string(),
  renewal: z.string().nullable(),
})
export type RevenueSourceLabel = z.infer<typeof revenueSourceLabelSchema>

/** One renewal window of the dashboard: renewals due from the start of today (UTC) to `days` ahead. */
export const renewalWindowSchema = z.object({
  days: z.number().int(),
  count: z.number().int(),
  /** Sum of the revenue known; `withRevenue` companies have one, the rest are missing (not 0). */
  revenue: z.number(),
  withRevenue: z.number().int(),
  byBand: z.array(
    z.object({ band: z.enum(riskBands), count: z.number().int(), revenue: z.number(), withRevenue: z.number().int() }),
  ),
})
export type RenewalWindow = z.infer<typeof renewalWindowSchema>

export const renewalsSummarySchema = z.object({
  /** False while no renewal source is chosen: the dashboard says where to choose one. */
  configured: z.boolean(),
  windows: z.array(renewalWindowSchema),
  /** The nearest renewals of high- and medium-risk companies within the longest window. */
  nearest: z.array(
    z.object({
      companyId: z.number().int(),
      name: z.string().nullable(),
      band: z.enum(riskBands),
      score: z.number().int(),
      renewalAt: z.iso.datetime(),
      revenue: z.number().nullable(),
    }),
  ),
})
export type RenewalsSummary = z.infer<typeof renewalsSummarySchema>

export const RENEWAL_WINDOWS = [30, 60, 90] as const

export const companyListQuerySchema = z.strictObject({
  /**
   * `risk_revenue`: score × revenue, the revenue most likely to be lost first; companies without revenue last.
   * `renewal`: by renewal date; companies without one last.
   */
  sort: z.enum(['score', 'name', 'tickets', 'trend', 'open', 'revenue', 'risk_revenue', 'renewal']).default('score'),
  order: z.enum(['asc', 'desc']).default('desc'),
  band: z.enum(riskBands).optional(),
  q: z.string().trim().max(100).optional(),
  /** `me`: the companies the signed-in member owns in HubSpot; `none`: unowned ones; else an owner id. */
  owner: z.union([z.enum(['me', 'none']), z.string().regex(/^[0-9]{1,20}$/)]).optional(),
  /** Companies whose renewal is due from the start of today (UTC) to this many days ahead. */
  renewalWithinDays: z.coerce.number().int().min(1).max(365).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>

export const companyRowSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  score: z.number().int(),
  band: z.enum(riskBands),
  trend: z.number().int(),
  ticketCount: z.number().int(),
  openTickets: z.number().int(),
  recentTickets: z.number().int(),
  /** The HubSpot owner id (`hubspot_owner_id`), null when unowned. */
  ownerId: z.string().nullable(),
  /** Revenue from the source the team picked (default `annualrevenue`) in the portal's currency; null when missing. */
  revenue: z.number().nullable(),
  /** The next renewal from the source the team picked; null when missing or none is chosen. */
  renewalAt: z.iso.datetime().nullable(),
  topReason: z.object({ signal: z.enum(churnSignals), evidence: z.string() }).nullable(),
})
export type CompanyRow = z.infer<typeof companyRowSchema>

export const companyListResponseSchema = z.object({
  companies: z.array(companyRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type CompanyListResponse = z.infer<typeof companyListResponseSchema>

export const companyDetailResponseSchema = z.object({
  company: companyRowSchema.extend({
    hubspotUrl: z.string().nullable(),
    reasons: z.array(churnReasonSchema),
    computedAt: z.iso.datetime(),
  }),
  history: z.array(z.object({ score: z.number().int(), at: z.iso.datetime() })),
  /** Where revenue and renewal come from, to name what is missing. */
  sources: revenueSourceLabelSchema,
  tickets: z.array(
    z.object({
      id: z.number().int(),
      subject: z.string().nullable(),
      priority: z.string().nullable(),
      open: z.boolean(),
      createdAt: z.iso.datetime().nullable(),
      closedAt: z.iso.datetime().nullable(),
      /** Cited by at least one reason. */
      evidence: z.boolean(),
    }),
  ),
})
export type CompanyDetailResponse = z.infer<typeof companyDetailResponseSchema>

export const churnSummaryResponseSchema = z.object({
  totals: z.object({ companies: z.number().int(), scored: z.number().int(), tickets: z.number().int() }),
  bands: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
  /** Companies per 10-point score bucket, 0–9 … 90–100. */
  distribution: z.array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() })),
  /** Tickets created per month, oldest first. */
  volume: z.array(z.object({ month: z.string(), tickets: z.number().int() })),
  riskiest: z.array(companyRowSchema),
  /**
   * Annual revenue per band: the sum of the companies that have a value, its share of all scored
   * revenue (null when no company has one), and how many companies have no revenue in HubSpot.
   */
  revenueAtRisk: z.array(
    z.object({
      band: z.enum(riskBands),
      revenue: z.number(),
      share: z.number().nullable(),
      withRevenue: z.number().int(),
      missing: z.number().int(),
    }),
  ),
  /** Where revenue and renewal come from, to name what is missing. */
  sources: revenueSourceLabelSchema,
  renewals: renewalsSummarySchema,
  scoredAt: z.iso.datetime().nullable(),
})
export type ChurnSummaryResponse = z.infer<typeof churnSummaryResponseSchema>

export const companyListErrors = ['invalid_query', 'unauthenticated'] as const
export const companyDetailErrors = ['unauthenticated', 'not_found'] as const
export const churnSummaryErrors = ['unauthenticated'] as const
export const rescoreResponseSchema = z.object({ requested: z.literal(true) })
export const rescoreErrors = ['unauthenticated', 'forbidden'] as const
