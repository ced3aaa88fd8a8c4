#!/usr/bin/env node
// Entry point of the `pymem` command: runs the bundled CLI (built by esbuild.js into dist/cli.js).
require('../dist/cli.js');
