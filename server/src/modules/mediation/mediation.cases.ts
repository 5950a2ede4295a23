import { chinaDate } from '@rg/domain/time/china-time';
import type { AppContext } from '../../core/context.ts';
import { CaseDocuments } from './mediation.case-documents.ts';
import { CaseIntake } from './mediation.case-intake.ts';
import { CaseReads } from './mediation.case-reads.ts';
import { CaseSteps } from './mediation.case-steps.ts';

/** Today in China (UTC+8): the business date of every step. */
export function chinaToday(now: Date): string {
  return chinaDate(now);
}

/**
 * 人民调解案件 (P1.4(4), P3.3(三)1): the module's case facade, one object per use case — intake, reads,
 * the ten steps, and the documents that carry personal data. Routes, legal aid and the demo use it.
 */
export class CasesService {
  readonly intake: CaseIntake;
  readonly reads: CaseReads;
  readonly steps: CaseSteps;
  readonly documents: CaseDocuments;

  constructor(ctx: AppContext) {
    this.intake = new CaseIntake(ctx);
    this.reads = new CaseReads(ctx);
    this.steps = new CaseSteps(ctx, this.reads, this.intake);
    this.documents = new CaseDocuments(ctx);
  }
}
