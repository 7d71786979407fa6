import { escapeHtml, renderPage } from '../http/html'
import type { AuthorizeFailure } from './validate-authorize-request'

/** `data-error-code` lets tests and e2e tell the failures apart without matching prose. */
export function renderErrorPage(failure: AuthorizeFailure): string {
  return renderPage(
    'Authorization failed',
    `<div class="error" data-error-code="${failure.code}">
<h1>Something went wrong</h1>
<p data-testid="error-message">${escapeHtml(failure.message)}</p>
</div>`,
  )
}
