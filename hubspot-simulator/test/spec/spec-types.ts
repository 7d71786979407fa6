// An OpenAPI document is arbitrary JSON: the test reads the few fields it needs and lets Ajv judge the rest.
export type SpecDocument = {
  paths: Record<string, Record<string, { responses?: Record<string, SpecResponse> }>>
  components: { schemas: Record<string, JsonSchema>; responses?: Record<string, SpecResponse> }
}
type SpecResponse = { $ref?: string; content?: Record<string, { schema?: JsonSchema }> }
export type JsonSchema = { [key: string]: unknown }
