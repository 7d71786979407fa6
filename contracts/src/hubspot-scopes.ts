/**
 * The HubSpot scopes Churnlens asks for, each with the reason a person reads on the onboarding page.
 * `required` go in `scope`; `optional` go in `optional_scope` and only switch on the feature named.
 * There is no `webhooks` scope in HubSpot: webhook events need the read scope of each object.
 */
export interface ScopeSpec {
  scope: string
  required: boolean
  reason: string
  feature?: OptionalFeature
}

export type OptionalFeature = 'write_back' | 'renewal_deals' | 'owners' | 'follow_up_tasks'

export const hubspotScopes: readonly ScopeSpec[] = [
  {
    scope: 'oauth',
    required: true,
    reason: "HubSpot's baseline scope for connected apps; it also lets us uninstall cleanly when you disconnect.",
  },
  {
    scope: 'tickets',
    required: true,
    reason: 'Read your support tickets: their volume, priority, age and wording are the churn signals.',
  },
  {
    scope: 'crm.objects.companies.read',
    required: true,
    reason: 'Read companies, so tickets are grouped by the customer they came from.',
  },
  {
    scope: 'crm.objects.contacts.read',
    required: true,
    reason: 'Read contacts, to link tickets filed by people to their company.',
  },
  {
    scope: 'crm.objects.companies.write',
    required: false,
    feature: 'write_back',
    reason: "Optional: write each company's churn-risk score back to HubSpot.",
  },
  {
    scope: 'crm.schemas.companies.write',
    required: false,
    feature: 'write_back',
    reason: 'Optional: create the two Churnlens score properties on companies.',
  },
  {
    scope: 'crm.objects.deals.read',
    required: false,
    feature: 'renewal_deals',
    reason: 'Optional: read renewal deals, when your team records churn as lost renewals.',
  },
  {
    scope: 'crm.objects.owners.read',
    required: false,
    feature: 'owners',
    reason: 'Optional: read who owns each company, so each of your team sees "My accounts".',
  },
  {
    // HubSpot has no tasks scope: creating a task needs the contacts write scope (its tasks API says so).
    scope: 'crm.objects.contacts.write',
    required: false,
    feature: 'follow_up_tasks',
    reason:
      "Optional: create a follow-up task in HubSpot for a company's owner when it turns high risk. HubSpot files tasks under contacts, so this is the contacts write permission; Churnlens never edits your contacts.",
  },
]

export const DEALS_READ_SCOPE = 'crm.objects.deals.read'

export const requiredScopes = hubspotScopes.filter((s) => s.required).map((s) => s.scope)
export const optionalScopes = hubspotScopes.filter((s) => !s.required).map((s) => s.scope)

export function missingScopes(granted: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(granted)
  return wanted.filter((scope) => !have.has(scope))
}

/** Private-app tokens carry no `oauth` scope: it exists only for OAuth installs. */
export const requiredApiKeyScopes = requiredScopes.filter((scope) => scope !== 'oauth')

export const optionalFeatures: Record<OptionalFeature, { label: string; scopes: string[] }> = {
  write_back: {
    label: 'Write churn scores back to HubSpot',
    scopes: hubspotScopes.filter((s) => s.feature === 'write_back').map((s) => s.scope),
  },
  renewal_deals: {
    label: 'Churn read from lost renewal deals',
    scopes: hubspotScopes.filter((s) => s.feature === 'renewal_deals').map((s) => s.scope),
  },
  owners: {
    label: 'Company owners and "My accounts"',
    scopes: hubspotScopes.filter((s) => s.feature === 'owners').map((s) => s.scope),
  },
  follow_up_tasks: {
    label: 'Follow-up tasks in HubSpot for high-risk companies',
    scopes: hubspotScopes.filter((s) => s.feature === 'follow_up_tasks').map((s) => s.scope),
  },
}

/** The optional features whose scopes are not all granted, and what each is missing. */
export function disabledFeatures(granted: readonly string[]): { feature: OptionalFeature; missingScopes: string[] }[] {
  return (Object.keys(optionalFeatures) as OptionalFeature[])
    .map((feature) => ({ feature, missingScopes: missingScopes(granted, optionalFeatures[feature].scopes) }))
    .filter((f) => f.missingScopes.length > 0)
}

export function hasScopes(granted: readonly string[], wanted: readonly string[]): boolean {
  return missingScopes(granted, wanted).length === 0
}
