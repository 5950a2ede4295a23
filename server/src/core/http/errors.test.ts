import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enUS } from '@rg/domain/i18n/messages.en-US';
import type { ModuleManifest } from '../module.ts';
import { buildApp } from './app.ts';
import { AppError } from './errors.ts';
import { createTestApp, type ErrorJson, type TestApp } from '../../testing/test-app.ts';

const bodyOf = (res: LightMyRequestResponse) => res.json<ErrorJson>().error;

/** Decision 72: beside its Chinese texts an error names the keys they come from, for the console in English. */
describe('error bodies carry their message keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('names the key of a plain error and nothing else', async () => {
    const res = await t.anonymous.request('GET', '/api/users');
    expect(res.statusCode).toBe(401);
    expect(bodyOf(res)).toEqual({ code: 'unauthenticated', message: '请先登录', messageKey: 'error.unauthenticated' });
  });

  it('names the keys of a schema validation failure next to the unchanged Chinese fields', async () => {
    const res = await t.anonymous.request('POST', '/api/auth/login', { username: 'someone', password: 'Test#2026pass', role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res)).toEqual({
      code: 'validation',
      message: '提交的内容有误，请按提示修改',
      messageKey: 'error.validation',
      fields: { role: '不允许提交此字段' },
      fieldKeys: { role: 'zod.unknownField' },
    });
  });

  it('gives the parameters of a message, and the generic key for a field key nobody knows', async () => {
    const throwing: ModuleManifest = {
      name: 'throwing',
      routes(app) {
        app.post('/throwing', { config: { access: 'public' } }, async () => {
          throw new AppError(
            'validation',
            'indicators.score.overMax',
            { score: 'indicators.score.overMaxField', note: 'no.such.key' },
            { max: 10 },
          );
        });
      },
    };
    const { app } = await buildApp(t.ctx, [throwing]);
    try {
      await app.ready();
      const res = await app.inject({ method: 'POST', url: '/api/throwing' });
      expect(res.statusCode).toBe(400);
      const error = bodyOf(res);
      expect(error).toEqual({
        code: 'validation',
        message: '得分不能超过该项目满分 10 分',
        messageKey: 'indicators.score.overMax',
        params: { max: 10 },
        fields: { score: '得分超过了该项目的满分', note: '格式不正确' },
        fieldKeys: { score: 'indicators.score.overMaxField', note: 'zod.invalid' },
      });
      // Every key sent has its English twin.
      expect([error.messageKey, ...Object.values(error.fieldKeys ?? {})].filter((key) => !(key in enUS))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
