import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';

/** The environment as configured: `.env` in the working folder (when present) under the real environment. */
export function readEnvironment(
  processEnv: Record<string, string | undefined>,
  envFile = '.env',
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  return { ...fromFile, ...processEnv };
}
