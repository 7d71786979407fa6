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

export type OptionalFeature = 'write_back'

export const hubspotScopes: readonly ScopeSpec[] = [
  { scope: 'oauth', required: true, reason: 'HubSpot\'s baseline scope for connected apps; it also lets us uninstall cleanly when you disconnect.' },
  { scope: 'tickets', required: true, reason: 'Read your support tickets: their volume, priority, age and wording are the churn signals.' },
  { scope: 'crm.objects.companies.read', required: true, reason: 'Read companies, so tickets are grouped by the customer they came from.' },
  { scope: 'crm.objects.contacts.read', required: true, reason: 'Read contacts, to link tickets filed by people to their company.' },
  { scope: 'crm.objects.companies.write', required: false, feature: 'write_back', reason: 'Optional: write each company\'s churn-risk score back to HubSpot.' },
  { scope: 'crm.schemas.companies.write', required: false, feature: 'write_back', reason: 'Optional: create the two Churnlens score properties on companies.' },
]

export const requiredScopes = hubspotScopes.filter((s) => s.required).map((s) => s.scope)
export const optionalScopes = hubspotScopes.filter((s) => !s.required).map((s) => s.scope)

export function missingScopes(granted: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(granted)
  return wanted.filter((scope) => !have.has(scope))
}
