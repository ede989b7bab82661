// Bundles the TypeScript sources into dist/ with esbuild, run by `npm install` (the `prepare` script).
// One bundle (split at the dynamic imports, so the console never loads discord.js and a cached start never
// loads the NLP libraries) starts in about half the time of one file per module. zod and minisearch are
// bundled in: they are pure JavaScript whose many small modules cost the most to load one by one. Every other
// dependency stays in node_modules (native addons, worker threads, data files).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['zod', 'minisearch']);
const external = Object.keys(pkg.dependencies)
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// zod re-exports its ~60 error-message locales as `z.locales`, which keeps them all in the bundle (a third of
// the start-up bundle). factdesk only ever uses English, which zod registers by itself; `z.locales` keeps `en`.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from '../locales/en.js';`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Less source to parse at start-up; identifiers stay, so stack traces in the logs keep their function names.
  minifyWhitespace: true,
  minifySyntax: true,
  external: [...external, '@discordjs/*'],
  plugins: [englishOnlyZod],
  logLevel: 'warning',
});
writeFileSync(new URL('../dist/.stamp', import.meta.url), new Date().toISOString());
