/**
 * ISSUE 3 "Speed": legal-advisor coverage for a province-sized scope. On the database of the import
 * benchmark it gives 80% of one province's villages a current advisor (Shaanxi 61: ~20k villages in
 * the national data; the demo counties' province in a quick run), then times the coverage report and
 * the first page of the uncovered list through the service, as an official of that province sees them.
 * The ledger (1M entries) is not built yet, so the dashboard part of the target is not measured.
 */
import crypto from 'node:crypto';
import { FOUNDATION_ROLE_PERMISSIONS, type Permission } from '@rg/domain/access/roles';
import { createContext } from '../../server/src/core/bootstrap.ts';
import { loadConfig } from '../../server/src/core/config.ts';
import type { LegalAssignmentTable } from '../../server/src/modules/legal/legal.tables.ts';
import { LegalCoverage } from '../../server/src/modules/legal/legal.coverage.ts';
import { MODULES } from '../../server/src/modules/index.ts';
import { withinScope } from '../../server/src/core/db/scope.ts';

export interface LegalFigures {
  province: string;
  villages: number;
  covered: number;
  coverage: { p50Ms: number; p95Ms: number };
  uncoveredPage: { p50Ms: number; p95Ms: number };
  samples: number;
}

const SAMPLES = 60;

function percentiles(times: number[]): { p50Ms: number; p95Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) await run();
  for (let i = 0; i < SAMPLES; i += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

export async function benchLegalCoverage(dataDir: string, province: string): Promise<LegalFigures> {
  const { ctx, connection } = await createContext(loadConfig({ DATA_DIR: dataDir }), MODULES);
  try {
    const villages = await ctx.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 'village')
      .where((eb) => withinScope(eb, 'code', province))
      .orderBy('code')
      .execute();
    const now = new Date().toISOString();
    const advisorId = crypto.randomUUID();
    await ctx.db
      .insertInto('legal_advisors')
      .values({
        id: advisorId,
        region_code: province,
        name: '基准顾问',
        gender: 'male',
        phone_enc: ctx.cipher.encrypt('13900000000'),
        phone_hash: 'bench',
        id_number_enc: ctx.cipher.encrypt('bench'),
        id_number_hash: `bench-${advisorId}`,
        category: 'other',
        employer_name: null,
        employer_uscc: null,
        licence_no: null,
        contract_start: null,
        contract_end: null,
        contract_fee_fen: null,
        status: 'active',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    const rows: LegalAssignmentTable[] = villages
      .filter((_, i) => i % 5 !== 0)
      .map((v) => ({
        id: crypto.randomUUID(),
        advisor_id: advisorId,
        village_code: v.code,
        start_date: '2026-01-01',
        end_date: null,
        end_reason: null,
        created_at: now,
      }));
    await ctx.bulk.upsert(
      {
        table: 'legal_assignments',
        columns: [
          { name: 'id', pgType: 'text' },
          { name: 'advisor_id', pgType: 'text' },
          { name: 'village_code', pgType: 'text' },
          { name: 'start_date', pgType: 'text' },
          { name: 'end_date', pgType: 'text' },
          { name: 'end_reason', pgType: 'text' },
          { name: 'created_at', pgType: 'text' },
        ],
        key: 'id',
        update: ['start_date'],
        changedWhen: ['start_date'],
      },
      rows,
    );
    const permissions = new Set<Permission>([...FOUNDATION_ROLE_PERMISSIONS.official, 'legal.read', 'legal.export']);
    const rc = {
      actor: {
        userId: 'bench',
        username: 'bench',
        displayName: 'bench',
        roles: ['official' as const],
        homeRegion: province,
        scope: province,
        permissions,
        mustChangePassword: false,
      },
      ip: null,
      requestId: 'bench',
    };
    const coverage = new LegalCoverage(ctx);
    const report = await coverage.coverage(rc, province);
    const coverageTimes = await timed(() => coverage.coverage(rc, province));
    const pageTimes = await timed(() => coverage.uncovered(rc, { page: 1, pageSize: 20 }));
    return {
      province,
      villages: report.villages,
      covered: report.covered,
      coverage: percentiles(coverageTimes),
      uncoveredPage: percentiles(pageTimes),
      samples: SAMPLES,
    };
  } finally {
    await connection.close();
  }
}
