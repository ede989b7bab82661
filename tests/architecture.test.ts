/**
 * Architecture rules the code must keep (as zod's no-circular-imports test does): the engine stays pure and
 * transport-free, and the environment is read in one place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const engineFiles = [
  ...['corpus', 'nlp', 'facts', 'search', 'answer', 'summary'].flatMap((d) => sources(join('src', d))),
  'src/engine.ts',
];

/** The code of a file without its comments, so a comment that names a rule does not break it. */
function code(file: string): string {
  return readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function offenders(files: string[], pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(code(f)));
}

describe('architecture', () => {
  it('keeps the engine free of discord.js', () => {
    expect(offenders(engineFiles, /from ['"](discord\.js|@discordjs\/[^'"]+)['"]/)).toEqual([]);
  });

  it('keeps the engine off the clock: "now" is passed in', () => {
    expect(offenders(engineFiles, /Date\.now\(|new Date\(\)/)).toEqual([]);
  });

  it('reads process.env only in the command line entry point', () => {
    const all = [...sources('src'), ...sources('commands')];
    expect(offenders(all, /process\.env/)).toEqual(['src/cli/main.ts']);
  });

  it('never imports the engine from the commands or the adapter by a deep path into facts', () => {
    const adapter = [...sources('commands'), ...sources(join('src', 'discord'))];
    expect(offenders(adapter, /from ['"][./]*\/facts\//)).toEqual([]);
  });
});
