import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { registerAdvisor } from '../../testing/legal-advisors.ts';

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
const JPEG = Buffer.concat([JPEG_START, Buffer.alloc(64, 7), JPEG_END]);
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1), PNG_END]);
const pdf = (body: string | Buffer) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(body), Buffer.from('\ntrailer<<>>\n%%EOF\n')]);
const PDF = pdf('1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj');
/** An object stream (PDF 1.5) hides its dictionaries in Flate data. */
const objectStream = (dict: string) => {
  const data = zlib.deflateSync(Buffer.from(dict));
  return pdf(
    Buffer.concat([
      Buffer.from(`5 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length ${data.length}>>stream\n`),
      data,
      Buffer.from('\nendstream endobj'),
    ]),
  );
};

describe('legal: attached files checked by content, names kept safe, downloads saved and audited (issue 15 finding 15)', () => {
  let t: TestApp;
  let county: TestClient;
  let advisorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'jy.files', regionCode: PLACES.jingyang, roles: ['official'] });
    county = await t.login('jy.files');
    advisorId = await registerAdvisor(county, { seq: 123 });
  });
  afterAll(() => t.close());

  const send = (type: string, data: Buffer, name = '服务合同.pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/legal/advisors/${advisorId}/contract-files?name=${encodeURIComponent(name)}`,
      headers: { cookie: county.cookie ?? '', 'x-csrf-token': county.csrfToken, 'content-type': type },
      payload: data,
    });
  const stored = async () =>
    (
      await t.ctx.db.selectFrom('legal_attachments').select('file_name').where('owner_id', '=', advisorId).orderBy('uploaded_at').execute()
    ).map((r) => r.file_name);

  it('refuses polyglots: an image with markup inside or data after its end, a PDF that acts when opened', async () => {
    const refused: [string, Buffer, string][] = [
      [
        'image/jpeg',
        Buffer.concat([JPEG_START, Buffer.from('<html><script>alert(document.cookie)</script></html>'), JPEG_END]),
        '图片中夹带了网页或脚本代码，不能作为附件上传',
      ],
      [
        'image/jpeg',
        Buffer.concat([JPEG, Buffer.from('<!doctype html><script>alert(1)</script>')]),
        '图片结尾有多余的数据（如动态照片），请另存为普通照片后上传',
      ],
      [
        'image/png',
        Buffer.concat([PNG, Buffer.from('PK\x03\x04 a zip after the picture')]),
        '图片结尾有多余的数据（如动态照片），请另存为普通照片后上传',
      ],
      [
        'image/png',
        Buffer.concat([PNG.subarray(0, 20), Buffer.from('<svg onload=alert(1)>'), PNG_END]),
        '图片中夹带了网页或脚本代码，不能作为附件上传',
      ],
      ['application/pdf', pdf('1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj 2 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj'), ''],
      ['application/pdf', pdf('1 0 obj<</Type/Catalog/Names<</J#61vaScript 3 0 R>>>>endobj'), ''],
      ['application/pdf', pdf('1 0 obj<</Type/Action/S/Launch/F(cmd.exe)>>endobj'), ''],
      ['application/pdf', pdf('1 0 obj<</Type/Filespec/EF<</F 2 0 R>>>>endobj 2 0 obj<</Type/EmbeddedFile>>endobj'), ''],
      ['application/pdf', objectStream('1 0 <</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>'), ''],
    ];
    for (const [type, data, message] of refused) {
      const res = await send(type, data, type === 'application/pdf' ? '服务合同.pdf' : '签字.jpg');
      expect(res.statusCode, `${type} ${data.toString('latin1').slice(0, 60)}`).toBe(415);
      expect(errorOf(res).message).toBe(message || 'PDF 中含有自动执行的动作、脚本或嵌入文件，不能作为附件上传；请打印为普通 PDF 后上传');
    }
    expect(await stored()).toEqual([]);
    // Plain files still go in, a JPEG with a camera's zero padding too.
    expect((await send('application/pdf', PDF)).statusCode).toBe(201);
    expect((await send('application/pdf', objectStream('1 0 <</Type/Catalog/Pages 2 0 R>>'), '合同2.pdf')).statusCode).toBe(201);
    expect((await send('image/jpeg', Buffer.concat([JPEG, Buffer.alloc(16)]), '签字.jpg')).statusCode).toBe(201);
    expect((await send('image/png', PNG, '签字.png')).statusCode).toBe(201);
    expect(await stored()).toEqual(['服务合同.pdf', '合同2.pdf', '签字.jpg', '签字.png']);
  });

  it('stores names without folders, control characters or bidi overrides, in NFC', async () => {
    await t.ctx.db.deleteFrom('legal_attachments').where('owner_id', '=', advisorId).execute();
    for (const name of [
      '../../../etc/passwd.pdf',
      '..\\..\\boot.ini.pdf',
      '合同\r\nSet-Cookie: a=b.pdf',
      'invoice\u202Efdp.exe',
      'cafe\u0301.pdf',
      '\u2066隐藏\u2069.pdf',
      '...pdf',
    ]) {
      expect((await send('application/pdf', PDF, name)).statusCode).toBe(201);
    }
    expect(await stored()).toEqual([
      'passwd.pdf',
      'boot.ini.pdf',
      '合同Set-Cookie: a=b.pdf',
      'invoicefdp.exe',
      'café.pdf',
      '隐藏.pdf',
      'pdf',
    ]);
  });

  it('serves every file as an attachment with nosniff and an RFC 5987 name, and audits each download', async () => {
    await t.ctx.db.deleteFrom('legal_attachments').where('owner_id', '=', advisorId).execute();
    const file = (await send('application/pdf', PDF, "王's (合同)*.pdf")).json<{ id: string }>();
    const url = `/api/legal/advisors/${advisorId}/contract-files/${file.id}`;
    const res = await county.request('GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="_'s (__)*.pdf"; filename*=UTF-8''%E7%8E%8B%27s%20%28%E5%90%88%E5%90%8C%29%2A.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    await county.request('GET', url);
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_type', 'object_id', 'object_region', 'detail'])
      .where('action', '=', 'file.download')
      .execute();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actor_name: 'jy.files',
      object_type: 'legal_advisor',
      object_id: advisorId,
      object_region: PLACES.jingyang,
    });
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ fileId: file.id, file: "王's (合同)*.pdf" });
  });
});
