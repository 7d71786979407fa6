/** The app domain of a na1 portal: account details name it, and record URLs point into it. */
export const appUiDomain = 'app.hubspot.com'
