/**
 * `npm run format` writes, `npm run format:check` (in `npm test`'s lint ring) fails on any file it
 * would change. 120 columns because our lines were already long (80 would rewrap most files); no
 * semicolons and single quotes, as the code was written.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 120,
  semi: false,
  singleQuote: true,
}
