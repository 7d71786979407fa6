import type { JsonSchema, SpecDocument } from './spec-types'

/**
 * Where real HubSpot breaks its own OpenAPI spec. Each entry names the recording in ../shared/hubspot-recorded that
 * shows the break (the spec-recordings test proves each one is needed: that recording fails the bare spec and passes
 * once the break is applied). Everything else in the spec is held to as written.
 */
export interface SpecBreak {
  what: string
  recording: string
  /** Spec files the break applies to. */
  files: (file: string) => boolean
  apply(schemas: Record<string, JsonSchema>): void
}

const crmObjectSpecs = (file: string) => /^crm-(tickets|companies|contacts|deals|tasks)-/.test(file)
const oauthSpecs = (file: string) => file.startsWith('oauth-')
const everySpec = () => true

type Schema = JsonSchema & { properties?: Record<string, JsonSchema>; required?: string[] }
const schemaOf = (schemas: Record<string, JsonSchema>, name: string): Schema | undefined =>
  schemas[name] as Schema | undefined

export const knownSpecBreaks: SpecBreak[] = [
  {
    // The spec types every property value as a string; HubSpot sends null for each requested property that is unset.
    what: 'CRM property values may be null',
    recording: 'tickets-get.json',
    files: crmObjectSpecs,
    apply(schemas) {
      for (const name of Object.keys(schemas)) {
        const properties = schemaOf(schemas, name)?.properties?.properties as Schema | undefined
        if (properties?.additionalProperties && typeof properties.additionalProperties === 'object')
          properties.additionalProperties = { type: 'string', nullable: true }
      }
    },
  },
  {
    // API error bodies carry a legacy `status: "error"` that the generic Error schema does not name.
    what: 'error bodies carry status "error"',
    recording: 'error-401-expired-authentication.json',
    files: everySpec,
    apply(schemas) {
      const error = schemaOf(schemas, 'Error')
      if (error?.properties) error.properties.status = { type: 'string' }
    },
  },
  {
    // Batch error entries (207): `subCategory` is a string such as "crm.associations.NO_ASSOCIATIONS_FOUND", and
    // `errors` and `links`, required by the spec, are absent.
    what: 'batch error entries: string subCategory, no errors or links',
    recording: 'assoc-v4-batch-read-207.json',
    files: everySpec,
    apply(schemas) {
      const standard = schemaOf(schemas, 'StandardError')
      if (!standard?.properties || !standard.required) return
      standard.properties.subCategory = { type: 'string' }
      standard.required = standard.required.filter((field) => field !== 'errors' && field !== 'links')
    },
  },
  {
    // v4 association rows: `toObjectId` is a JSON number, and an unlabelled association type has `label: null`.
    what: 'v4 associations: numeric toObjectId, null label',
    recording: 'assoc-v4-batch-read-row.json',
    files: (file) => file === 'crm-associations-v4.json',
    apply(schemas) {
      const row = schemaOf(schemas, 'MultiAssociatedObjectWithLabel')
      if (row?.properties) row.properties.toObjectId = { type: ['string', 'integer'] }
      const spec = schemaOf(schemas, 'AssociationSpecWithLabel')
      if (spec?.properties) spec.properties.label = { type: 'string', nullable: true }
    },
  },
  {
    // The probe of a live portal saw a v4 association batch answer 207 with only status, results, errors and
    // numErrors: no startedAt or completedAt, which the spec requires.
    what: 'v4 association batch 207 without startedAt or completedAt',
    recording: 'assoc-v4-batch-read-207.json',
    files: (file) => file === 'crm-associations-v4.json',
    apply(schemas) {
      const batch = schemaOf(schemas, 'BatchResponsePublicAssociationMultiWithLabelWithErrors')
      if (batch?.required) batch.required = batch.required.filter((field) => !field.endsWith('edAt'))
    },
  },
  {
    // The v1 token endpoint answers without `token_use` (the v3 and 2026-03 ones send it).
    what: 'v1 token responses have no token_use',
    recording: 'oauth-token-response.json',
    files: (file) => file === 'oauth-v1.json',
    apply(schemas) {
      for (const name of ['AccessTokenResponse', 'ClientCredentialsTokenResponse']) {
        const response = schemaOf(schemas, name)
        if (response?.required) response.required = response.required.filter((field) => field !== 'token_use')
      }
      // Without token_use the two shapes overlap (an answer with a refresh token fits both): either will do.
      const either = schemaOf(schemas, 'TokenResponseIF')
      if (either && Array.isArray(either.oneOf)) {
        either.anyOf = either.oneOf
        delete either.oneOf
      }
    },
  },
  {
    // v1 token metadata's `signed_access_token` has no `appInstallId` or `audience`.
    what: 'v1 signed_access_token without appInstallId or audience',
    recording: 'oauth-v1-access-token-info.json',
    files: (file) => file === 'oauth-v1.json',
    apply(schemas) {
      const signed = schemaOf(schemas, 'SignedAccessToken')
      if (signed?.required)
        signed.required = signed.required.filter((field) => field !== 'appInstallId' && field !== 'audience')
    },
  },
  {
    // A 429 is not the generic Error: no `category`, and the policy that tripped in `policyName`.
    what: '429 bodies are rate-limit bodies, not Error',
    recording: 'error-429-secondly.json',
    files: everySpec,
    apply(schemas) {
      widenError(schemas, {
        type: 'object',
        // Search's secondly limit names no policy; the 10-second and daily ones do.
        required: ['status', 'message', 'errorType', 'correlationId'],
        properties: {
          status: { type: 'string', enum: ['error'] },
          message: { type: 'string' },
          errorType: { type: 'string', enum: ['RATE_LIMIT'] },
          correlationId: { type: 'string' },
          policyName: { type: 'string' },
          groupName: { type: 'string' },
          requestId: { type: 'string' },
        },
      })
    },
  },
  {
    // OAuth endpoints answer errors with a legacy `status` code (BAD_REFRESH_TOKEN…) and, since 2026-03, RFC 6749
    // `error`/`error_description`; no `category` or `correlationId`.
    what: 'OAuth error bodies are not Error',
    recording: 'oauth-error-bad-refresh-token-2026.json',
    files: oauthSpecs,
    apply(schemas) {
      widenError(schemas, {
        type: 'object',
        required: ['status', 'message'],
        properties: {
          status: { type: 'string' },
          message: { type: 'string' },
          error: { type: 'string' },
          error_description: { type: 'string' },
        },
      })
    },
  },
  {
    // Introspecting a token HubSpot does not know (or no longer honours) answers 200 `{"active": false}` alone.
    what: 'introspection of an unknown token is {"active": false}',
    recording: 'oauth-introspect-inactive.json',
    files: oauthSpecs,
    apply(schemas) {
      const info = schemaOf(schemas, 'TokenInfoResponseBaseIF')
      if (Array.isArray(info?.oneOf))
        info.oneOf.push({
          type: 'object',
          required: ['active'],
          properties: { active: { type: 'boolean', enum: [false] } },
        })
    },
  },
]

/** The Error schema also accepts `alternative` (kept as a separate branch, so neither loosens the other). */
function widenError(schemas: Record<string, JsonSchema>, alternative: JsonSchema): void {
  const error = schemas.Error
  if (!error) return
  const branches = Array.isArray(error.anyOf) ? (error.anyOf as JsonSchema[]) : [{ ...error }]
  for (const key of Object.keys(error)) delete error[key]
  error.anyOf = [...branches, alternative]
}

export function applySpecBreaks(file: string, document: SpecDocument, only?: SpecBreak[]): void {
  for (const specBreak of only ?? knownSpecBreaks)
    if (specBreak.files(file)) specBreak.apply(document.components.schemas)
}
