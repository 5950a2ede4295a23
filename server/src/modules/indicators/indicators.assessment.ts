import {
  autoScore,
  finalScore,
  gradeOf,
  rankByScore,
  templateOf,
  TEMPLATES,
  type AssessmentTemplate,
} from '@rg/domain/indicators/assessment';
import type {
  AllocationInput,
  Evidence,
  RoundCreate,
  RoundDto,
  RoundListDto,
  RoundSummaryDto,
  ScoreInput,
  UnitResultDto,
} from '@rg/domain/indicators/indicators.schema';
import { ROUND_ACTIONS } from '@rg/domain/indicators/indicators.schema';
import { allocateSubsidy, AllocationRefused } from '@rg/domain/indicators/subsidy-allocation';
import { valueOf } from '@rg/domain/indicators/target-status';
import { isWithin } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../core/http/errors.ts';
import { existingUsernames } from '../access/access.facade.ts';
import { findRegion, findRegions } from '../regions/regions.facade.ts';
import * as repo from './assessment.repository.ts';
import { roundPolicy, type RoundPolicyAction, type RoundSubject } from './round.policy.ts';
import type { IndicatorCatalogue } from './indicators.catalogue.ts';
import type { AssessmentRoundTable } from './indicators.tables.ts';
import { newId } from '../../core/db/ids.ts';
import { allocationSheet } from './assessment.allocation-sheet.ts';
import { rollupSums } from './rollup.repository.ts';

const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/**
 * 考核 (P1.5(3)): rounds of a template over chosen units, item scores with evidence, indicator items
 * filled from the indicators, final score, grade and rank; and the 以奖代补 pool shared out by the
 * result, in 分, summing exactly to the pool.
 */
export class AssessmentService {
  constructor(
    private readonly ctx: AppContext,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  templates(rc: RequestContext): AssessmentTemplate[] {
    authorize(rc.actor, 'indicators.read');
    return [...TEMPLATES];
  }

  private template(code: string): AssessmentTemplate {
    const template = templateOf(code);
    if (!template) throw invalid({ templateCode: 'indicators.template.unknown' });
    return template;
  }

  async create(rc: RequestContext, input: RoundCreate): Promise<RoundDto> {
    const actor = enforce(roundPolicy, rc.actor, 'create', { regionCode: input.regionCode, assessors: [] });
    this.template(input.templateCode);
    if (input.endsOn < input.startsOn) throw invalid({ endsOn: 'indicators.round.dates' });
    const units = [...new Set(input.unitCodes)];
    if (units.some((u) => !isWithin(u, input.regionCode) || u === input.regionCode))
      throw invalid({ unitCodes: 'indicators.round.unitOutside' });
    if ((await findRegions(this.ctx.db, units)).length !== units.length) throw invalid({ unitCodes: 'indicators.round.unitOutside' });
    if (input.assessors.length > 0) {
      const found = await existingUsernames(this.ctx.db, input.assessors);
      if (found.size !== new Set(input.assessors).size) throw invalid({ assessors: 'indicators.round.assessorUnknown' });
    }
    const id = newId();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertRound(
        tx,
        {
          id,
          template_code: input.templateCode,
          name: input.name,
          region_code: input.regionCode,
          period: input.period,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          assessors: JSON.stringify(input.assessors),
          pool_fen: null,
          allocation_rule: null,
          created_at: this.ctx.clock.now().toISOString(),
          created_by: actor.username,
        },
        units,
      );
      await this.ctx.audit.append(tx, rc, {
        action: 'indicators.round_create',
        objectType: 'assessment_round',
        objectId: id,
        objectRegion: input.regionCode,
        detail: { ...input },
      });
    });
    // Items an indicator answers are filled at once; 按指标自动计分 refreshes them later.
    const round = await repo.findRound(this.ctx.db, id);
    if (!round) throw notFound();
    await this.fillIndicatorItems(rc, actor, round);
    return this.get(rc, id);
  }

  async list(rc: RequestContext): Promise<RoundListDto> {
    const actor = authorize(rc.actor, 'indicators.read');
    const scope = listScope(actor);
    const { rows, units } = await repo.listRounds(this.ctx.db, scope, 200);
    const names = new Map(
      (
        await findRegions(
          this.ctx.db,
          rows.map((r) => r.region_code),
        )
      ).map((r) => [r.code, r.name]),
    );
    return {
      items: rows.map((r) => this.summary(r, names.get(r.region_code) ?? r.region_code, units.get(r.id) ?? 0)),
      abilities: { create: roundPolicy(actor, 'create', { regionCode: scope, assessors: [] }).ok },
    };
  }

  private summary(r: AssessmentRoundTable, regionName: string, units: number): RoundSummaryDto {
    return {
      id: r.id,
      templateCode: r.template_code,
      templateName: templateOf(r.template_code)?.name ?? r.template_code,
      name: r.name,
      regionCode: r.region_code,
      regionName,
      period: r.period,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      units,
      poolFen: r.pool_fen === null ? null : Number(r.pool_fen),
    };
  }

  /** The round, when the policy allows the action on it (404 when missing or elsewhere, 403 without the right). */
  private async loadRound(
    rc: RequestContext,
    id: string,
    action: RoundPolicyAction,
  ): Promise<{ actor: Actor; round: AssessmentRoundTable }> {
    const round = await repo.findRound(this.ctx.db, id);
    if (!round) throw notFound();
    return { actor: enforce(roundPolicy, rc.actor, action, subjectOf(round)), round };
  }

  private async results(round: AssessmentRoundTable): Promise<UnitResultDto[]> {
    const template = this.template(round.template_code);
    const units = await repo.unitsOf(this.ctx.db, round.id);
    const scores = await repo.scoresOf(this.ctx.db, round.id);
    const names = new Map(
      (
        await findRegions(
          this.ctx.db,
          units.map((u) => u.unit_code),
        )
      ).map((r) => [r.code, r.name]),
    );
    const rows = units.map((u) => {
      const own = scores.filter((s) => s.unit_code === u.unit_code);
      const byItem = new Map(own.map((s) => [s.item_code, Number(s.score)]));
      const score = finalScore(template, byItem);
      return {
        unitCode: u.unit_code,
        unitName: names.get(u.unit_code) ?? u.unit_code,
        items: template.items.map((item) => {
          const s = own.find((x) => x.item_code === item.code);
          return {
            itemCode: item.code,
            score: s ? Number(s.score) : null,
            auto: s?.auto === 1,
            evidence: parseJson<Evidence[]>(s?.evidence ?? null, []),
            note: s?.note ?? null,
            scoredBy: s?.scored_by ?? null,
          };
        }),
        score,
        grade: gradeOf(template, score),
        complete: template.items.every((i) => byItem.has(i.code)),
        allocationFen: u.allocation_fen === null ? null : Number(u.allocation_fen),
        calculation: u.calculation,
      };
    });
    return rankByScore(rows).map((r) => ({ ...r }));
  }

  async get(rc: RequestContext, id: string): Promise<RoundDto> {
    const { actor, round } = await this.loadRound(rc, id, 'read');
    const template = this.template(round.template_code);
    const region = await findRegion(this.ctx.db, round.region_code);
    const results = await this.results(round);
    const assessors = parseJson<string[]>(round.assessors, []);
    return {
      ...this.summary(round, region?.name ?? round.region_code, results.length),
      assessors,
      template: {
        code: template.code,
        name: template.name,
        clause: template.clause,
        items: template.items.map((i) => ({
          code: i.code,
          name: i.name,
          guidance: i.guidance,
          maxScore: i.maxScore,
          auto: i.rule.kind === 'indicator',
        })),
      },
      results,
      allocationRule: parseJson<AllocationInput['rule'] | null>(round.allocation_rule, null),
      abilities: abilitiesOf(roundPolicy, actor, { regionCode: round.region_code, assessors }, ROUND_ACTIONS),
    };
  }

  async score(rc: RequestContext, id: string, input: ScoreInput): Promise<RoundDto> {
    const { actor, round } = await this.loadRound(rc, id, 'score');
    const item = this.template(round.template_code).items.find((i) => i.code === input.itemCode);
    if (!item) throw invalid({ itemCode: 'indicators.item.unknown' });
    if (item.rule.kind !== 'manual') throw invalid({ itemCode: 'indicators.item.auto' });
    if (input.score > item.maxScore)
      throw new AppError('validation', 'indicators.score.overMax', { score: 'indicators.score.overMaxField' }, { max: item.maxScore });
    if (!(await repo.isUnitOf(this.ctx.db, id, input.unitCode))) throw invalid({ unitCode: 'indicators.unit.notInRound' });
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.putScore(
        tx,
        id,
        input.unitCode,
        input.itemCode,
        Math.round(input.score * 100) / 100,
        false,
        input.evidence,
        input.note ?? null,
        actor.username,
      );
      await this.ctx.audit.append(tx, rc, {
        action: 'indicators.score',
        objectType: 'assessment_round',
        objectId: id,
        objectRegion: input.unitCode,
        detail: { ...input },
      });
    });
    return this.get(rc, id);
  }

  private async putScore(
    tx: Tx,
    roundId: string,
    unitCode: string,
    itemCode: string,
    score: number,
    auto: boolean,
    evidence: Evidence[],
    note: string | null,
    by: string,
  ): Promise<void> {
    await repo.putScore(tx, {
      round_id: roundId,
      unit_code: unitCode,
      item_code: itemCode,
      score,
      auto: auto ? 1 : 0,
      evidence: JSON.stringify(evidence),
      note,
      scored_by: by,
      scored_at: this.ctx.clock.now().toISOString(),
    });
  }

  /** Fills every indicator item of every unit from the indicator's value for the round's period (again). */
  async autofill(rc: RequestContext, id: string): Promise<RoundDto> {
    const { actor, round } = await this.loadRound(rc, id, 'score');
    await this.fillIndicatorItems(rc, actor, round);
    return this.get(rc, id);
  }

  private async fillIndicatorItems(rc: RequestContext, actor: Actor, round: AssessmentRoundTable): Promise<void> {
    const id = round.id;
    const template = this.template(round.template_code);
    const units = await repo.unitsOf(this.ctx.db, id);
    const filled: { unit: string; item: string; score: number; evidence: Evidence[] }[] = [];
    for (const item of template.items) {
      if (item.rule.kind !== 'indicator') continue;
      const entry = this.catalogue.get(item.rule.indicatorCode);
      if (!entry) continue;
      for (const { unit_code: unit } of units) {
        let sums: { num: number; den: number } | null = null;
        if (entry.computed) sums = await entry.computed.compute(this.ctx, rc, unit, round.period);
        else {
          const [row] = await rollupSums(this.ctx.db, [unit], [round.period], [entry.code]);
          sums = row ? { num: Number(row.num), den: Number(row.den) } : null;
        }
        const value = sums ? valueOf(entry.unit, sums.num, sums.den) : null;
        const shown = value === null ? '无数据' : `${Math.round(value * 10) / 10}${entry.unit === 'percent' ? '%' : ''}`;
        filled.push({
          unit,
          item: item.code,
          score: autoScore(item, value),
          evidence: [{ kind: 'indicator', ref: `/indicators?region=${unit}&period=${round.period}`, label: `${entry.name} ${shown}` }],
        });
      }
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      for (const f of filled) await this.putScore(tx, id, f.unit, f.item, f.score, true, f.evidence, null, actor.username);
      await this.ctx.audit.append(tx, rc, {
        action: 'indicators.score_autofill',
        objectType: 'assessment_round',
        objectId: id,
        objectRegion: round.region_code,
        detail: { items: filled.length },
      });
    });
  }

  /** 以奖代补: shares the pool by the rule; every unit must be fully scored first. */
  async allocate(rc: RequestContext, id: string, input: AllocationInput): Promise<RoundDto> {
    const { round } = await this.loadRound(rc, id, 'allocate');
    const results = await this.results(round);
    if (results.some((r) => !r.complete)) throw conflict('indicators.allocation.incomplete');
    let allocation;
    try {
      allocation = allocateSubsidy(
        input.poolFen,
        results.map((r) => ({ code: r.unitCode, score: r.score, grade: r.grade })),
        input.rule,
      );
    } catch (err) {
      if (err instanceof AllocationRefused) throw invalid({ poolFen: `indicators.allocation.${err.reason}` });
      throw err;
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.storeAllocation(
        tx,
        id,
        { pool_fen: input.poolFen, allocation_rule: JSON.stringify(input.rule) },
        allocation.map((a) => ({ unitCode: a.code, fen: a.amountFen, calculation: a.calculation.slice(0, 300) })),
      );
      await this.ctx.audit.append(tx, rc, {
        action: 'indicators.subsidy_allocate',
        objectType: 'assessment_round',
        objectId: id,
        objectRegion: round.region_code,
        detail: { poolFen: input.poolFen, rule: input.rule, shares: allocation.map((a) => [a.code, a.amountFen]) },
      });
    });
    return this.get(rc, id);
  }

  /** 以奖代补资金分配表 for the finance office. */
  async exportAllocation(rc: RequestContext, id: string): Promise<{ name: string; body: Buffer }> {
    const { round } = await this.loadRound(rc, id, 'export');
    const results = await this.results(round);
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.indicators_subsidy',
      objectType: 'assessment_round',
      objectId: id,
      objectRegion: round.region_code,
      detail: { rows: results.length },
    });
    return allocationSheet(round, results);
  }
}

function subjectOf(round: AssessmentRoundTable): RoundSubject {
  return { regionCode: round.region_code, assessors: parseJson<string[]>(round.assessors, []) };
}
