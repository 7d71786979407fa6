import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { SpecBreak } from './known-spec-breaks'
import type { JsonSchema, SpecDocument } from './spec-types'
import { applySpecBreaks, knownSpecBreaks } from './known-spec-breaks'

/**
 * HubSpot's official OpenAPI documents and the real bodies recorded from live portals live beside the repository
 * (in ../shared, under their own licences) and are never copied into it: tests that need them skip where absent.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
export const specsDir = join(repoRoot, '../shared/hubspot-specs')
export const recordedDir = join(repoRoot, '../shared/hubspot-recorded')
export const specsPresent = existsSync(join(specsDir, 'oauth-2026-03.json'))
export const recordingsPresent = existsSync(join(recordedDir, 'index.json'))
export const absentNote = `HubSpot's specs or recordings are not at ${specsDir} / ${recordedDir}: spec checks skipped`

export type { JsonSchema, SpecDocument } from './spec-types'

export interface Operation {
  file: string
  path: string
  method: string
  status: string
}

/** Options for a check: `closed` also rejects fields the spec does not name (HubSpot never sends them). */
export interface CheckOptions {
  closed?: boolean
  skipFormats?: boolean
  /** Real HubSpot's known breaks of its own spec: all of them unless a test names fewer. */
  breaks?: SpecBreak[]
}

const documents = new Map<string, SpecDocument>()

export function readSpec(file: string, options: CheckOptions = {}): SpecDocument {
  const breaks = options.breaks ?? knownSpecBreaks
  const key = JSON.stringify([file, breaks.map((specBreak) => specBreak.what), options.closed === true])
  const cached = documents.get(key)
  if (cached) return cached
  const document = JSON.parse(readFileSync(join(specsDir, file), 'utf8')) as SpecDocument
  applySpecBreaks(file, document, breaks)
  if (options.closed) closeObjects(document.components.schemas)
  documents.set(key, document)
  return document
}

/** The schema of one documented answer: `default` stands for the error statuses the spec does not list. */
export function responseSchema(document: SpecDocument, operation: Operation): JsonSchema | null {
  const responses = document.paths[operation.path]?.[operation.method]?.responses
  if (!responses) throw new Error(`${operation.file} has no ${operation.method} ${operation.path}`)
  let response = responses[operation.status] ?? responses.default
  if (!response) throw new Error(`${operation.file} ${operation.method} ${operation.path} has no ${operation.status}`)
  if (response.$ref) response = document.components.responses?.[response.$ref.split('/').pop() ?? ''] ?? {}
  const content = Object.values(response.content ?? {})[0]
  return content?.schema ?? null
}

const validators = new WeakMap<SpecDocument, Map<string, ValidateFunction>>()

/** Validates a body against the documented answer; returns Ajv's errors as readable lines (empty when valid). */
export function checkAgainstSpec(operation: Operation, body: unknown, options: CheckOptions = {}): string[] {
  const document = readSpec(operation.file, options)
  const schema = responseSchema(document, operation)
  if (schema === null) return body === undefined ? [] : ['the spec documents no body for this answer']
  return validateWith(document, schema, body, options)
}

/** Validates a body against one named schema of a spec (for a part of a body, such as one row). */
export function checkSchema(file: string, name: string, body: unknown, options: CheckOptions = {}): string[] {
  return validateWith(readSpec(file, options), { $ref: `#/components/schemas/${name}` }, body, options)
}

function validateWith(document: SpecDocument, schema: JsonSchema, body: unknown, options: CheckOptions): string[] {
  const key = JSON.stringify([schema, options.skipFormats === true])
  let byDocument = validators.get(document)
  if (!byDocument) validators.set(document, (byDocument = new Map()))
  let validate = byDocument.get(key)
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: !options.skipFormats })
    addFormats(ajv)
    ajv.addSchema({ ...document, $id: 'spec' } as JsonSchema, 'spec')
    validate = ajv.compile(rebase(schema))
    byDocument.set(key, validate)
  }
  if (validate(body)) return []
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  )
}

/** Local `#/components/...` references point into the document registered as `spec`. */
function rebase(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"spec#/')) as JsonSchema
}

/**
 * Closes every object schema that names its properties and says nothing of others, so a field HubSpot does not
 * send fails the check. Free-form maps (`additionalProperties` given) and `oneOf` shells stay as they are.
 */
function closeObjects(schemas: Record<string, JsonSchema>): void {
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return
    const schema = node as JsonSchema
    const properties = schema.properties as Record<string, unknown> | undefined
    if (properties && Object.keys(properties).length > 0 && schema.additionalProperties === undefined)
      schema.additionalProperties = false
    Object.values(properties ?? {}).forEach(visit)
    visit(schema.items)
    visit(schema.additionalProperties)
    for (const branches of [schema.oneOf, schema.anyOf, schema.allOf])
      if (Array.isArray(branches)) branches.forEach(visit)
  }
  Object.values(schemas).forEach(visit)
}
