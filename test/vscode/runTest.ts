// Launches the integration suite in a downloaded VS Code with @vscode/test-electron (needs internet
// access to download VS Code; on machines without it the same suite runs in code-server instead).
// Run `node test/vscode/build.mjs` first (npm run test:vscode does both).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      // the extension, and a stand-in for the Python extension's interpreter API (test/vscode/fake-python)
      extensionDevelopmentPath: [root, path.join(root, 'test', 'vscode', 'fake-python')],
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'index.js'),
      launchArgs: [path.join(root, 'test', 'vscode', 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (e) {
    console.error('VS Code integration tests failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

void main();
