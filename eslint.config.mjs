// One lint config for the whole repository: type-aware TypeScript everywhere, Angular rules in
// frontend/, and executable boundaries between the parts (see CONVENTIONS.md).
import js from '@eslint/js';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

const typeAware = {
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/consistent-type-imports': [
      'error',
      { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
    ],
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/no-extraneous-class': 'off',
    '@typescript-eslint/unbound-method': 'off',
  },
};

const backendPatterns = [{ group: ['**/frontend/**', '@angular/*'] }];
const backendPaths = [
  {
    name: 'class-validator',
    importNames: ['IsOptional'],
    message: 'IsOptional lets null through: use Optional() or OptionalOrNull() from platform/http/validators.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'coverage/**',
      '.angular/**',
      'e2e/.artifacts/**',
      'test-results/**',
      'libs/sdk/src/generated/**',
      'libs/sdk/dist/**',
      'libs/contracts/dist/**',
    ],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['backend/**/*.ts', 'libs/**/*.ts', 'e2e/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    ...typeAware,
    rules: {
      ...typeAware.rules,
      // Decorated Nest classes use parameter properties and metadata; these rules fight that style.
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  {
    files: ['backend/src/**/*.spec.ts', 'libs/**/*.spec.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['frontend/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    ...typeAware,
    rules: {
      ...typeAware.rules,
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['frontend/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['frontend/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  // Boundaries: shared libs never import app code; the UI never imports the backend;
  // the backend never imports the UI.
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/backend/**', '**/frontend/**'] }] },
  },
  {
    files: ['frontend/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/backend/**', '@nestjs/*', 'typeorm'] }] },
  },
  {
    files: ['backend/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: backendPatterns, paths: backendPaths }] },
  },
  // Layers: platform/ is below the modules, which are below the composition root (main.ts,
  // bootstrap.ts, app.module.ts), the CLI and the seeders (docs/architecture.md).
  {
    files: ['backend/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...backendPatterns,
            {
              group: ['**/modules/**', '**/app.module', '**/bootstrap', '**/cli/**', '**/seed/**'],
              message:
                'platform/ is below the modules: it never imports modules/, app.module, bootstrap, cli/ or seed/. Move the code up, or let the module pass it in.',
            },
          ],
          paths: backendPaths,
        },
      ],
    },
  },
);
