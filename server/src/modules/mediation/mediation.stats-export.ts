import { CASE_TYPE_LABELS } from '@rg/domain/mediation/case.schema';
import type { StatsDto, StatsFigures } from '@rg/domain/mediation/stats.schema';
import { sheet, toXlsxSheets, type ExportColumn } from '../../core/export/xlsx.ts';

type PlaceFigures = { name: string } & StatsFigures;
type Counts = { registered: number; success: number; failed: number };

const PERCENT = '0.0%';

/** The figures of the statistics page, in the order and wording of a 人民调解工作统计表. */
const FIGURE_COLUMNS: ExportColumn<PlaceFigures>[] = [
  { header: '地区', width: 24, value: (r) => r.name },
  { header: '受理纠纷（件）', value: (r) => r.registered },
  { header: '调解成功（件）', value: (r) => r.success },
  { header: '调解不成（件）', value: (r) => r.failed },
  { header: '调解成功率', numFmt: PERCENT, value: (r) => r.successRate },
  { header: '已结案（件）', value: (r) => r.closed },
  { header: '协议已履行（件）', value: (r) => r.performance.performed },
  { header: '部分履行（件）', value: (r) => r.performance.partly },
  { header: '未履行（件）', value: (r) => r.performance.not },
  { header: '协议履行率', numFmt: PERCENT, value: (r) => r.performance.rate },
  { header: '超期（件）', value: (r) => r.overdue },
  { header: '超期率', numFmt: PERCENT, value: (r) => r.overdueRate },
  { header: '在办高风险（件）', value: (r) => r.openHighRisk },
  { header: '在办可能民转刑（件）', value: (r) => r.openCriminalRisk },
  { header: '平均办理天数', value: (r) => r.avgDurationDays },
];

const countColumns = <Row extends Counts>(first: ExportColumn<Row>): ExportColumn<Row>[] => [
  first,
  { header: '受理纠纷（件）', value: (r) => r.registered },
  { header: '调解成功（件）', value: (r) => r.success },
  { header: '调解不成（件）', value: (r) => r.failed },
];

/** 调解统计 of a region and year as a workbook: the region and each child region, by type, by month. */
export function statsWorkbook(dto: StatsDto): Promise<Buffer> {
  const places: PlaceFigures[] = [{ ...dto.totals, name: `${dto.region.name}（合计）` }, ...dto.children];
  return toXlsxSheets([
    sheet('分地区', FIGURE_COLUMNS, places),
    sheet(
      '按纠纷类型',
      countColumns<StatsDto['byType'][number]>({ header: '纠纷类型', width: 24, value: (r) => CASE_TYPE_LABELS[r.caseType] }),
      dto.byType,
    ),
    sheet('按月份', countColumns<StatsDto['byMonth'][number]>({ header: '月份', width: 12, value: (r) => r.month }), dto.byMonth),
  ]);
}
