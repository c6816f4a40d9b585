import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

/**
 * The published OpenAPI document, checked by Redocly's linter (its recommended rules): every
 * operation has a summary and its 2xx and 4xx answers, every answer a description and a schema.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: Record<string, any>;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    document = t.app.swagger() as Record<string, any>;
  });
  afterAll(() => t.close());

  it('is titled Liaison, with a description and the error envelope', () => {
    expect(document.info.title).toBe('Liaison API');
    expect(document.info.description).toContain('Liaison');
    expect(document.info.description).toContain('"error"');
  });

  it('says what every answer is: no "Default Response"', () => {
    const unnamed: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        for (const [status, response] of Object.entries<any>(operation.responses ?? {})) {
          if (!response.description || response.description === 'Default Response') unnamed.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('describes every parameter and every field of every body and answer', () => {
    const undescribed: string[] = [];
    const walk = (schema: any, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
        const described = property.description ?? property.anyOf?.find((s: any) => s.description)?.description;
        if (!described) undescribed.push(`${where}.${name}`);
        walk(property, `${where}.${name}`);
      }
      if (schema.items) walk(schema.items, `${where}[]`);
      for (const key of ['anyOf', 'oneOf', 'allOf']) for (const [i, s] of (schema[key] ?? []).entries()) walk(s, `${where}|${i}`);
    };
    for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        const at = `${method.toUpperCase()} ${path}`;
        for (const parameter of operation.parameters ?? []) if (!parameter.description) undescribed.push(`${at} parameter ${parameter.name}`);
        walk(operation.requestBody?.content?.['application/json']?.schema, `${at} body`);
        for (const [status, response] of Object.entries<any>(operation.responses ?? {})) walk(response.content?.['application/json']?.schema, `${at} ${status}`);
      }
    }
    for (const [name, schema] of Object.entries<any>(document.components?.schemas ?? {})) walk(schema, `#/components/schemas/${name}`);
    expect(undescribed).toEqual([]);
  });

  it('passes redocly lint with no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document, null, 2));
      const result = spawnSync(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--format=stylish', file], {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        timeout: 120_000,
      });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
