import { escapeHtml, renderPage } from '../http/html'
import type { SimPortal } from '../state/portals'
import type { AuthorizeParams, AuthorizeRequest } from './validate-authorize-request'

export const decisionPath = '/oauth/authorize/decision'

const scopeDescriptions: Record<string, string> = {
  oauth: 'Basic OAuth access',
  tickets: 'View and modify tickets',
  'crm.objects.companies.read': 'View companies',
  'crm.objects.companies.write': 'Edit companies',
  'crm.objects.contacts.read': 'View contacts',
  'crm.objects.contacts.write': 'Edit contacts',
  'crm.schemas.companies.write': 'Edit company properties',
  'crm.objects.deals.read': 'View deals',
  'crm.objects.owners.read': 'View owners',
}

/**
 * HubSpot's "Connect app" screen. The form echoes the authorize parameters back in hidden fields;
 * the decision handler validates them again rather than trusting them.
 */
export function renderConsentPage(
  request: AuthorizeRequest,
  params: AuthorizeParams,
  portals: readonly SimPortal[],
): string {
  const hidden = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
  if (request.pinnedPortal)
    hidden.push(`<input type="hidden" name="account_id" value="${request.pinnedPortal.portalId}">`)

  const choices = (request.pinnedPortal ? [request.pinnedPortal] : portals).map(
    (portal, index) =>
      `<label class="portal"><input type="radio" name="portalId" value="${portal.portalId}" data-testid="portal-${portal.portalId}"${index === 0 ? ' checked' : ''}> ${escapeHtml(portal.hubDomain)} (${portal.portalId})</label>`,
  )

  const name = escapeHtml(request.app.name)
  return renderPage(
    `Connect ${request.app.name}`,
    `<h1>Connect ${name} to your HubSpot account</h1>
<p><strong>${name}</strong> is requesting access to:</p>
<ul class="scopes" data-testid="required-scopes">
${request.scopes.map((scope) => scopeItem(scope, 'required')).join('\n')}
</ul>
${request.optionalScopes.length > 0 ? `<p>And, where your account allows it:</p>\n<ul class="scopes" data-testid="optional-scopes">\n${request.optionalScopes.map((scope) => scopeItem(scope, 'optional')).join('\n')}\n</ul>` : ''}
<form method="post" action="${decisionPath}">
${hidden.join('\n')}
<fieldset>
<legend>Choose an account</legend>
${choices.join('\n')}
</fieldset>
<div class="actions">
<button type="submit" class="primary" name="decision" value="grant">Grant access</button>
<button type="submit" class="secondary" name="decision" value="deny">Deny</button>
</div>
</form>`,
  )
}

function scopeItem(scope: string, kind: 'required' | 'optional'): string {
  const description = scopeDescriptions[scope] ?? scope
  return `<li data-scope="${escapeHtml(scope)}">${escapeHtml(description)} <code class="tag">${escapeHtml(scope)}</code><span class="tag">${kind}</span></li>`
}
