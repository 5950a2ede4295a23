import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { PLAN_SECTIONS } from '@rg/domain/programs/catalog';
import type { TestApp, TestClient } from '../../testing/test-app.ts';

/** A minimal valid PDF (the magic bytes are what the type check reads). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export const fullSections = (tag = '') => Object.fromEntries(PLAN_SECTIONS.map((s) => [s, `<p>${s} 第一稿${tag}</p>`]));

/** A national-style programme body: county units, chain province → nation, quota per province. */
export function programBody(overrides: Record<string, unknown> = {}) {
  return {
    organiserRegion: '00',
    name: '测试试点项目',
    batch: '首批',
    unitLevel: 'county',
    contentAreas: ['governance_system', 'consultation'],
    customContentAreas: ['一村一法律顾问'],
    cycleStart: '2026-01-01',
    cycleEnd: '2028-12-31',
    conditions: [{ text: '党委、政府高度重视和支持试点工作', evidenceRequired: true }, { text: '具有相适应的工作力量' }],
    requiredAttachments: ['试点方案（盖章扫描件）'],
    reviewChain: ['province', 'nation'],
    quotaLevel: 'province',
    milestones: [{ name: '试点方案报送截止', dueDate: '2026-06-30', kind: 'submission', closesSubmission: true }],
    ...overrides,
  };
}

export async function expectStatus(res: { statusCode: number; body: string }, status: number): Promise<void> {
  expect(res.statusCode, res.body).toBe(status);
}

/** Sends a raw body as the signed-in client (the JSON client cannot), e.g. an attachment or a quota sheet. */
export function sendRaw(t: TestApp, client: TestClient, url: string, body: Buffer, contentType: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken, 'content-type': contentType },
    payload: body,
  });
}

/** 上传附件 of `kind` to an application, as the console sends it: the raw file with `?kind=&name=`. */
export function attach(
  t: TestApp,
  client: TestClient,
  applicationId: string,
  kind: string,
  file: { name: string; type: string; data: Buffer } = { name: '证明.pdf', type: 'application/pdf', data: PDF },
): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ kind, name: file.name });
  return sendRaw(t, client, `/api/programs/applications/${applicationId}/attachments?${query.toString()}`, file.data, file.type);
}

/** Creates, fills completely (areas, answers, evidence, attachment, six sections) and returns the id. */
export async function completeApplication(t: TestApp, client: TestClient, programId: string, unitCode: string): Promise<string> {
  const created = await client.request('POST', `/api/programs/${programId}/applications`, { unitCode });
  await expectStatus(created, 201);
  const app = created.json<{ id: string; version: number }>();
  const saved = await client.request('PUT', `/api/programs/applications/${app.id}`, {
    version: app.version,
    contentAreas: ['governance_system'],
    sections: fullSections(),
    conditionAnswers: [
      { key: 'c1', answer: '县委常委会专题研究' },
      { key: 'c2', answer: '农业农村局专人负责' },
    ],
  });
  await expectStatus(saved, 200);
  for (const kind of ['evidence:c1', 'required:a1']) await expectStatus(await attach(t, client, app.id, kind), 201);
  return app.id;
}
