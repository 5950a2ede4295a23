import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_INDICATORS } from '@rg/domain/indicators/catalogue';
import { allMigrations } from '../core/db/migrate.ts';
import type { DomainEvent } from '../core/events/event-catalogue.ts';
import { PLACES } from '../testing/factories.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { MODULES } from './index.ts';

/**
 * Every module follows docs/adding-a-module.md: this walks the manifests and fails on a missing or
 * misplaced piece. (That every successful write leaves an audit entry is checked by the test harness
 * on every medium test: testing/audit-gaps.ts.)
 */
const HERE = import.meta.dirname;
/** Migrations named before dated names were introduced; no new name may take this form. */
const NUMBERED = /^(\d{3})-[a-z0-9-]+$/;
const LAST_NUMBERED = 31;
const DATED = /^(\d{12})-([a-z]+)-[a-z0-9-]+$/;
/** Chinese kept on purpose in English texts: the values an imported Excel file must hold. */
const KEPT_CHINESE = ['男', '女', '说明'];
const HAN = /\p{Script=Han}/u;

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

describe('module conformance', () => {
  it('each module lives in its own folder, with its manifest named after it', () => {
    for (const module of MODULES) {
      expect(module.name, module.name).toMatch(/^[a-z]+$/);
      expect(fs.existsSync(path.join(HERE, module.name, `${module.name}.module.ts`)), module.name).toBe(true);
    }
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length);
  });

  it('a module grants only the permissions it declares, each named <module>.<action>, and every one to some role', () => {
    for (const module of MODULES) {
      const declared = new Set<string>(module.permissions ?? []);
      const granted = new Set<string>(Object.values(module.rolePermissions ?? {}).flat());
      for (const permission of declared) expect(permission, module.name).toMatch(new RegExp(`^${module.name}\\.[a-z_]+$`));
      expect(
        [...granted].filter((p) => !declared.has(p)),
        module.name,
      ).toEqual([]);
      expect(
        [...declared].filter((p) => !granted.has(p)),
        module.name,
      ).toEqual([]);
      for (const entry of module.menu ?? []) {
        if (entry.access !== 'authenticated' && entry.access !== 'public' && declared.size > 0) {
          expect(declared.has(entry.access), `${module.name} menu ${entry.key}`).toBe(true);
        }
      }
    }
  });

  it("migrations sit one a file in the module's migrations folder, every file listed, new names dated and owned", () => {
    expect(() => allMigrations(MODULES)).not.toThrow();
    for (const module of MODULES) {
      const folder = path.join(HERE, module.name, 'migrations');
      const files = fs.existsSync(folder) ? fs.readdirSync(folder).map((f) => f.replace(/\.ts$/, '')) : [];
      const names = Object.keys(module.migrations ?? {});
      expect(names.sort(), module.name).toEqual(files.sort());
      for (const name of names) {
        const numbered = NUMBERED.exec(name);
        const dated = DATED.exec(name);
        if (numbered)
          expect(Number(numbered[1]), `${name}: numbered names are closed, use YYYYMMDDHHmm-<module>-…`).toBeLessThanOrEqual(LAST_NUMBERED);
        else expect(dated?.[2], `${name} must be named YYYYMMDDHHmm-${module.name}-<what>`).toBe(module.name);
      }
    }
  });

  it("events are named after their publisher, and a module's feeds count only its own events into catalogue indicators", () => {
    for (const module of MODULES) {
      const events = Object.keys(module.events ?? {});
      for (const type of events) expect(type, module.name).toMatch(new RegExp(`^${module.name}\\.[a-z_]+$`));
      for (const [type, feed] of Object.entries(module.feeds ?? {})) {
        expect(events, `${module.name} feeds from ${type}`).toContain(type);
        expect(typeof feed).toBe('function');
      }
    }
  });

  it("each module's server texts hold the same keys and placeholders in English, and no Chinese there", () => {
    for (const module of MODULES) {
      if (!module.messages) continue;
      const zh = module.messages['zh-CN'];
      const en = module.messages['en-US'];
      expect(Object.keys(en).sort(), module.name).toEqual(Object.keys(zh).sort());
      const differing = Object.entries(zh).filter(([key, text]) => placeholders(text) !== placeholders(en[key] ?? ''));
      expect(
        differing.map(([key]) => key),
        module.name,
      ).toEqual([]);
      const untranslated = Object.entries(en).filter(([, text]) =>
        HAN.test(KEPT_CHINESE.reduce((rest, term) => rest.replaceAll(term, ''), text)),
      );
      expect(
        untranslated.map(([key]) => key),
        module.name,
      ).toEqual([]);
    }
  });
});

describe('route contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every JSON route of the API declares its response body; only file downloads send bytes', () => {
    // A download names its file in the path (…/summary.docx, …/cases.xlsx) or sends a stored file by its id.
    const download = /\.(xlsx|docx|zip)$|\/:(fileId|attachmentId)$/;
    const undeclared = t.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !download.test(r.url))
      .filter((r) => r.responses.length === 0)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });
});

describe('event contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every subscription names an event some module declares', () => {
    const declared = new Set(MODULES.flatMap((m) => Object.keys(m.events ?? {})));
    expect(t.ctx.events.subscribed().filter((type) => !declared.has(type))).toEqual([]);
    // @ts-expect-error: the catalogue has no such event, so this does not compile either.
    expect(() => t.ctx.events.on('mediation.case_solved', async () => {})).toThrow('no module publishes the event mediation.case_solved');
  });

  it('every event-counted indicator of the catalogue is fed by some publisher, through the bus into the roll-up', async () => {
    const on = { regionCode: PLACES.qujia, occurredOn: '2026-01-03' };
    // One event of each type a feed counts; each literal is checked against its publisher's payload type.
    const samples: DomainEvent[] = [
      { ...on, type: 'legal.service_recorded', payload: { window: 'onsite', serviceType: 'consultation' } },
      {
        ...on,
        type: 'legal.service_changed',
        payload: { window: 'onsite', serviceType: 'consultation', previous: { serviceType: 'consultation', occurredOn: '2026-01-02' } },
      },
      {
        ...on,
        type: 'mediation.case_registered',
        payload: { caseType: 'neighbour', riskLevel: 'low', source: 'application', online: false, criminalRisk: false },
      },
      {
        ...on,
        type: 'mediation.case_concluded',
        payload: { caseType: 'neighbour', riskLevel: 'low', outcome: 'agreement', overdue: false, registeredOn: '2026-01-02' },
      },
      {
        ...on,
        type: 'programs.designated',
        payload: { designationId: 'd', programId: 'p', title: 't', unitLevel: 'village', organiserRegion: PLACES.jingyang },
      },
      { ...on, type: 'programs.revoked', payload: { designationId: 'd', programId: 'p', title: 't', reason: 'r' } },
    ];
    const fed = MODULES.flatMap((m) => Object.keys(m.feeds ?? {}));
    expect(fed.sort()).toEqual(samples.map((e) => e.type).sort());
    await t.ctx.db.transaction().execute(async (tx) => {
      for (const event of samples) await t.ctx.events.publish(tx, event);
    });
    const counted = await t.ctx.db.selectFrom('indicator_facts').select('indicator_code').distinct().execute();
    expect(counted.map((r) => r.indicator_code).sort()).toEqual(EVENT_INDICATORS.map((i) => i.code).sort());
  });

  it('a payload that does not match its schema is refused, and the record with it', async () => {
    const publish = t.ctx.db.transaction().execute((tx) =>
      t.ctx.events.publish(tx, {
        type: 'mediation.case_concluded',
        regionCode: '610423104209',
        occurredOn: '2026-01-03',
        // @ts-expect-error: 'success' is not an outcome (the old indicator rule guessed it was).
        payload: { caseType: 'neighbour', riskLevel: 'low', outcome: 'success', overdue: false, registeredOn: '2026-01-02' },
      }),
    );
    await expect(publish).rejects.toThrow('the payload of mediation.case_concluded does not match its schema');
  });
});
