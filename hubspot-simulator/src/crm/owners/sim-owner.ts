/** A HubSpot owner: a user (or a queue) records can be assigned to. `id` is what `hubspot_owner_id` holds. */
export interface SimOwner {
  id: string
  email: string
  firstName: string
  lastName: string
  userId: number
  archived: boolean
  createdAt: number
  updatedAt: number
}
