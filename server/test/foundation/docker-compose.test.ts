import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, configVariables, loadConfig } from '../../src/config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

type Service = {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  ports?: (string | number | { target?: number | string; published?: number | string })[];
  expose?: (string | number)[];
};

const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const services = compose.services;

/** A service's environment as a map, whichever of the two Compose forms it uses. */
function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const i = entry.indexOf('=');
      return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/** Compose interpolation with no variables set: `${V:-d}` / `${V-d}` become d, `${V}` / `$V` become '', `$$` is `$`. */
function interpolateDefaults(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, _braced, fallback) =>
    match === '$$' ? '$' : (fallback ?? ''),
  );
}

/** Container ports a service publishes or exposes. */
function containerPorts(service: Service): number[] {
  const ports = (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return Number(p.target);
    const spec = String(p).split('/')[0]!; // drop /tcp
    return Number(spec.split(':').at(-1));
  });
  return [...ports, ...(service.expose ?? []).map((p) => Number(String(p).split('/')[0]))];
}

describe('docker-compose.yml', () => {
  const appEnv = environment(services.app ?? {});
  const defaults = Object.fromEntries(Object.entries(appEnv).map(([k, v]) => [k, interpolateDefaults(v)]));

  it('has the database, Redis, Mailpit and the app', () => {
    expect(services.db?.image).toMatch(/^mysql:8\.4/);
    expect(services.redis?.image).toMatch(/^redis:7/);
    expect(services.mailpit?.image).toMatch(/^axllent\/mailpit/);
    expect(containerPorts(services.mailpit!)).toEqual(expect.arrayContaining([1025, 8025]));
    expect(services.app?.build).toBeTruthy();
  });

  it('runs MySQL with utf8mb4', () => {
    const command = [services.db!.command ?? []].flat().join(' ');
    expect(command).toContain('--character-set-server=utf8mb4');
    expect(command).toContain('utf8mb4_unicode_ci');
  });

  it('sets only variables the server reads, and every essential one', () => {
    expect(Object.keys(appEnv).filter((k) => !configVariables.includes(k))).toEqual([]);
    for (const name of ['PORT', 'PUBLIC_URL', 'DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'MAIL_FROM', 'BOOTSTRAP_ADMIN_EMAIL', 'PORTAL_NAME', 'VONAGE_API_KEY', 'VONAGE_API_SECRET', 'VONAGE_FROM']) {
      expect(appEnv, name).toHaveProperty(name);
    }
  });

  it('points the app at the db, redis and mailpit services', () => {
    const dbEnv = Object.fromEntries(Object.entries(environment(services.db!)).map(([k, v]) => [k, interpolateDefaults(v)]));
    const db = new URL(defaults.DATABASE_URL!);
    expect(db.protocol).toBe('mysql:');
    expect(db.hostname).toBe('db');
    expect(db.pathname).toBe(`/${dbEnv.MYSQL_DATABASE}`);
    expect(decodeURIComponent(db.username)).toBe(dbEnv.MYSQL_USER);
    expect(decodeURIComponent(db.password)).toBe(dbEnv.MYSQL_PASSWORD);

    const smtp = new URL(defaults.SMTP_URL!);
    expect([smtp.protocol, smtp.hostname, smtp.port]).toEqual(['smtp:', 'mailpit', '1025']);

    const redis = new URL(defaults.REDIS_URL!);
    expect(redis.protocol).toBe('redis:');
    expect(redis.hostname).toBe('redis');
  });

  it('is a configuration the server accepts', () => {
    let config: ReturnType<typeof loadConfig> | undefined;
    expect(() => { config = loadConfig(defaults); }).not.toThrow(ConfigError);
    expect(config).toMatchObject({ production: true, port: 4000, dataDir: '/data', database: { kind: 'mysql' }, demoData: false });
  });
});

describe('Dockerfile', () => {
  // Continuation lines joined, comments dropped.
  const lines = fs
    .readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const instructions = lines.map((l) => {
    const [keyword, ...rest] = l.split(/\s+/);
    return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
  });
  // ARG defaults declared before the first FROM may be used in FROM lines.
  const globalArgs: Record<string, string> = {};
  for (const { keyword, args } of instructions) {
    if (keyword === 'FROM') break;
    const m = keyword === 'ARG' ? /^(\w+)=("?)(.*)\2$/.exec(args) : null;
    if (m) globalArgs[m[1]!] = m[3]!;
  }
  const froms = instructions
    .filter((i) => i.keyword === 'FROM')
    .map((i) => i.args.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globalArgs[name] ?? '').split(/\s+/).filter((w) => !w.startsWith('--'))[0]!);

  it('builds in stages and runs on a slim Node 20+ image', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const m = /^node:(\d+)(?:\.[\d.]+)?-(?:[a-z]+-)?slim$/.exec(froms.at(-1)!);
    expect(m, froms.at(-1)).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(20);
  });

  it('runs the server as a non-root user', () => {
    const finalStage = instructions.slice(instructions.findLastIndex((i) => i.keyword === 'FROM'));
    const user = finalStage.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeTruthy();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);

    const cmd = finalStage.filter((i) => i.keyword === 'CMD').at(-1)?.args ?? '';
    const argv: string[] = cmd.startsWith('[') ? JSON.parse(cmd) : cmd.split(/\s+/);
    expect(argv[0]).toBe('node');
    expect(argv).toContain('server/dist/main.js');
  });
});
