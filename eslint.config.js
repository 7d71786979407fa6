import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.nuxt/**', '**/.output/**', '**/.data/**', 'backend/drizzle/**', '**/test-results/**', '**/playwright-report/**', 'frontend/**/*.vue'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['scripts/**', 'e2e/**', 'bench/**', '**/main.ts', 'backend/src/cli/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
)
