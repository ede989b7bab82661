#!/usr/bin/env node
// The factdesk command line. `npm install` compiles src/ to dist/ (the `prepare` script) so start-up pays no
// compile step; when a source file is newer than that build (while developing), it runs the sources through tsx.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  try {
    const built = statSync(join(root, 'dist', '.stamp')).mtimeMs;
    return newestSource(join(root, 'src')) <= built && newestSource(join(root, 'commands')) <= built;
  } catch {
    return false;
  }
}

let cli;
if (buildIsFresh()) {
  cli = await import('../dist/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
process.exitCode = await cli.run(process.argv.slice(2));
