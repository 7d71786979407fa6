/**
 * `npm run lint` runs this after ESLint. ESLint's import-x/no-cycle skips type-only imports by design,
 * and a cycle through types still means a type or a dependency sits in the wrong file, so this check
 * follows every import, types included.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Give the shared type a file of its own, or let the lower layer declare what it takes.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.nuxt|\\.output|\\.data|\\.tmp|drizzle)/' },
    // Type-only imports count: they are what the cycles were made of.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main'],
    },
  },
}
