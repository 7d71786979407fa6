import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { recordedDir } from './hubspot-specs'

/** One entry of ../shared/hubspot-recorded/index.json (the fields the tests read). */
export interface Recording {
  file: string
  kind: string
  endpoint: string
  httpStatus: number | null
  spec?: { file: string; path: string; method: string; status: string; schemaName?: string; select?: string }
  specSkip?: string
  skipFormats?: string[]
  parse?: { parser: string; type?: string; expect?: string; grant?: string; authType?: string }
}

export function readRecordings(): Recording[] {
  return JSON.parse(readFileSync(join(recordedDir, 'index.json'), 'utf8')) as Recording[]
}

export function readRecordedBody(file: string): unknown {
  return JSON.parse(readFileSync(join(recordedDir, file), 'utf8'))
}

/** The part of a body a JSON pointer such as `/results/0` names. */
export function select(body: unknown, pointer: string | undefined): unknown {
  if (!pointer) return body
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body)
}
