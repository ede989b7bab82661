import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `factdesk` bin, found from this module whether it runs from src/ or from the bundle in dist/. */
export function findBin(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'factdesk.js'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('factdesk: cannot find bin/factdesk.js above this module');
    dir = parent;
  }
  return join(dir, 'bin', 'factdesk.js');
}
