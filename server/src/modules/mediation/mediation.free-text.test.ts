import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { sealStoredTexts } from '../../core/db/seal-stored-texts.ts';
import { MODULES } from '../index.ts';

/**
 * SECURITY.md 30, issue 15 finding 11: an ID number or mobile typed into a case's texts is stored sealed and
 * shown masked in every list, detail and export to whoever lacks `personal.reveal`; a holder sees it in full
 * only through the audited reveal, and the signed 调解协议书 keeps it in full for them.
 */
const body17 = '61042319800101003';
const ID = `${body17}${idCardCheckChar(body17)}`;
const ID15 = '610423800101003';
const MOBILE = '13912345678';
const DESCRIPTION = `申请人持借条（借款人身份证${ID}，旧证${ID15}），联系电话${MOBILE}，要求归还借款`;
const NOTES = `被申请人电话${MOBILE}，已到场`;
const TERMS = `一、被申请人（身份证号${ID}）于一月十日前归还借款。`;

/** Every text part of an .xlsx or .docx answer. */
async function zipText(payload: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(payload);
  return (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('').replace(/<[^>]+>/g, '');
}

describe('mediation: personal numbers typed into free text', () => {
  let t: TestApp;
  let official: TestClient;
  let caseId = '';

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.med', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'qj.supervisor', regionCode: PLACES.qujia, roles: ['supervisor'] });
    official = await t.login('wq.med');
    const committee = await official.request('POST', '/api/mediation/committees', {
      regionCode: PLACES.wangqiao,
      level: 'town',
      name: '王桥镇人民调解委员会',
    });
    const mediator = await official.request('POST', '/api/mediation/mediators', {
      committeeId: committee.json<{ id: string }>().id,
      name: '调解员甲',
      gender: 'male',
      phone: '13812340001',
      employment: 'full_time',
    });
    const registered = await official.request('POST', '/api/mediation/cases', {
      regionCode: PLACES.qujia,
      source: 'application',
      caseType: 'neighbour',
      description: DESCRIPTION,
      peopleCount: 2,
      riskLevel: 'low',
      registeredOn: '2026-01-02',
      parties: [
        { kind: 'person', role: 'applicant', name: '张三' },
        { kind: 'person', role: 'respondent', name: '李四' },
      ],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    caseId = registered.json<{ id: string }>().id;
    for (const [path, body] of [
      ['start', { mediatorId: mediator.json<{ id: string }>().id }],
      ['sessions', { heldOn: '2026-01-03', participants: '双方当事人', notes: NOTES }],
      ['agree', { agreedOn: '2026-01-04', terms: TERMS }],
    ] as const) {
      const res = await official.request('POST', `/api/mediation/cases/${caseId}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('stores the texts without the numbers in plain', async () => {
    const row = await t.ctx.db.selectFrom('mediation_cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    const sessions = await t.ctx.db.selectFrom('mediation_sessions').selectAll().where('case_id', '=', caseId).execute();
    expect(personalNumbersIn(JSON.stringify([row, sessions]))).toEqual([]);
    expect(JSON.stringify([row, sessions])).not.toContain(ID15);
  });

  it('shows them masked to a village cadre and a supervisor in the list and the detail, and refuses their reveal', async () => {
    for (const name of ['qj.cadre', 'qj.supervisor']) {
      const client = await t.login(name);
      const list = await client.request('GET', '/api/mediation/cases');
      const detail = await client.request('GET', `/api/mediation/cases/${caseId}`);
      expect(list.statusCode).toBe(200);
      expect(detail.statusCode).toBe(200);
      for (const res of [list, detail]) {
        expect(personalNumbersIn(res.body)).toEqual([]);
        expect(res.body).not.toContain(ID15);
        expect(res.body).not.toContain('⟦');
      }
      expect(detail.json<{ description: string }>().description).toBe(
        `申请人持借条（借款人身份证6104**********${ID.slice(-4)}，旧证6104*******1003），联系电话139****5678，要求归还借款`,
      );
      expect(detail.json<{ sessions: { notes: string }[] }>().sessions[0]?.notes).toBe('被申请人电话139****5678，已到场');
      const reveal = await client.request('POST', `/api/mediation/cases/${caseId}/texts/reveal`, { field: 'description' });
      expect(reveal.statusCode).toBe(403);
    }
  });

  it('keeps a note filled to its limit with numbers: the sealed text outgrows a bounded column (widened on PostgreSQL)', async () => {
    const numbers = `甲${MOBILE}乙13912345679丙13912345670`;
    const note = `${numbers}${'已签字确认'.repeat(40)}`.slice(0, 200);
    const res = await official.request('POST', `/api/mediation/cases/${caseId}/confirm`, { confirmedOn: '2026-01-04', note });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.ctx.db.selectFrom('mediation_cases').select('confirmation_note').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.confirmation_note?.length).toBeGreaterThan(200);
    const revealed = await official.request('POST', `/api/mediation/cases/${caseId}/texts/reveal`, { field: 'confirmationNote' });
    expect(revealed.json()).toEqual({ value: note });
  });

  it('finds the case by a number typed into the search, though the text holds it sealed', async () => {
    const found = (await official.request('GET', `/api/mediation/cases?q=${MOBILE}`)).json<{ items: { id: string }[] }>();
    expect(found.items.map((c) => c.id)).toEqual([caseId]);
    const none = (await official.request('GET', '/api/mediation/cases?q=13900000000')).json<{ items: unknown[] }>();
    expect(none.items).toEqual([]);
  });

  it('exports cases.xlsx with the numbers masked', async () => {
    const xlsx = await official.request('GET', '/api/mediation/cases.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const text = await zipText(xlsx.rawPayload);
    expect(text).toContain('139****5678');
    expect(personalNumbersIn(text)).toEqual([]);
  });

  it('reveals the full text to a holder of personal.reveal through the audited path', async () => {
    const detail = await official.request('GET', `/api/mediation/cases/${caseId}`);
    expect(personalNumbersIn(detail.body)).toEqual([]);
    const reveal = await official.request('POST', `/api/mediation/cases/${caseId}/texts/reveal`, { field: 'description' });
    expect(reveal.json()).toEqual({ value: DESCRIPTION });
    const terms = await official.request('POST', `/api/mediation/cases/${caseId}/texts/reveal`, { field: 'agreementTerms' });
    expect(terms.json()).toEqual({ value: TERMS });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'object_id', 'detail'])
      .where('action', '=', 'mediation.reveal')
      .where('object_id', '=', caseId)
      .execute();
    expect(
      audit
        .map((a) => JSON.parse(a.detail ?? '{}') as { field: string })
        .map((d) => d.field)
        .slice(-2),
    ).toEqual(['description', 'agreementTerms']);
  });

  it('prints the agreement with the numbers in full for a holder of personal.reveal only', async () => {
    const full = await zipText((await official.request('GET', `/api/mediation/cases/${caseId}/agreement.docx`)).rawPayload);
    expect(full).toContain(TERMS);
    expect(full).toContain(MOBILE);
    const cadre = await t.login('qj.cadre');
    const res = await cadre.request('GET', `/api/mediation/cases/${caseId}/agreement.docx`);
    if (res.statusCode === 200) expect(personalNumbersIn(await zipText(res.rawPayload))).toEqual([]);
    else expect(res.statusCode).toBe(403);
  });

  it('masks numbers that older rows hold in plain on read, and seals them in place with pii:seal-texts', async () => {
    const old = `旧记录：当事人电话${MOBILE}，身份证${ID}`;
    await t.ctx.db.updateTable('mediation_cases').set({ referral_note: old }).where('id', '=', caseId).execute();
    const cadre = await t.login('qj.cadre');
    const before = await cadre.request('GET', `/api/mediation/cases/${caseId}`);
    expect(personalNumbersIn(before.body)).toEqual([]);
    expect(before.json<{ referralNote: string }>().referralNote).toBe(`旧记录：当事人电话139****5678，身份证6104**********${ID.slice(-4)}`);

    expect((await sealStoredTexts(t.ctx, MODULES)).mediation_cases).toBe(1);
    expect((await sealStoredTexts(t.ctx, MODULES)).mediation_cases).toBe(0);
    const row = await t.ctx.db.selectFrom('mediation_cases').select('referral_note').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(personalNumbersIn(row.referral_note ?? '')).toEqual([]);
    const revealed = await official.request('POST', `/api/mediation/cases/${caseId}/texts/reveal`, { field: 'referralNote' });
    expect(revealed.json()).toEqual({ value: old });
  });
});
