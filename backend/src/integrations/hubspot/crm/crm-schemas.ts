import { z } from 'zod'

/** HubSpot's CRM payloads, parsed down to the fields we use. */
export const crmObjectSchema = z.object({
  id: z.string().regex(/^\d+$/),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
})
export type CrmObject = z.infer<typeof crmObjectSchema>

export const searchPageSchema = z.object({
  total: z.number().int(),
  results: z.array(crmObjectSchema),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
})

const listedObjectSchema = crmObjectSchema.extend({
  associations: z
    .record(z.string(), z.object({ results: z.array(z.object({ id: z.string(), type: z.string() })) }))
    .optional(),
})
export type ListedObject = z.infer<typeof listedObjectSchema>

export const listPageSchema = z.object({
  results: z.array(listedObjectSchema),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
})

export const batchReadSchema = z.object({
  results: z.array(crmObjectSchema),
  errors: z.array(z.unknown()).optional(),
})

export const associationBatchSchema = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.union([z.string(), z.number()]) }),
      to: z.array(
        z.object({
          toObjectId: z.union([z.string(), z.number()]),
          associationTypes: z.array(z.object({ typeId: z.number().int(), category: z.string().optional() })).optional(),
        }),
      ),
    }),
  ),
})
