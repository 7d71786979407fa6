import { z } from 'zod'

const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const propertiesInput = z.record(z.string(), propertyValue)

const associationInput = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  types: z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() })).min(1),
})

/** SimplePublicObjectInputForCreate: `{properties, associations?}`. */
export const createObjectInput = z.object({
  properties: propertiesInput,
  associations: z.array(associationInput).optional(),
})

export const updateObjectInput = z.object({ properties: propertiesInput })

export const batchReadInput = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
})

export const batchUpdateInput = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), properties: propertiesInput })),
})
