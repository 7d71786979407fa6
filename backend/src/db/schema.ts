import {
  alertEvents,
  alertKinds,
  followUpTaskStates,
  integrationReasonCodes,
  syncErrorCodes,
  workspaceRoles,
} from '@churnlens/contracts'
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type {
  ChurnDefinition,
  ChurnReason,
  ChurnSignal,
  RenewalSource,
  RevenueSource,
  RevenueSourceLabel,
} from '@churnlens/contracts'
import type { TicketCues } from '../churn/language/ticket-cues'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
)

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: workspaceRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('workspace_members_user_idx').on(t.userId)],
)

/**
 * One row per invitation sent; `token_hash` is SHA-256 of the mailed link's token, so the table
 * alone cannot be used to join. Single use (`accepted_at`), seven days, revocable.
 */
export const workspaceInvitations = pgTable(
  'workspace_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: workspaceRoles }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Moved forward by a resend, which also replaces the token. */
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedByUserId: uuid('accepted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('workspace_invitations_token_key').on(t.tokenHash),
    index('workspace_invitations_workspace_idx').on(t.workspaceId),
  ],
)
export type WorkspaceInvitationRow = typeof workspaceInvitations.$inferSelect

/** `id` is the SHA-256 of the cookie's random token: the table alone cannot be replayed. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Moved forward as the session is used (at most every few minutes); a session idle too long ends. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

/** One row per emailed reset link; `id` is SHA-256 of the link's token. Single use, short-lived. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
)

/** Fixed-window counters shared by every backend instance (login throttling). */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_counters_window_idx').on(t.windowStart)],
)

/** One row per authorize attempt; `state_hash` is SHA-256 of the state sent to HubSpot. */
export const oauthStates = pgTable(
  'oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    /** Set when the person confirmed, before leaving for HubSpot, that a different portal may replace the current one. */
    allowPortalSwitch: boolean('allow_portal_switch').notNull().default(false),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('oauth_states_expires_idx').on(t.expiresAt)],
)

export const integrations = pgTable(
  'integrations',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ['hubspot'] }).notNull(),
    authType: text('auth_type', { enum: ['oauth', 'api_key'] }).notNull(),
    status: text('status', { enum: ['pending', 'connected', 'degraded', 'needs_reauth', 'disconnected'] }).notNull(),
    hubId: bigint('hub_id', { mode: 'number' }),
    hubDomain: text('hub_domain'),
    grantedScopes: jsonb('granted_scopes')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Sealed with AES-256-GCM (crypto/token-cipher.ts); never plaintext.
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    apiKey: text('api_key'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    tokenVersion: integer('token_version').notNull().default(0),
    lastRefreshedAt: timestamp('last_refreshed_at', { withTimezone: true }),
    lastErrorCode: text('last_error_code', { enum: integrationReasonCodes }),
    /** Consecutive transient refresh failures; drives the backoff below. */
    refreshFailures: integer('refresh_failures').notNull().default(0),
    /** While degraded: no refresh is attempted before this (exponential backoff with jitter). */
    nextRefreshAttemptAt: timestamp('next_refresh_attempt_at', { withTimezone: true }),
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    /** The Churnlens score properties exist in this portal (write-back). */
    writeBackReadyAt: timestamp('write_back_ready_at', { withTimezone: true }),
    /** HubSpot's daily request limit for this portal and what was left of it when last seen (its rate-limit headers;
     * sent for private apps), so passes can be spread out as the day's budget runs low. */
    dailyLimit: integer('daily_limit'),
    dailyRemaining: integer('daily_remaining'),
    dailySeenAt: timestamp('daily_seen_at', { withTimezone: true }),
    /** When the sweep last queued this portal's scheduled pass: a pass still waiting or running is not queued twice. */
    syncScheduledAt: timestamp('sync_scheduled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('integrations_workspace_provider_key').on(t.workspaceId, t.provider),
    index('integrations_hub_idx').on(t.hubId),
    // Write-back: one workspace per portal writes the score properties, the first to switch it on.
    uniqueIndex('integrations_write_back_portal_key')
      .on(t.hubId)
      .where(sql`${t.writeBackReadyAt} is not null`),
    index('integrations_expiry_idx').on(t.tokenExpiresAt),
  ],
)

/**
 * A portal installed from HubSpot's side (Marketplace, install link) before anyone of ours claimed
 * it. The code was exchanged at once (codes are short-lived); the tokens wait here, sealed, until a
 * signed-in owner picks a workspace, or the hour ends and the grant is revoked. `claim_hash` is
 * SHA-256 of the random token in the installer's cookie.
 */
export const pendingInstalls = pgTable(
  'pending_installs',
  {
    id: uuid('id').primaryKey(),
    claimHash: text('claim_hash').notNull(),
    hubId: bigint('hub_id', { mode: 'number' }).notNull(),
    hubDomain: text('hub_domain'),
    grantedScopes: jsonb('granted_scopes').$type<string[]>().notNull(),
    // Sealed like the integrations' tokens, bound to this table and row; wiped once claimed or revoked.
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimedWorkspaceId: uuid('claimed_workspace_id').references(() => workspaces.id, { onDelete: 'set null' }),
    /** When the unclaimed grant was given back to HubSpot (or found already dead). */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pending_installs_claim_key').on(t.claimHash),
    index('pending_installs_expires_idx').on(t.expiresAt),
  ],
)

/** The audit trail of a connection: who or what changed it, when, and why. Never a token. */
export const integrationEvents = pgTable(
  'integration_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor').notNull(),
    errorCode: text('error_code', { enum: integrationReasonCodes }),
    detail: jsonb('detail')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index('integration_events_integration_idx').on(t.integrationId, t.createdAt)],
)

/* ---- HubSpot data, per workspace (ids are HubSpot's numeric ids) ---- */

export const crmCompanies = pgTable(
  'crm_companies',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    hubspotId: bigint('hubspot_id', { mode: 'number' }).notNull(),
    name: text('name'),
    domain: text('domain'),
    industry: text('industry'),
    /** `hubspot_owner_id`: an owner id (see hubspotOwners), not a user id. */
    ownerId: text('owner_id'),
    /**
     * In the portal's currency, from the workspace's revenue source (`annualrevenue` unless chosen otherwise, see
     * revenueSettings); null when HubSpot has no value (never read as 0).
     */
    revenue: doublePrecision('revenue'),
    /** The next renewal, from the workspace's renewal source; null when missing or no source is chosen. */
    renewalAt: timestamp('renewal_at', { withTimezone: true }),
    hsCreatedAt: timestamp('hs_created_at', { withTimezone: true }),
    hsUpdatedAt: timestamp('hs_updated_at', { withTimezone: true }),
    archived: boolean('archived').notNull().default(false),
    /** Set when HubSpot merged this record into another; reads follow it. */
    mergedInto: bigint('merged_into', { mode: 'number' }),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.hubspotId] }),
    index('crm_companies_owner_idx').on(t.workspaceId, t.ownerId),
    index('crm_companies_renewal_idx').on(t.workspaceId, t.renewalAt),
  ],
)

/** The portal's HubSpot owners, read with the optional owners scope; deactivated ones kept (they may still own companies). */
export const hubspotOwners = pgTable(
  'hubspot_owners',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').notNull(),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    archived: boolean('archived').notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.ownerId] })],
)

/** The owner email a member chose to be matched by, when it differs from their account email. */
export const memberOwnerLinks = pgTable(
  'member_owner_links',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
)

export const crmContacts = pgTable(
  'crm_contacts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    hubspotId: bigint('hubspot_id', { mode: 'number' }).notNull(),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyId: bigint('company_id', { mode: 'number' }),
    hsCreatedAt: timestamp('hs_created_at', { withTimezone: true }),
    hsUpdatedAt: timestamp('hs_updated_at', { withTimezone: true }),
    archived: boolean('archived').notNull().default(false),
    mergedInto: bigint('merged_into', { mode: 'number' }),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.hubspotId] }),
    index('crm_contacts_company_idx').on(t.workspaceId, t.companyId),
  ],
)

export const crmTickets = pgTable(
  'crm_tickets',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    hubspotId: bigint('hubspot_id', { mode: 'number' }).notNull(),
    subject: text('subject'),
    content: text('content'),
    pipeline: text('pipeline'),
    stage: text('stage'),
    priority: text('priority'),
    category: text('category'),
    sourceType: text('source_type'),
    companyId: bigint('company_id', { mode: 'number' }),
    hsCreatedAt: timestamp('hs_created_at', { withTimezone: true }),
    hsUpdatedAt: timestamp('hs_updated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    timeToCloseMs: bigint('time_to_close_ms', { mode: 'number' }),
    /** The churn phrases in subject and content, read once when the ticket is stored. */
    textCues: jsonb('text_cues').$type<TicketCues>(),
    /** Which phrase lists read `text_cues`; older rows are read again before scoring. */
    textCuesVersion: smallint('text_cues_version').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
    mergedInto: bigint('merged_into', { mode: 'number' }),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.hubspotId] }),
    // synced_at last: finding the companies whose tickets changed since they were scored (every sync
    // pass, findStaleScores) is one probe per company instead of reading every ticket row.
    index('crm_tickets_company_idx').on(t.workspaceId, t.companyId, t.syncedAt),
    index('crm_tickets_created_idx').on(t.workspaceId, t.hsCreatedAt),
  ],
)

/**
 * Where each object type's sync stands, committed with every page it wrote, so a crash resumes
 * exactly there: no duplicate (upserts), no gap (the checkpoint only moves with the data).
 */
export const syncState = pgTable(
  'sync_state',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    objectType: text('object_type', { enum: ['companies', 'contacts', 'tickets'] }).notNull(),
    phase: text('phase', { enum: ['pending', 'full', 'incremental'] })
      .notNull()
      .default('pending'),
    /** Full phase: each lane's last synced id (keyset paging by hs_object_id). */
    lanes: jsonb('lanes')
      .$type<
        {
          from: number
          to: number
          lastId: number | null
          done: boolean
          cursor?: string | null
          kind?: 'search' | 'list' | 'associations'
        }[]
      >()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Newest last-modified time safely synced; incremental syncs start a little before it. */
    highWaterMark: timestamp('high_water_mark', { withTimezone: true }),
    recordsDone: integer('records_done').notNull().default(0),
    estimatedTotal: integer('estimated_total'),
    fullStartedAt: timestamp('full_started_at', { withTimezone: true }),
    fullCompletedAt: timestamp('full_completed_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    /** Last time the archived records were listed whole (see sweepArchived): hours apart, not every pass. */
    archivedSweptAt: timestamp('archived_swept_at', { withTimezone: true }),
    lastErrorCode: text('last_error_code', { enum: syncErrorCodes }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.objectType] })],
)

/** HubSpot webhook events, stored before we answer HubSpot, processed afterwards. */
export const webhookInbox = pgTable(
  'webhook_inbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** HubSpot's eventId is not guaranteed unique: the key adds portal, type, object and time. */
    dedupeKey: text('dedupe_key').notNull(),
    /** The workspace this copy is for: a portal's events fan out to every workspace connected to it,
     * each copy deduplicated and processed on its own. Null: no workspace had the portal when it came. */
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    portalId: bigint('portal_id', { mode: 'number' }).notNull(),
    subscriptionType: text('subscription_type').notNull(),
    objectId: bigint('object_id', { mode: 'number' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('webhook_inbox_dedupe_key').on(t.dedupeKey),
    index('webhook_inbox_pending_idx').on(t.processedAt, t.receivedAt),
  ],
)

/* ---- Churn risk ---- */

export const churnScores = pgTable(
  'churn_scores',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: bigint('company_id', { mode: 'number' }).notNull(),
    score: integer('score').notNull(),
    band: text('band', { enum: ['low', 'medium', 'high'] }).notNull(),
    reasons: jsonb('reasons').$type<ChurnReason[]>().notNull(),
    /** Change against the score 30 days earlier (history), for the trend arrow. */
    trend: integer('trend').notNull().default(0),
    ticketCount: integer('ticket_count').notNull(),
    openTickets: integer('open_tickets').notNull(),
    recentTickets: integer('recent_tickets').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** What HubSpot holds (write-back); a row differs from it until the next push. */
    writtenScore: integer('written_score'),
    writtenBand: text('written_band'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.companyId] }),
    index('churn_scores_rank_idx').on(t.workspaceId, t.score),
  ],
)

export const churnScoreHistory = pgTable(
  'churn_score_history',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: bigint('company_id', { mode: 'number' }).notNull(),
    score: integer('score').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('churn_score_history_company_idx').on(t.workspaceId, t.companyId, t.computedAt)],
)

/**
 * What is usual across a workspace's customers (ticket-rate prior, urgent share, close times),
 * refreshed by every full scoring pass, so re-scoring one company judges it against its peers
 * without reading every ticket of the portal.
 */
export const churnPortalBaselines = pgTable('churn_portal_baselines', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  ticketRateAlpha: doublePrecision('ticket_rate_alpha').notNull(),
  ticketRateBeta: doublePrecision('ticket_rate_beta').notNull(),
  urgentShare: doublePrecision('urgent_share').notNull(),
  closeDaysMedian: doublePrecision('close_days_median'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
})

/* ---- What churn means for a workspace, and what its own history says about the score ---- */

/** The workspace's churn definition and where reading its outcomes from HubSpot stands. */
export const churnDefinitions = pgTable('churn_definitions', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  definition: jsonb('definition').$type<ChurnDefinition>().notNull(),
  setByUserId: uuid('set_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  outcomesStatus: text('outcomes_status', { enum: ['pending', 'ready', 'failed'] })
    .notNull()
    .default('pending'),
  outcomesRefreshedAt: timestamp('outcomes_refreshed_at', { withTimezone: true }),
  outcomesError: text('outcomes_error'),
})

/**
 * Where a workspace's revenue and renewal dates come from; no row is the default (`annualrevenue`, no renewal).
 * The recompute columns say where the background pass that applies a choice to every company stands.
 */
export const revenueSettings = pgTable('revenue_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  revenue: jsonb('revenue').$type<RevenueSource>().notNull(),
  renewal: jsonb('renewal').$type<RenewalSource>().notNull(),
  /** How the sources read ("ARR (arr)"), from HubSpot's labels at save: pages name a missing value without asking HubSpot. */
  labels: jsonb('labels').$type<RevenueSourceLabel>().notNull(),
  setByUserId: uuid('set_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  recomputeStatus: text('recompute_status', { enum: ['pending', 'ready', 'failed'] })
    .notNull()
    .default('pending'),
  recomputedAt: timestamp('recomputed_at', { withTimezone: true }),
  recomputeError: text('recompute_error'),
})

export type RevenueSettingsRow = typeof revenueSettings.$inferSelect

/** Per company, what the definition says: customer since, churned at, or that it cannot tell. */
export const churnOutcomes = pgTable(
  'churn_outcomes',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: bigint('company_id', { mode: 'number' }).notNull(),
    customerSince: timestamp('customer_since', { withTimezone: true }),
    churnedAt: timestamp('churned_at', { withTimezone: true }),
    unknown: boolean('unknown').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.companyId] })],
)

/** Each backtest of the score on the workspace's own history: the report and the pictures' data. */
export const churnModelRuns = pgTable(
  'churn_model_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: ['definition', 'full_sync', 'weekly', 'manual'] }).notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    report: jsonb('report').$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (t) => [index('churn_model_runs_workspace_idx').on(t.workspaceId, t.startedAt)],
)

/** Which weights score this workspace: the defaults, or weights learned from its own churn. */
export const churnWeightSettings = pgTable('churn_weight_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  mode: text('mode', { enum: ['default', 'learned'] }).notNull(),
  /** The weights learned by the run named, when they won out of sample. */
  learnedWeights: jsonb('learned_weights').$type<Record<ChurnSignal, number>>(),
  learnedRunId: uuid('learned_run_id').references(() => churnModelRuns.id, { onDelete: 'set null' }),
  /** An owner chose the defaults: later wins are offered, not applied. */
  pinnedDefault: boolean('pinned_default').notNull().default(false),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
})

/** The workspace's audit trail beyond the connection: who changed what about churn, and when. */
export const workspaceEvents = pgTable(
  'workspace_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The person who acted; null when Churnlens itself did (a background job). */
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    detail: jsonb('detail')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index('workspace_events_workspace_idx').on(t.workspaceId, t.createdAt)],
)

export type PendingInstallRow = typeof pendingInstalls.$inferSelect

/* ---- Alerts: what members want to be told, where it goes, and what was sent ---- */

/** One alert a member chose; `points` is the rise that counts for `score_rise`, the days ahead for `renewal_high_risk`. */
export const alertRules = pgTable(
  'alert_rules',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: alertKinds }).notNull(),
    points: integer('points'),
    /** Only what happens after a rule is chosen is alerted, not every company already high. */
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.kind] })],
)

/** The workspace's Slack incoming webhook (sealed: the URL is the secret) and how sending to it fares. */
export const alertSlackTargets = pgTable('alert_slack_targets', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  urlSealed: text('url_sealed').notNull(),
  maskedUrl: text('masked_url').notNull(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lastError: text('last_error'),
  /** Set once the URL is given up on; cleared when someone saves a URL again. */
  failingSince: timestamp('failing_since', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/**
 * Every alert raised, once: the unique key (event × company × occurrence, where the occurrence is when
 * the company entered the band, the point the rise started from, or the renewal date) makes raising it again, from
 * another instance or after a restart, a no-op. The row is also the delivery's state.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    event: text('event', { enum: alertEvents }).notNull(),
    companyId: bigint('company_id', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    score: integer('score').notNull(),
    /** Where a rise started from; null for a band entry. */
    fromScore: integer('from_score'),
    /** The members whose rules asked for it, named in the message. */
    userIds: jsonb('user_ids').$type<string[]>().notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'not_delivered'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** While `sending`: until when the sender holds it (a crashed sender's claim runs out). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('alert_deliveries_once_idx').on(t.workspaceId, t.event, t.companyId, t.occurredAt),
    index('alert_deliveries_log_idx').on(t.workspaceId, t.createdAt),
  ],
)

/** One daily digest mail per member and day: the key makes a second instance's send of the same digest a no-op. */
export const alertDigests = pgTable(
  'alert_digests',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The UTC day the digest covers the 24 hours before, `YYYY-MM-DD`. */
    day: text('day').notNull(),
    alerts: integer('alerts').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.day] })],
)

/* ---- Follow-up tasks in HubSpot: one per company entering the high band ---- */

/** Whether the workspace creates follow-up tasks; only band entries after `enabledAt` get one. */
export const followUpTaskSettings = pgTable('follow_up_task_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull(),
  /** Switching on is not a flood of tasks for every company already high: only what enters after. */
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** Set when HubSpot refused the scope and Churnlens switched the feature off itself. */
  turnedOffReason: text('turned_off_reason'),
  turnedOffAt: timestamp('turned_off_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/**
 * One follow-up task per company and entry into the high band: the unique key makes a second raise,
 * from another instance or after a restart, insert nothing. The row is also the creation's state.
 */
export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: bigint('company_id', { mode: 'number' }).notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    score: integer('score').notNull(),
    /** The company's HubSpot owner when the task was raised; null → the task is unassigned. */
    ownerId: text('owner_id'),
    state: text('state', { enum: followUpTaskStates }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** While `creating`: until when the creator holds it (a crashed creator's claim runs out). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    hubspotTaskId: text('hubspot_task_id'),
    /** The portal the task went to, for its record URL. */
    hubId: bigint('hub_id', { mode: 'number' }),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('follow_up_tasks_once_idx').on(t.workspaceId, t.companyId, t.enteredAt),
    index('follow_up_tasks_recent_idx').on(t.workspaceId, t.createdAt),
  ],
)

export type FollowUpTaskRow = typeof followUpTasks.$inferSelect

export type AlertRuleRow = typeof alertRules.$inferSelect
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect
