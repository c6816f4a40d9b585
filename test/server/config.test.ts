import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/app/config';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./data/liaison.db',
      smtpUrl: undefined,
      mailFrom: 'Liaison <no-reply@localhost>',
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      platformName: undefined,
      supportUrl: undefined,
      supportEmail: undefined,
      worker: 'embedded',
    });
  });

  it('derives the public URL from the port when it is not set', () => {
    expect(loadConfig({ PORT: '3400' }).publicUrl).toBe('http://localhost:3400');
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example/' })).toMatchObject({
      publicUrl: 'https://portal.example',
      secureCookies: true,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://host'],
    ['SUPPORT_URL', 'javascript:alert(1)'],
    ['SUPPORT_EMAIL', 'not an address'],
    ['LIAISON_WORKER', 'sometimes'],
    ['LIAISON_ADMIN_EMAIL', 'not-an-email'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    const env: Record<string, string> = { [name]: value };
    if (name === 'LIAISON_ADMIN_EMAIL') env.LIAISON_ADMIN_PASSWORD = 'long-enough-password';
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('requires the admin email and password together', () => {
    expect(() => loadConfig({ LIAISON_ADMIN_EMAIL: 'ops@example.com' })).toThrow(/LIAISON_ADMIN_PASSWORD/);
  });

  it('stops the process with that one line and exit code 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be a port number from 0 to 65535 (got "eighty")');
  });
});
