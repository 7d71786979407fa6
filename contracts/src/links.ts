import { z } from 'zod'

/**
 * A link Churnlens sent out (Slack, a digest mail, a HubSpot task) to a company page: which workspace it
 * belongs to and the signature over both, so following it can switch this browser to that workspace.
 */
export const openCompanyLinkBodySchema = z.strictObject({
  companyId: z.string().regex(/^[0-9]{1,20}$/),
  workspaceId: z.string().max(64),
  signature: z.string().max(128),
})
export type OpenCompanyLinkBody = z.infer<typeof openCompanyLinkBodySchema>

export const openCompanyLinkResponseSchema = z.object({ companyId: z.number().int(), workspaceId: z.string() })

/** `link_invalid`: unsigned, tampered or not ours; `forbidden`: signed, but the signed-in person is no member. */
export const openCompanyLinkErrors = [
  'unauthenticated',
  'invalid_body',
  'unsupported_media_type',
  'link_invalid',
  'forbidden',
] as const
