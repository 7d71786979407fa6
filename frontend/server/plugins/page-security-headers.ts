import { contentSecurityPolicy } from '../utils/content-security-policy'

/** Every page the renderer sends gets a policy made for its own inline scripts, and says nothing of the framework. */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response) => {
    const headers: Record<string, string> = { ...(response.headers ?? {}) }
    delete headers['x-powered-by']
    if (typeof response.body === 'string') headers['content-security-policy'] = contentSecurityPolicy(response.body)
    response.headers = headers
  })
})
