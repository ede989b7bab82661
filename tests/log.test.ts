import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

describe('createLogger', () => {
  const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-part-of-the-token';

  it('never writes the token, whether in a field, a message or an error', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', secrets: [token], stream });
    logger.info(
      { token, config: { discordToken: token }, headers: { authorization: `Bot ${token}` } },
      'login',
    );
    logger.info(`connecting with ${token}`);
    logger.error({ err: new Error(`401 for Bot ${token}`) }, 'failed');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(token);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('writes JSON lines at the configured level', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'warn', stream });
    logger.info('hidden');
    logger.warn({ file: 'a.pdf' }, 'skipped a corpus file');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 40,
      file: 'a.pdf',
      msg: 'skipped a corpus file',
    });
  });
});
