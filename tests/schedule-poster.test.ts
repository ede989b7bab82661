import { describe, expect, it } from 'vitest';
import { classifyPostError } from '../src/discord/schedule/poster.ts';
import { discordError } from './schedule-helpers.ts';

describe('classifying a failed summary post', () => {
  it('treats missing access, unknown channel and missing permissions as permanent, keeping the code', () => {
    expect(classifyPostError(discordError(50001, 403, 'Missing Access'))).toMatchObject({
      permanent: true,
      code: '50001',
      reason: 'the bot cannot see the channel (Missing Access)',
    });
    expect(classifyPostError(discordError(10003, 404, 'Unknown Channel'))).toMatchObject({
      permanent: true,
      code: '10003',
    });
    expect(classifyPostError(discordError(50013, 403, 'Missing Permissions'))).toMatchObject({
      permanent: true,
      code: '50013',
    });
  });

  it('treats other 4xx answers as permanent', () => {
    expect(classifyPostError(discordError(12345, 403, 'Something new'))).toMatchObject({
      permanent: true,
      code: '12345',
    });
  });

  it('treats rate limits as transient and keeps how long to wait, in either unit Discord tools use', () => {
    expect(classifyPostError({ name: 'RateLimitError', retryAfter: 1500, timeToReset: 1500 })).toEqual({
      permanent: false,
      code: '429',
      reason: 'Discord rate-limited the bot',
      retryAfterMs: 1500,
    });
    expect(classifyPostError({ status: 429, rawError: { retry_after: 2.5 } }).retryAfterMs).toBe(2500);
  });

  it('treats 5xx answers and network errors as transient', () => {
    expect(classifyPostError({ status: 502, name: 'HTTPError' })).toMatchObject({
      permanent: false,
      code: '502',
    });
    const fetchFailed = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
    });
    expect(classifyPostError(fetchFailed)).toMatchObject({
      permanent: false,
      code: 'UND_ERR_CONNECT_TIMEOUT',
    });
    expect(classifyPostError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatchObject({
      permanent: false,
      code: 'timeout',
    });
  });

  it('never shows the raw error text as the reason', () => {
    const failure = classifyPostError(new Error('secret internals at /api/v10/channels/1/messages'));
    expect(failure).toMatchObject({
      permanent: false,
      code: null,
      reason: 'an unexpected error (see the logs)',
    });
  });
});
