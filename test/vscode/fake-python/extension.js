// Stand-in for ms-python.python in the integration tests: the part of its `environments` API that
// Python Memory Lens reads, reporting a fixed CPython 3.11 interpreter.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS extension, loaded as is
const vscode = require('vscode');

exports.activate = function activate() {
  const changed = new vscode.EventEmitter();
  const env = { id: 'test-python-3.11', path: '/usr/bin/python3.11' };
  return {
    environments: {
      getActiveEnvironmentPath: () => env,
      resolveEnvironment: async (e) => (e && e.id === env.id ? { ...env, version: { major: 3, minor: 11, micro: 7 } } : undefined),
      onDidChangeActiveEnvironmentPath: changed.event,
    },
  };
};
