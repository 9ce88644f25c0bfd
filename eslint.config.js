// ESLint flat config (DESIGN "Habits": ESLint with the lit, wc and lit-a11y plugins; Prettier).
// Not type-aware on purpose: `tsc -p tsconfig.json` (npm run typecheck) already checks types, and
// this stays fast. Formatting is Prettier's: eslint-config-prettier comes last and turns off every
// stylistic rule.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.tmp/', '.tmp/', 'custom-elements.json'],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `const { externalId: _fresh, ...same } = body` is how the code leaves a property out of a
      // copy; tsc's noUnusedLocals already reports unused names otherwise.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },

  // The widget: Lit components, registered as custom elements, rendered to a page.
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs.recommended],
    languageOptions: { globals: globals.browser },
  },

  // Browser code outside the widget: the demo pages and the React example.
  {
    files: ['demo/**/*.ts', 'examples/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },

  // The proxy rejects control characters in request targets, tokens and emails: matching
  // \x00-\x1f in a regular expression is the point there, not a typo.
  {
    files: ['server/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },

  // Node: the proxy, its CLI, the scripts, the bench harness, the Node tests and the tool configs.
  {
    files: [
      'server/**/*.ts',
      'bin/**/*.js',
      'scripts/**/*.{js,mjs,ts}',
      'bench/**/*.{js,mjs,ts}',
      'test/server/**/*.ts',
      'test/node/**/*.ts',
      '*.{js,mjs,ts}',
    ],
    languageOptions: { globals: globals.node },
  },

  // The bench harness and the screenshot/CSP/React checks drive Chromium: the functions they hand
  // to page.evaluate() run in the page, with its window and document.
  {
    files: ['bench/**/*.{js,mjs,ts}', 'scripts/**/*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // Browser tests run in Chromium under web-test-runner with mocha's globals. test/support is
  // shared: browser helpers (mocha, msw, the widget driver) and node:fs readers of the OpenAPI
  // document and fixtures for the Node tests.
  {
    files: ['test/browser/**/*.ts', 'test/support/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['test/support/**/*.ts'],
    languageOptions: { globals: globals.node },
  },

  prettier,
);
