import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'functions/lib/**', 'node_modules/**', '.cache/**', '.emulator-data/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Formatting is not the linter's business here; these fight with our templates.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // The architecture, enforced: one Firebase boundary in the app, and the club's rules stay pure.
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/services/firebase/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(firebase|@firebase)(/|$)', message: 'Only src/services/firebase/ imports the Firebase SDK.' },
            { regex: '^zod(/|$)', message: 'zod stays in src/domain schemas (server-side validation), out of the app bundle.' },
          ],
        },
      ],
    },
  },
  {
    // One boundary: screens and composables reach data through Pinia stores, never the services
    // (the Firebase wrappers, device storage, the camera). Types they need live in src/domain.
    files: ['src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}', 'src/composables/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(firebase|@firebase)(/|$)', message: 'Only src/services/firebase/ imports the Firebase SDK.' },
            { regex: '^zod(/|$)', message: 'zod stays in src/domain schemas (server-side validation), out of the app bundle.' },
            { regex: '^@/services(/|$)|^(\\.\\./)+services(/|$)', message: 'Views, components and composables go through a store in src/stores/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(firebase|@firebase|firebase-admin|firebase-functions)(/|$)', message: 'src/domain is pure TypeScript: no Firebase.' },
            { regex: '^(vue|pinia|vue-router)$|^@/(services|stores|components|views)/', message: 'src/domain does not depend on the app.' },
          ],
        },
      ],
    },
  },
)
