import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import type { CaseType } from './case.schema.ts';

export const statsQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export interface StatsFigures {
  registered: number;
  /** concluded with an agreement / without */
  success: number;
  failed: number;
  /** success ÷ concluded */
  successRate: number;
  closed: number;
  performance: { performed: number; partly: number; not: number; rate: number };
  /** concluded late, or open past the due date */
  overdue: number;
  overdueRate: number;
  openHighRisk: number;
  openCriminalRisk: number;
  /** mean days from registration to conclusion */
  avgDurationDays: number;
}

/** 调解统计 of a region for a year: totals, by type, by month, by child region (drill-down). */
export interface StatsDto {
  region: { code: string; name: string; level: string };
  year: number;
  totals: StatsFigures;
  byType: Array<{ caseType: CaseType; registered: number; success: number; failed: number }>;
  byMonth: Array<{ month: string; registered: number; success: number; failed: number }>;
  children: Array<{ code: string; name: string; level: string } & StatsFigures>;
}
