import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'web/dist/**',
      'data/**',
      'bench/results/**',
      'e2e/.artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `interface Database extends LegalTables {}` is how a module adds its tables (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  prettier,
  // Boundaries (docs/adding-a-module.md "Boundaries"): the foundation names no module; a module reaches
  // another only through that module's facade; Kysely queries are built only in repositories.
  {
    files: ['server/src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '/modules/', message: 'core/ is the foundation: it names no module (modules register through their manifest).' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/modules/*/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-helpers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z]+/(?![a-z]+\\.facade\\.ts$)',
              message: 'Another module is reached only through its facade (../<module>/<module>.facade.ts), or through domain events.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.test.ts', '**/*.test-helpers.ts', '**/*.demo.ts', '**/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/]',
          message: 'Queries are built in *.repository.ts files only (the SQL a reviewer reads, snapshotted in queries/).',
        },
      ],
    },
  },
  {
    files: ['web/src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '/modules/', message: 'app/ is the shell: it names no module (modules register through modules/index.ts).' }],
        },
      ],
    },
  },
  {
    files: ['web/src/modules/**/*.{ts,tsx}'],
    rules: {
      // The console decides nothing from region codes or per row from permissions: it reads the `abilities` the server sends.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@rg/domain/regions/region-code',
              importNames: ['isWithin', 'ancestorsOf', 'parentOf', 'levelOf'],
              message: 'Region arithmetic decides access: read the abilities the server sends instead.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='startsWith'][callee.object.type='MemberExpression'][callee.object.property.name=/(^c|C)ode$/]",
          message: 'Region arithmetic decides access: read the abilities the server sends instead.',
        },
        {
          selector: "CallExpression[callee.property.name='startsWith'][callee.object.name=/(^c|C)ode$/]",
          message: 'Region arithmetic decides access: read the abilities the server sends instead.',
        },
        {
          selector: "Property[key.name='render'] CallExpression[callee.name='can']",
          message: "A row's actions come from its abilities, not from the actor's permissions.",
        },
      ],
    },
  },
  {
    rules: {
      // Prettier wraps code at 140 columns; only a string or a template (SQL, a message, a test's title) may run longer.
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
);
