// Lint rules, including the import boundaries of docs/architecture.md:
// the engine is pure TypeScript (no vscode, no Node built-ins, no faces), the webview sees only the
// protocol, and the protocol imports nothing at run time.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'util', 'crypto', 'http', 'net', 'url', 'process', 'events', 'stream', 'perf_hooks'];
// bare module names go in `paths` (exact match) so that relative files like './events' are not caught
const nodePatterns = ['node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', 'test/oracle/programs/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins],
        patterns: [
          { group: nodePatterns, message: 'The engine is pure TypeScript: no Node built-ins.' },
          { group: ['**/host/**', '**/cli/**', '**/webview/**', '**/protocol/**'], message: 'The engine does not know its faces.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins],
        patterns: [
          { group: nodePatterns, message: 'The webview runs in a browser.' },
          { group: ['**/src/engine/**', '**/src/host/**', '**/src/cli/**'], message: 'The webview talks to the host only through src/protocol.' },
        ],
      }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins],
        patterns: [
          { group: nodePatterns },
          { group: ['**/host/**', '**/cli/**', '**/webview/**'], message: 'The protocol is shared types only.' },
        ],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: [{ group: ['**/host/**', '**/webview/**'] }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'esbuild.js', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
