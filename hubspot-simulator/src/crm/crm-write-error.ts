/** Expected write failures, mapped by the public routes (404/400 HubSpot bodies) and the control routes alike. */
export interface CrmWriteError {
  category: 'OBJECT_NOT_FOUND' | 'VALIDATION_ERROR'
  message: string
  context?: Record<string, string[]>
}

export const notFoundError = (id: string): CrmWriteError => ({
  category: 'OBJECT_NOT_FOUND',
  // HubSpot's wording, double space included.
  message: 'Object not found.  objectId are usually numeric.',
  context: { id: [id] },
})
