import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { expect } from 'vitest';
import { PLACES } from './factories.ts';
import type { TestClient } from './test-app.ts';

/** A valid 公民身份号码 born 1980-01-01 in 泾阳县, numbered by `seq` (three digits). */
export function testIdNumber(seq: number): string {
  const body = `61042319800101${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

/**
 * Registers an advisor (王建国, practising lawyer) in 泾阳县 through the API as `county`, an official there,
 * and, with `village`, assigns them to it from 2026-01-01: the ledger takes entries only for a village that
 * has an advisor. Returns the advisor's id.
 */
export async function registerAdvisor(county: TestClient, options: { seq: number; village?: string }): Promise<string> {
  const created = await county.request('POST', '/api/legal/advisors', {
    regionCode: PLACES.jingyang,
    name: '王建国',
    gender: 'male',
    phone: '13912340001',
    idNumber: testIdNumber(options.seq),
    category: 'practising_lawyer',
  });
  expect(created.statusCode, created.body).toBe(201);
  const advisorId = created.json<{ id: string }>().id;
  if (options.village) {
    const assigned = await county.request('POST', '/api/legal/assignments', {
      advisorId,
      villageCode: options.village,
      startDate: '2026-01-01',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
  }
  return advisorId;
}
