import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { PLACES } from '../../testing/factories.ts';
import { createLoggingApp, type LoggingApp } from '../../testing/log-capture.ts';

const body17 = '61042319800101002';
const ID = `${body17}${idCardCheckChar(body17)}`;
const PHONE = '13912340077';

/** SECURITY.md 17 for this module: parties' ID numbers and phones never reach a log line. */
describe('mediation requests leave no personal data in the log', () => {
  let t: LoggingApp;
  beforeAll(async () => {
    t = await createLoggingApp([
      { username: 'log.med', regionCode: PLACES.jingyang, roles: ['official'] },
      { username: 'log.villager', regionCode: PLACES.qujia, roles: ['villager'] },
    ]);
  });
  afterAll(() => t.close());

  it('logs intake, a refused intake, search, reveal and the online application without ID numbers or phones', async () => {
    const { app } = t;
    const headers = await t.headersFor('log.med');
    const parties = [
      { kind: 'person', role: 'applicant', name: '张三', idNumber: ID, phone: PHONE },
      { kind: 'person', role: 'respondent', name: '李四', phone: '13812340088' },
    ];
    const payload = {
      regionCode: PLACES.qujia,
      source: 'application',
      caseType: 'neighbour',
      description: `联系电话${PHONE}`,
      peopleCount: 2,
      riskLevel: 'low',
      registeredOn: '2026-01-02',
      parties,
    };
    const created = await app.inject({ method: 'POST', url: '/api/mediation/cases', headers, payload });
    expect(created.statusCode, created.body).toBe(201);
    await app.inject({
      method: 'POST',
      url: '/api/mediation/cases',
      headers,
      payload: { ...payload, parties: [{ ...parties[0], idNumber: `${body17}0` }, parties[1]] },
    });
    await app.inject({ method: 'GET', url: `/api/mediation/cases?q=${PHONE}`, headers });
    const dto = (await app.inject({ method: 'GET', url: `/api/mediation/cases/${created.json<{ id: string }>().id}`, headers })).json<{
      id: string;
      parties: { id: string }[];
    }>();
    await app.inject({
      method: 'POST',
      url: `/api/mediation/cases/${dto.id}/parties/${dto.parties[0]?.id ?? ''}/reveal`,
      headers,
      payload: { field: 'idNumber' },
    });
    const villager = await t.headersFor('log.villager');
    await app.inject({
      method: 'POST',
      url: '/api/mediation/applications',
      headers: villager,
      payload: { caseType: 'homestead', description: '宅基地', phone: PHONE, respondentName: '王某' },
    });
    expect(t.lines.some((l) => l.includes('/api/mediation/cases'))).toBe(true);
    expect(t.lines.length).toBeGreaterThan(6);
    expect(t.leaks((l) => l.includes(body17))).toEqual([]);
  });
});
