// One lint config for the server, the widget and the tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['**/node_modules/', '**/dist/', 'data/', '**/custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
    },
  },
  {
    files: ['widget/**/*.ts', 'test/widget/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['widget/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  }
);
