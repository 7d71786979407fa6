import type { SimUser } from './portals'

/**
 * The app installed in one portal. Tokens remember the install `id` they were issued under, so
 * uninstalling (deleting the install) kills them all, and a later re-install does not revive them.
 */
export interface Install {
  id: number
  appId: number
  portalId: number
  user: SimUser
  /** Granted scopes; tokens read them live, so PUT /_simulator/installs/{portalId}/scopes affects existing tokens. */
  scopes: string[]
  installedAt: number
}

export type InstallStore = Map<string, Install>

export const installKey = (appId: number, portalId: number): string => `${appId}:${portalId}`

export function findInstall(installs: InstallStore, appId: number, portalId: number): Install | undefined {
  return installs.get(installKey(appId, portalId))
}

export function installsOfPortal(installs: InstallStore, portalId: number): Install[] {
  return [...installs.values()].filter((install) => install.portalId === portalId)
}
