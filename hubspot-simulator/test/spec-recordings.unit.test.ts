import { describe, expect, it } from 'vitest'
import { absentNote, checkAgainstSpec, checkSchema, recordingsPresent, specsPresent } from './spec/hubspot-specs'
import type { CheckOptions } from './spec/hubspot-specs'
import { knownSpecBreaks } from './spec/known-spec-breaks'
import type { Recording } from './spec/recordings'
import { readRecordedBody, readRecordings, select } from './spec/recordings'

const present = specsPresent && recordingsPresent
if (!present) console.warn(absentNote)
const recordings = present ? readRecordings() : []
const checked = recordings.filter((recording) => recording.spec)

function check(recording: Recording, options: CheckOptions = {}): string[] {
  const spec = recording.spec
  if (!spec) throw new Error(`${recording.file} has no spec operation`)
  const body = select(readRecordedBody(recording.file), spec.select)
  const withFormats = { ...options, skipFormats: recording.skipFormats !== undefined }
  return spec.schemaName
    ? checkSchema(spec.file, spec.schemaName, body, withFormats)
    : checkAgainstSpec(
        { file: spec.file, path: spec.path, method: spec.method, status: spec.status },
        body,
        withFormats,
      )
}

// These checks calibrate the spec checks of the simulator: a rule that rejects a body real HubSpot sent is wrong.
describe.skipIf(!present)("real HubSpot bodies against HubSpot's own specs", () => {
  it('checks every recording that answers a documented operation', () => {
    expect(checked.length).toBeGreaterThanOrEqual(25)
    expect(recordings.filter((recording) => !recording.spec).every((recording) => recording.specSkip)).toBe(true)
  })

  it.each(checked.map((recording) => [recording.file, recording] as const))(
    '%s fits the spec once the known breaks are allowed',
    (_file, recording) => {
      expect(check(recording)).toEqual([])
    },
  )

  it.each(knownSpecBreaks.map((specBreak) => [specBreak.what, specBreak] as const))(
    'the break "%s" is real: its recording fails without it',
    (_what, specBreak) => {
      const recording = recordings.find((candidate) => candidate.file === specBreak.recording)
      expect(recording, `${specBreak.recording} is in the index`).toBeDefined()
      if (!recording) return
      // Closed: a break that only adds a field HubSpot sends shows when unnamed fields are rejected.
      const others = knownSpecBreaks.filter((other) => other !== specBreak)
      expect(check(recording, { breaks: others, closed: true })).not.toEqual([])
      expect(check(recording, { closed: true })).toEqual([])
    },
  )
})
