#!/usr/bin/env node
/**
 * `npx treatment-plan ...`: starts the command-line tool (src/cli/run.ts) on Node 24, which runs TypeScript
 * by stripping types. npx starts this file with whatever `node` comes first on PATH, often an older system
 * Node; so when that Node is older than 24.2, this shim runs the tool with the Node 24 binary that `npm ci`
 * installed (the `node` dev dependency, node_modules/node/bin/node), passing arguments, stdio, signals and the
 * exit code through. Plain JavaScript that any Node since 18 can run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

if (major > 24 || (major === 24 && minor >= 2)) {
  await import(entry);
} else {
  let node;
  try {
    const bin = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
    node = existsSync(bin) ? bin : undefined;
  } catch {
    node = undefined;
  }
  if (node === undefined) {
    process.stderr.write(
      `treatment-plan needs Node 24.2 or newer (this is ${process.version}); run "npm ci" in the project first.\n`
    );
    process.exit(1);
  }
  const child = spawn(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (signal) {
      // End the way the child ended, without our forwarding handler in the way.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
}
