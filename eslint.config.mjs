import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import rxjsX from 'eslint-plugin-rxjs-x';

export default defineConfig(
  { ignores: ['**/dist/**', 'coverage/**', 'node_modules/**', '*.config.js', '*.config.mjs', 'bench/**', 'scripts/**/*.js', 'packages/*/bin/**', 'samples/**/dist/**', 'packages/emulator/static/**', 'test-results/**', 'docs/api/**', '.stryker-tmp/**', 'reports/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, rxjsX.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Specs may use jest's loosely typed matchers.
    files: ['spec/**/*.ts', 'samples/**/*.spec.ts', 'packages/*/spec/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'rxjs-x/no-ignored-subscription': 'off',
    },
  },
);
