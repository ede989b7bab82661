import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

describe('parseConfig', () => {
  it('needs nothing: without a token the defaults describe console mode on corpus/', () => {
    const config = parseConfig({});
    expect(config.discordToken).toBeUndefined();
    expect(config.corpusDir).toBe('corpus');
    expect(config.dataDir).toBe('data');
    expect(config.logLevel).toBe('info');
    expect(config.summary.graceMs).toBe(6 * 3_600_000);
    expect(config.summary.timezone).toBe('UTC');
  });

  it('treats the blank values of .env.example as unset', () => {
    const config = parseConfig({
      DISCORD_TOKEN: '',
      DISCORD_API_URL: '',
      SUMMARY_CHANNEL_ID: '',
      SUMMARY_CRON: '',
    });
    expect(config.discordToken).toBeUndefined();
    expect(config.discordApiUrl).toBeUndefined();
  });

  it('names the variable and what was expected when a value is bad', () => {
    const bad = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(bad({ LOG_LEVEL: 'loud' })).toMatch(/^Invalid configuration:\n\s+LOG_LEVEL: /);
    expect(bad({ DISCORD_API_URL: 'not a url' })).toMatch(/DISCORD_API_URL: expected an http\(s\) URL/);
    expect(bad({ COMMANDS_GUILD_ID: '12ab' })).toMatch(/COMMANDS_GUILD_ID: expected a Discord id/);
    expect(bad({ SUMMARY_GRACE: 'six hours' })).toMatch(/SUMMARY_GRACE: expected a duration/);
    expect(bad({ SUMMARY_TIMEZONE: 'Mars/Olympus' })).toMatch(/SUMMARY_TIMEZONE: expected an IANA time zone/);
    expect(bad({ SUMMARY_CHANNEL_ID: '123456789012345678', SUMMARY_CRON: '61 9 * * *' })).toMatch(
      /SUMMARY_CRON: expected a cron pattern/,
    );
    expect(bad({ SUMMARY_CRON: '0 9 * * *' })).toMatch(
      /SUMMARY_CHANNEL_ID: required when SUMMARY_CRON is set/,
    );
    expect(bad({ QUESTION_CHANNEL_IDS: '123456789012345678, nope' })).toMatch(/QUESTION_CHANNEL_IDS/);
  });

  it('reports every bad variable at once, one per line', () => {
    expect(() => parseConfig({ LOG_LEVEL: 'loud', ASK_COOLDOWN: 'soon' })).toThrow(
      /LOG_LEVEL[^\n]*\n\s+ASK_COOLDOWN/,
    );
  });

  it('reads durations, channel lists and the daily schedule', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      ASK_COOLDOWN: '1m30s',
      QUESTION_CHANNEL_IDS: '123456789012345678, 223456789012345678',
      SUMMARY_CHANNEL_ID: '323456789012345678',
      SUMMARY_CRON: '0 0 9 * * 1-5',
      SUMMARY_TIMEZONE: 'Europe/London',
      SUMMARY_GRACE: '90m',
    });
    expect(config.askCooldownMs).toBe(90_000);
    expect(config.questionChannelIds).toEqual(['123456789012345678', '223456789012345678']);
    expect(config.summary).toMatchObject({
      cron: '0 0 9 * * 1-5',
      timezone: 'Europe/London',
      graceMs: 5_400_000,
    });
  });
});
