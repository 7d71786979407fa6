import { churnDefinitionApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { clientForWorkspace } from '../integrations/hubspot/client/client-for-workspace'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { loadChurnDefinitionOptions } from './definition/load-churn-definition-options'
import { loadChurnDefinitionView } from './definition/load-churn-definition-view'
import { matchUploadedOutcomes } from './definition/match-uploaded-outcomes'
import { parseOutcomesCsv } from './definition/parse-outcomes-csv'
import type { OutcomesCsvError } from './definition/parse-outcomes-csv'
import type { PreviewError } from './definition/preview-churn-definition'
import { previewChurnDefinition } from './definition/preview-churn-definition'
import { readDefinitionOutcomes } from './definition/read-definition-outcomes'
import { saveChurnDefinition } from './definition/save-churn-definition'

/** A 403 or 404 from an API Churnlens is entitled to read is HubSpot misbehaving, not the person's fault. */
function hubspotCode<E extends PreviewError['code'] | CrmCallError>(
  error: E,
): Exclude<E, 'forbidden' | 'not_found'> | 'hubspot_invalid_response' {
  return error === 'forbidden' || error === 'not_found'
    ? 'hubspot_invalid_response'
    : (error as Exclude<E, 'forbidden' | 'not_found'>)
}

const csvIssue = (error: OutcomesCsvError) => ({
  issues: [{ path: 'csv', message: error.line === null ? error.message : `Line ${error.line}: ${error.message}` }],
})

/** Settings → Churn definition: the choice, what the portal offers for it, a preview, and saving it. */
export function definitionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, churnDefinitionApi.get, async (c, { session }) =>
    reply(c, churnDefinitionApi.get, await loadChurnDefinitionView(deps.db, session, deps.clock.now())),
  )

  route(app, churnDefinitionApi.options, async (c, { session }) => {
    const hubspot = await clientForWorkspace(deps, session.workspaceId)
    if (!hubspot.ok) return fail(c, churnDefinitionApi.options, hubspot.error)
    const options = await loadChurnDefinitionOptions(hubspot.value.client, hubspot.value.grantedScopes)
    if (!options.ok) return fail(c, churnDefinitionApi.options, hubspotCode(options.error))
    return reply(c, churnDefinitionApi.options, options.value)
  })

  route(app, churnDefinitionApi.preview, async (c, { session, body }) => {
    const preview = await previewChurnDefinition(deps, session.workspaceId, body)
    if (!preview.ok) {
      const error = preview.error
      if (error.code === 'invalid_outcomes_csv')
        return fail(c, churnDefinitionApi.preview, 'invalid_outcomes_csv', csvIssue(error.csv))
      return fail(c, churnDefinitionApi.preview, hubspotCode(error.code))
    }
    return reply(c, churnDefinitionApi.preview, preview.value)
  })

  route(app, churnDefinitionApi.save, async (c, { session, body }) => {
    let uploaded = null
    if (body.definition.kind === 'upload') {
      const rows = parseOutcomesCsv(body.csv ?? '')
      if (!rows.ok) return fail(c, churnDefinitionApi.save, 'invalid_outcomes_csv', csvIssue(rows.error))
      uploaded = await matchUploadedOutcomes(deps.db, session.workspaceId, rows.value)
    } else {
      // Checked now (the property exists, the pipeline has a lost stage, deals may be read), not in the background.
      const hubspot = await clientForWorkspace(deps, session.workspaceId)
      if (!hubspot.ok) return fail(c, churnDefinitionApi.save, hubspot.error)
      const check = await readDefinitionOutcomes(hubspot.value.client, body.definition, hubspot.value.grantedScopes, 0)
      if (!check.ok) return fail(c, churnDefinitionApi.save, hubspotCode(check.error))
    }
    await saveChurnDefinition(deps.db, {
      workspaceId: session.workspaceId,
      userId: session.userId,
      definition: body.definition,
      uploaded,
      now: deps.clock.now(),
    })
    await deps.scheduler.requestModelRun(session.workspaceId, 'definition')
    return reply(c, churnDefinitionApi.save, await loadChurnDefinitionView(deps.db, session, deps.clock.now()))
  })

  return app
}
