import { GRADE_LABELS } from '@rg/domain/indicators/assessment';
import type { UnitResultDto } from '@rg/domain/indicators/indicators.schema';
import { toXlsx } from '../../core/export/xlsx.ts';
import type { AssessmentRoundTable } from './indicators.tables.ts';

/** 以奖代补资金分配表 for the finance office: each unit's rank, score, grade and share in 元 and 分, then the total. */
export async function allocationSheet(
  round: Pick<AssessmentRoundTable, 'name' | 'pool_fen'>,
  results: readonly UnitResultDto[],
): Promise<{ name: string; body: Buffer }> {
  type Row = {
    rank: number | string;
    unitCode: string;
    unitName: string;
    score: number | null;
    grade: string;
    fen: number | null;
    calculation: string;
  };
  const total = results.reduce((a, r) => a + (r.allocationFen ?? 0), 0);
  const rows: Row[] = [
    ...results.map((r) => ({
      rank: r.rank,
      unitCode: r.unitCode,
      unitName: r.unitName,
      score: r.score,
      grade: GRADE_LABELS[r.grade],
      fen: r.allocationFen,
      calculation: r.calculation ?? '',
    })),
    {
      rank: '合计',
      unitCode: '',
      unitName: '',
      score: null,
      grade: '',
      fen: total,
      calculation: `资金池 ${(Number(round.pool_fen ?? 0) / 100).toFixed(2)} 元`,
    },
  ];
  const body = await toXlsx(
    '以奖代补资金分配',
    [
      { header: '排名', value: (r: Row) => r.rank },
      { header: '区划代码', value: (r: Row) => r.unitCode },
      { header: '单位', width: 20, value: (r: Row) => r.unitName },
      { header: '考核得分', value: (r: Row) => r.score },
      { header: '等次', value: (r: Row) => r.grade },
      { header: '补贴金额（元）', width: 16, value: (r: Row) => (r.fen === null ? null : (r.fen / 100).toFixed(2)) },
      { header: '补贴金额（分）', width: 16, value: (r: Row) => r.fen },
      { header: '计算过程', width: 80, value: (r: Row) => r.calculation },
    ],
    rows,
  );
  return { name: `以奖代补资金分配-${round.name}.xlsx`, body };
}
