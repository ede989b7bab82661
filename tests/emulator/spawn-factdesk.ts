/**
 * Runs `node bin/factdesk.js start` (what `npm start` runs) in a child process, in a temporary folder with no
 * .env, a copy of some fixture articles as the corpus and DATA_DIR beside it, so a test sees what a user would:
 * the exit code, how long it took, and stderr.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedFactdesk {
  child: ChildProcess;
  /** The temporary folder: `corpus/` and `data/` are in it. */
  dir: string;
  corpusDir: string;
  dataDir: string;
  /** Everything written to stderr so far (the logs and start-up errors). */
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends a signal and resolves with the exit code and the milliseconds from the signal to the exit. */
  signal(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  /** Kills the process if it still runs and removes the folder. */
  cleanUp(): void;
}

/** Starts factdesk with `env` as its whole configuration (plus PATH, HOME, CORPUS_DIR and DATA_DIR). */
export function spawnFactdesk(options: {
  env: Record<string, string>;
  /** Fixture article files to copy (names under tests/fixtures/articles); default: all of them. */
  articles?: readonly string[];
}): SpawnedFactdesk {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-spawn-'));
  const corpusDir = join(dir, 'corpus');
  const dataDir = join(dir, 'data');
  const fixtures = join(root, 'tests/fixtures/articles');
  if (options.articles) {
    mkdirSync(corpusDir);
    for (const name of options.articles) cpSync(join(fixtures, name), join(corpusDir, name));
  } else {
    cpSync(fixtures, corpusDir, { recursive: true });
  }
  const child = spawn(process.execPath, [join(root, 'bin/factdesk.js'), 'start'], {
    cwd: dir, // no .env there: the environment below is the whole configuration
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    dir,
    corpusDir,
    dataDir,
    stderr: () => stderr,
    exited,
    async signal(signal) {
      const sent = performance.now();
      child.kill(signal);
      const code = await exited;
      return { code, ms: performance.now() - sent };
    },
    cleanUp() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
