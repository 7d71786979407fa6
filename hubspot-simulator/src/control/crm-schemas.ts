import { z } from 'zod'
import { crmObjectTypes } from '../crm/object-types'

const objectType = z.enum(crmObjectTypes)
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
const id = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String)

export const createPortalSchema = z.strictObject({
  companies: z.number().int().min(1).max(50_000),
  tickets: z.number().int().min(0).max(2_000_000),
  contactsPerCompany: z.number().min(0.5).max(50).optional(),
  annualChurnRate: z.number().min(0).max(0.9).optional(),
  seed: z.string().min(1).optional(),
  hubDomain: z.string().min(3).optional(),
  privateAppScopes: z.array(z.string().min(1)).optional(),
})
export type CreatePortalInput = z.infer<typeof createPortalSchema>

export const createRecordSchema = z.strictObject({
  properties: z.record(z.string(), propertyValue),
  associations: z.array(z.strictObject({ toType: objectType, toId: id, primary: z.boolean().optional() })).optional(),
})

export const updateRecordSchema = z.strictObject({ properties: z.record(z.string(), propertyValue) })

export const mergeRecordsSchema = z.strictObject({ primaryId: id, mergedId: id })

export const associationSchema = z.strictObject({
  fromType: objectType,
  fromId: id,
  toType: objectType,
  toId: id,
  primary: z.boolean().optional(),
  remove: z.boolean().optional(),
})
