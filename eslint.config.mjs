import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const noElectron = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'core, shared and renderer never import electron: keep them plain Node / web.' }] },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'use electron/main/ipc.ts, the one typed ipc wrapper' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'only electron/preload uses ipcRenderer' },
      ],
    },
  },
  { files: ['electron/core/**', 'shared/**', 'renderer/**', 'electron/cli/**', 'electron/serve/**', 'electron/lab/**'], rules: noElectron },
  { files: ['electron/main/ipc.ts', 'electron/main/index.ts', 'electron/preload/**'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['bin/**/*.js', 'scripts/**/*.mjs', 'scripts/**/*.cjs', 'test/**/*.cjs'], languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
)
