import type { ChurnDefinitionInput, ChurnDefinitionPreview } from '@churnlens/contracts'
import type { AppDeps } from '../../app-deps'
import { clientForWorkspace } from '../../integrations/hubspot/client/client-for-workspace'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { countOutcomes } from './count-outcomes'
import { matchUploadedOutcomes } from './match-uploaded-outcomes'
import type { OutcomesCsvError } from './parse-outcomes-csv'
import { parseOutcomesCsv } from './parse-outcomes-csv'
import type { DefinitionReadError } from './read-definition-outcomes'
import { readDefinitionOutcomes } from './read-definition-outcomes'

/** A preview answers while a person waits: 40 pages is 2,000 companies or 4,000 deals, a few seconds. */
export const PREVIEW_MAX_PAGES = 40

export type PreviewError =
  | { code: DefinitionReadError | 'not_connected' | 'needs_reauth' }
  | { code: 'invalid_outcomes_csv'; csv: OutcomesCsvError }

/** What a definition would yield, read now and saved nowhere. */
export async function previewChurnDefinition(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
  >,
  workspaceId: string,
  input: ChurnDefinitionInput,
): Promise<Result<ChurnDefinitionPreview, PreviewError>> {
  const now = deps.clock.now()
  if (input.definition.kind === 'upload') {
    const rows = parseOutcomesCsv(input.csv ?? '')
    if (!rows.ok) return err({ code: 'invalid_outcomes_csv', csv: rows.error })
    const matched = await matchUploadedOutcomes(deps.db, workspaceId, rows.value)
    return ok({ counts: countOutcomes(matched.outcomes, now, matched.unmatched), partial: null })
  }
  const hubspot = await clientForWorkspace(deps, workspaceId)
  if (!hubspot.ok) return err({ code: hubspot.error })
  const reading = await readDefinitionOutcomes(
    hubspot.value.client,
    input.definition,
    hubspot.value.grantedScopes,
    PREVIEW_MAX_PAGES,
  )
  if (!reading.ok) return err({ code: reading.error })
  return ok({ counts: countOutcomes(reading.value.outcomes, now), partial: reading.value.partial })
}
