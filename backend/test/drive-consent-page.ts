/**
 * Plays the person on the simulator's HubSpot consent page: loads it, reads the form as a
 * browser would (hidden fields, the chosen portal, the clicked button) and submits it.
 * Returns the query HubSpot redirects back with.
 */
export async function driveConsentPage(
  simFetch: typeof fetch,
  authorizeUrl: string,
  choice: { decision: 'Grant access' | 'Deny'; portalId?: number },
): Promise<URLSearchParams> {
  const page = await simFetch(authorizeUrl)
  const html = await page.text()
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 300)}`)
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html)
  if (!form?.[1] || form[2] === undefined) throw new Error('no form on the consent page')
  const fields = new URLSearchParams()
  for (const input of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const tag = input[0]
    const name = /name="([^"]*)"/.exec(tag)?.[1]
    const value = decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? '')
    if (!name) continue
    const type = /type="([^"]*)"/.exec(tag)?.[1] ?? 'text'
    if (type === 'radio') {
      const chosen = choice.portalId === undefined ? /\bchecked\b/.test(tag) : value === String(choice.portalId)
      if (chosen) fields.set(name, value)
    } else {
      fields.append(name, value)
    }
  }
  const button = [...form[2].matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].find(
    (b) => b[2]?.replace(/<[^>]+>/g, '').trim() === choice.decision,
  )
  if (!button) throw new Error(`no "${choice.decision}" button on the consent page`)
  const buttonName = /name="([^"]*)"/.exec(button[1] ?? '')?.[1]
  const buttonValue = /value="([^"]*)"/.exec(button[1] ?? '')?.[1]
  if (buttonName) fields.set(buttonName, buttonValue ?? '')
  const action = new URL(decodeEntities(form[1]), authorizeUrl)
  const decision = await simFetch(action.toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  })
  const location = decision.headers.get('location')
  if (decision.status !== 302 || !location)
    throw new Error(`consent decision answered ${decision.status}: ${(await decision.text()).slice(0, 300)}`)
  return new URL(location).searchParams
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}
