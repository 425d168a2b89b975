// Lint (npm run lint): typescript-eslint's recommended rules over all the code (src, the pane,
// the custom functions), and Microsoft's Office add-in rules over the code that calls Office.js
// (the Office host, the pane, the functions): no context.sync() in loops, load before read, sync
// before read, null objects tested with isNullObject. Formatting is prettier's (npm run format).
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default [
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['src/**/*.ts', 'taskpane/src/**/*.ts', 'taskpane/src/**/*.tsx', 'functions/**/*.ts'] })),
  {
    // Tests set Office and Excel up as globals before loading the code under test.
    files: ['**/__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/hosts/office/**/*.ts', 'taskpane/src/**/*.ts', 'taskpane/src/**/*.tsx', 'functions/**/*.ts'],
    ignores: ['**/__tests__/**'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
];
