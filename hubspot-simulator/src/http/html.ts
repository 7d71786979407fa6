export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** Self-contained page (inline CSS, no external assets) in HubSpot's colours. */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | HubSpot</title>
<style>
  body { margin: 0; font-family: "Lexend Deca", Helvetica, Arial, sans-serif; background: #f5f8fa; color: #33475b; }
  header { background: #2d3e50; color: #fff; padding: 14px 24px; font-weight: 600; letter-spacing: .3px; }
  header span { color: #ff7a59; }
  main { max-width: 560px; margin: 40px auto; background: #fff; border: 1px solid #cbd6e2; border-radius: 4px; padding: 32px; }
  h1 { font-size: 22px; margin: 0 0 16px; }
  p { line-height: 1.5; }
  ul.scopes { padding-left: 20px; }
  ul.scopes li { margin: 4px 0; }
  .tag { font-size: 12px; color: #516f90; margin-left: 6px; }
  fieldset { border: 1px solid #cbd6e2; border-radius: 4px; margin: 16px 0; padding: 12px 16px; }
  label.portal { display: block; padding: 6px 0; cursor: pointer; }
  .actions { display: flex; gap: 12px; margin-top: 24px; }
  button { font: inherit; border-radius: 3px; padding: 10px 24px; cursor: pointer; border: 1px solid #ff7a59; }
  button.primary { background: #ff7a59; color: #fff; }
  button.secondary { background: #fff; color: #ff7a59; }
  .error { border-left: 4px solid #f2545b; padding-left: 16px; }
</style>
</head>
<body>
<header><span>&#9679;</span> HubSpot</header>
<main>
${body}
</main>
</body>
</html>`
}
