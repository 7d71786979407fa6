import { z } from 'zod'

export const advanceClockSchema = z.strictObject({ ms: z.number().int().min(0) })

export const expireTokensSchema = z.strictObject({
  portalId: z.number().int().optional(),
  accessToken: z.string().min(1).optional(),
})

export const grantedScopesSchema = z.strictObject({ scopes: z.array(z.string().min(1)) })

export const portalIdParamSchema = z.coerce.number().int().positive()
