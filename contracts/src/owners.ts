import { z } from 'zod'

/** A HubSpot owner as Churnlens keeps it: the person companies are assigned to (`hubspot_owner_id`). */
export const ownerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** Deactivated in HubSpot: may still own companies nobody reassigned. */
  archived: z.boolean(),
  companies: z.number().int(),
})
export type OwnerView = z.infer<typeof ownerViewSchema>

/** How the signed-in member is matched to an owner: by their account email unless they chose another. */
export const myOwnerSchema = z.object({
  matchEmail: z.string(),
  matchedBy: z.enum(['account_email', 'chosen_email']),
  owner: ownerViewSchema.nullable(),
})
export type MyOwner = z.infer<typeof myOwnerSchema>

export const ownersResponseSchema = z.object({
  /** Owners are read only with the optional owners scope; without it this names what to grant. */
  missingScopes: z.array(z.string()),
  owners: z.array(ownerViewSchema),
  me: myOwnerSchema,
})
export type OwnersResponse = z.infer<typeof ownersResponseSchema>

export const setOwnerMatchBodySchema = z.strictObject({
  /** The HubSpot owner email to match; null goes back to the account's own email. */
  email: z.email().max(254).nullable(),
})
export type SetOwnerMatchBody = z.infer<typeof setOwnerMatchBodySchema>

export const ownersErrors = ['unauthenticated'] as const
export const setOwnerMatchErrors = ['unauthenticated', 'invalid_body', 'unsupported_media_type'] as const
