import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.nuxt/**',
      '**/.output/**',
      '**/.data/**',
      'backend/drizzle/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      // Nuxt auto-imports composables and utils; vue-tsc is what checks that every name exists.
      'no-undef': 'off',
      // Links go through NuxtLink (in-app navigation, rel for new tabs), as Elk's components do.
      'vue/no-restricted-html-elements': [
        'error',
        { element: 'a', message: 'Use <NuxtLink>; a raw <a> needs an eslint-disable comment saying why.' },
      ],
    },
  },
  // Pages and layouts are named by their file (a route, a layout); components keep the multi-word rule.
  {
    files: ['frontend/app/pages/**/*.vue', 'frontend/app/layouts/*.vue', 'frontend/app/app.vue'],
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
      // Imports name files without their extension, as TypeScript's bundler resolution allows.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
      // A runtime cycle, reported in the editor; `npm run lint:cycles` also follows type-only imports.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['scripts/**', 'e2e/**', 'bench/**', '**/main.ts', 'backend/src/cli/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
)
