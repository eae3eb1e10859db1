import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('has working defaults on a fresh machine: embedded database, port 4000, demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.database.kind).toBe('sqlite');
    expect(config.demoData).toBe(true);
    expect(config.maxUploadBytes).toBe(25 * 1024 * 1024);
    expect(config.requireSecondFactor).toBe(true);
  });

  it('turns demo data off by default on MySQL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://kluis:secret@db:3306/kluis' }).demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT: /],
    [{ PUBLIC_URL: 'not a url' }, /^PUBLIC_URL: /],
    [{ DATABASE_URL: 'postgres://x/y' }, /^DATABASE_URL: must start with mysql:/],
    [{ REDIS_URL: 'http://x' }, /^REDIS_URL: /],
    [{ SMTP_URL: '::' }, /^SMTP_URL: /],
    [{ VONAGE_API_KEY: 'key' }, /^VONAGE_API_SECRET: /],
    [{ VONAGE_API_KEY: 'key', VONAGE_API_SECRET: 'secret' }, /^VONAGE_FROM: /],
    [{ VONAGE_REST_HOST: 'ftp://x' }, /^VONAGE_REST_HOST: /],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'nobody' }, /^BOOTSTRAP_ADMIN_EMAIL: /],
    [{ DEMO_DATA: 'maybe' }, /^DEMO_DATA: must be true or false/],
    [{ MAX_UPLOAD_MB: '0' }, /^MAX_UPLOAD_MB: /],
    [{ REQUIRE_SECOND_FACTOR: 'sure' }, /^REQUIRE_SECOND_FACTOR: /],
    [{ MAIL_FROM: 'no address here' }, /^MAIL_FROM: /],
  ])('names the variable in one line: %j', (env, expected) => {
    const message = problem(env);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('reads Vonage settings and the REST host override together', () => {
    const config = loadConfig({ VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's', VONAGE_FROM: 'Kluis', VONAGE_REST_HOST: 'http://127.0.0.1:9999/' });
    expect(config.vonage).toEqual({ apiKey: 'k', apiSecret: 's', from: 'Kluis', restHost: 'http://127.0.0.1:9999' });
  });
});
