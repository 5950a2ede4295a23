import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'xl/worksheets/sheet1.xml';

/** The advisor template with 80 MB of blanks inside its first sheet: about 80 kB on the wire. */
async function zipBomb(template: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const xml = await zip.file(SHEET)?.async('string');
  if (!xml) throw new Error('template without a first sheet');
  const padded = Buffer.concat([
    Buffer.from(xml.replace('</worksheet>', '')),
    Buffer.alloc(80 * 1024 * 1024, 0x20),
    Buffer.from('</worksheet>'),
  ]);
  zip.file(SHEET, padded);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The same archive with every uncompressed size in its headers claimed to be 1 kB: the directory lies. */
function lyingSizes(file: Buffer): Buffer {
  const out = Buffer.from(file);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 26 <= out.length) out.writeUInt32LE(1024, i + 22);
    if (sig === 0x02014b50 && i + 28 <= out.length) out.writeUInt32LE(1024, i + 24);
  }
  return out;
}

describe('legal: a zip-bomb sheet sent to the advisor import (issue 15 finding 13)', () => {
  let t: TestApp;
  let official: TestClient;
  let template: Buffer;
  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'jy.bomb', regionCode: PLACES.jingyang, roles: ['official'] });
    official = await t.login('jy.bomb');
    template = (await official.request('GET', '/api/legal/advisors/template.xlsx')).rawPayload;
  });
  afterAll(() => t.close());

  const upload = (body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/legal/advisors/import?regionCode=${PLACES.jingyang}`,
      headers: { cookie: official.cookie ?? '', 'x-csrf-token': official.csrfToken, 'content-type': XLSX },
      payload: body,
    });

  it('answers 413 with a Chinese message in under a second, whether its directory tells the truth or lies', async () => {
    const bomb = await zipBomb(template);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const file of [bomb, lyingSizes(bomb)]) {
      const started = performance.now();
      const res = await upload(file);
      const took = performance.now() - started;
      expect(res.statusCode, res.body).toBe(413);
      expect(errorOf(res).message).toBe('文件解压后过大或包含的文件过多（解压后最多 64 MB、1000 个文件），请拆分后再上传');
      expect(took).toBeLessThan(1000);
    }
    expect(await t.ctx.db.selectFrom('legal_advisors').select('id').execute()).toEqual([]);
  });

  it('keeps /api/health answering while the bomb is refused', async () => {
    for (const bomb of [await zipBomb(template), lyingSizes(await zipBomb(template))]) {
      const pending = upload(bomb);
      let done = false;
      void pending.finally(() => (done = true));
      let slowest = 0;
      do {
        const started = performance.now();
        expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      } while (!done);
      expect(slowest).toBeLessThan(200);
      expect((await pending).statusCode).toBe(413);
    }
  });
});
