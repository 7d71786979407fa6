import type { Result } from '../result'
import { err, ok } from '../result'
import type { CrmWriteError } from './crm-write-error'
import type { PropertyDefinition } from './property-definitions'

export type PropertyInputValue = string | number | boolean | null

interface InvalidProperty {
  isValid: false
  message: string
  error: 'PROPERTY_DOESNT_EXIST' | 'READ_ONLY_VALUE' | 'INVALID_OPTION' | 'INVALID_INTEGER' | 'INVALID_DATE'
  name: string
}

/**
 * Checks written values against the portal's property definitions and normalizes them to HubSpot's stored
 * form: strings, ISO datetimes, canonical numbers, null for "clear". All problems are reported together in
 * HubSpot's "Property values were not valid: [...]" message.
 */
export function normalizePropertyValues(
  definitions: ReadonlyMap<string, PropertyDefinition>,
  input: Readonly<Record<string, PropertyInputValue>>,
  options: { allowReadOnly?: readonly string[] } = {},
): Result<Record<string, string | null>, CrmWriteError> {
  const values: Record<string, string | null> = {}
  const problems: InvalidProperty[] = []
  for (const [name, raw] of Object.entries(input)) {
    const definition = definitions.get(name)
    if (!definition) {
      problems.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`))
      continue
    }
    if (definition.readOnlyValue && !options.allowReadOnly?.includes(name)) {
      problems.push(invalid(name, 'READ_ONLY_VALUE', `"${name}" is a read only property; its value cannot be set.`))
      continue
    }
    const text = raw === null ? '' : String(raw)
    if (text === '') {
      values[name] = null
      continue
    }
    const normalized = normalizeValue(definition, text)
    if (typeof normalized === 'string') values[name] = normalized
    else problems.push(normalized)
  }
  if (problems.length > 0) {
    return err({ category: 'VALIDATION_ERROR', message: `Property values were not valid: ${JSON.stringify(problems)}` })
  }
  return ok(values)
}

function normalizeValue(definition: PropertyDefinition, text: string): string | InvalidProperty {
  switch (definition.type) {
    case 'number': {
      const number = Number(text)
      return Number.isFinite(number)
        ? String(number)
        : invalid(definition.name, 'INVALID_INTEGER', `${text} was not a valid number.`)
    }
    case 'datetime': {
      const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
      return Number.isFinite(ms)
        ? new Date(ms).toISOString()
        : invalid(definition.name, 'INVALID_DATE', `${text} was not a valid date.`)
    }
    case 'date': {
      // Date properties hold a calendar day: HubSpot takes midnight UTC (ms or ISO) and returns YYYY-MM-DD.
      const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
      if (!Number.isFinite(ms)) return invalid(definition.name, 'INVALID_DATE', `${text} was not a valid date.`)
      if (ms % 86_400_000 !== 0)
        return invalid(
          definition.name,
          'INVALID_DATE',
          `${text} is not at midnight UTC; a date property takes a day, not a time.`,
        )
      return new Date(ms).toISOString().slice(0, 10)
    }
    case 'enumeration': {
      if (!definition.validateOptions) return text
      // Multi-select (checkbox) values are ";"-separated; each part must be an option.
      const allowed = new Set(definition.options.map((option) => option.value))
      const parts = definition.fieldType === 'checkbox' ? text.split(';') : [text]
      const bad = parts.find((part) => !allowed.has(part))
      return bad === undefined
        ? text
        : invalid(
            definition.name,
            'INVALID_OPTION',
            `${bad} was not one of the allowed options: ${[...allowed].map((value) => `<option value="${value}">`).join(', ')}`,
          )
    }
    default:
      return text
  }
}

function invalid(name: string, error: InvalidProperty['error'], message: string): InvalidProperty {
  return { isValid: false, message, error, name }
}
