// Layer boundaries (see STYLE.md): arrows point down and never back up.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const cliOnly = ['commander', 'chalk', 'simple-git', '@octokit/rest', 'ts-morph', 'execa'];
const restrict = (patterns, message) => ({
  // One group, so the '!' exceptions apply to the patterns before them.
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/sdk/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: cliOnly.map((name) => ({ name, message: 'The SDK runs in users\' services and browsers: no CLI dependencies.' })),
          patterns: [{ group: ['../cli/*', '../core/*', '../io/*', '../git/*', '../code/*', '../../*'], message: 'The SDK imports nothing outside src/sdk.' }],
        },
      ],
    },
  },
  {
    files: ['src/sdk/evaluate/**', 'src/sdk/bundle/**'],
    rules: restrict(['node:*', '../*', '!../bundle', '!../bundle/*', '!../evaluate', '!../evaluate/*'], 'The evaluator and the bundle contract are runtime-neutral: no Node-only or outside imports.'),
  },
  {
    files: ['src/core/**'],
    rules: restrict(['node:fs', 'node:fs/*', 'node:child_process', '../cli/*', '../io/*', '../git/*', 'simple-git', '@octokit/rest', 'chalk', 'commander'], 'The core is pure: no I/O, no CLI.'),
  },
  {
    files: ['src/io/**', 'src/git/**', 'src/code/**'],
    rules: restrict(['../cli/*', 'commander', 'chalk'], 'Nothing imports the CLI.'),
  },
);
