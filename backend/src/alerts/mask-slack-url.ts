/** Shows where a webhook points without its secret: the host, the first path part, the last four characters. */
export function maskSlackUrl(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean)
  const tail = url.pathname.replace(/\/+$/, '').slice(-4)
  const head = parts.slice(0, 2).join('/')
  return `${url.protocol}//${url.host}/${head}/…${tail}`
}
