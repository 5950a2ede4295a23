import type { ApplicationSummaryDto } from '@rg/domain/programs/application.schema';
import { PLAN_SECTIONS, type PlanSection, type ReviewLevel } from '@rg/domain/programs/catalog';
import type { ApplicationSubject } from './application.policy.ts';
import type { ApplicationRow } from './applications.repository.ts';
import { parseJson } from './programs.service.ts';

export type Sections = Record<PlanSection, string>;
export const EMPTY_SECTIONS = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, ''])) as Sections;

/** A plan version's stored sections with every section present (a new section reads as empty). */
export function sectionsOf(stored: string | undefined): Sections {
  return { ...EMPTY_SECTIONS, ...(stored ? parseJson<Partial<Sections>>(stored) : {}) };
}

/** The list row of an application; the reviewer shows only while it waits for one. */
export function applicationSummary(row: ApplicationRow, chain: readonly ReviewLevel[]): ApplicationSummaryDto {
  const underReview = row.status === 'submitted';
  return {
    id: row.id,
    programId: row.program_id,
    programName: row.program_name,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    status: row.status,
    reviewerRegion: underReview ? row.reviewer_region : null,
    reviewerRegionName: underReview ? row.reviewer_name : null,
    reviewLevel: underReview ? (chain[row.step] ?? null) : null,
    planVersion: row.plan_version,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}

/** The application as its policy sees it. */
export function applicationSubject(row: ApplicationRow): ApplicationSubject {
  return { regionCode: row.unit_code, status: row.status, reviewerRegion: row.reviewer_region, submittedBy: row.submitted_by };
}
