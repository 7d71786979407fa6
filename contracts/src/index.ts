export * from './auth'
export * from './errors'
export * from './hubspot-scopes'
export * from './integrations'
