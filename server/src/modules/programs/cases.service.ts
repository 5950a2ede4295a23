import { carrySealed } from '@rg/domain/personal/free-text';
import type { BoardDto, CaseCreate, CaseDto, CaseListDto, CaseListQuery, CaseUpdate } from '@rg/domain/programs/case.schema';
import type { CatalogueAreaKey } from '@rg/domain/programs/catalog';
import { ancestorsOf, levelOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope, signedIn } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { childRegions, findRegion, RegionsService } from '../regions/regions.facade.ts';
import { todayOf } from './programs.dates.ts';
import { plainText, sanitizeRichText } from './programs.richtext.ts';
import { casePolicy, type CaseSubject } from './case.policy.ts';
import * as repo from './cases.repository.ts';
import { boardDesignations } from './designations.repository.ts';
import { evaluationsOf } from './evaluations.repository.ts';
import { newId } from '../../core/db/ids.ts';

/** The case as its policy sees it. */
function caseSubject(row: Pick<repo.CaseRow, 'unit_code' | 'status' | 'submitted_by'>): CaseSubject {
  return { regionCode: row.unit_code, status: row.status, submittedBy: row.submitted_by };
}

/**
 * 典型案例 (P2.4(3) 边试点、边总结、边推广): units submit write-ups, a level above reviews and
 * publishes them; published cases are searchable by everyone by content area, region and words,
 * unpublished ones only inside the actor's region.
 */
export class CasesService {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  private async dtos(actor: Actor, rows: repo.CaseRow[]): Promise<CaseDto[]> {
    if (rows.length === 0) return [];
    const areas = await repo.areasOf(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    const paths = await this.regions.pathsOf(rows.map((r) => r.unit_code));
    return rows.map((r) => ({
      id: r.id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      unitPath: paths.get(r.unit_code) ?? r.unit_name,
      programId: r.program_id,
      title: r.title,
      areas: areas.filter((a) => a.case_id === r.id).map((a) => a.area_key as CatalogueAreaKey),
      summary: r.summary,
      body: r.body,
      status: r.status,
      reviewComment: r.review_comment,
      publishedOn: r.published_on,
      version: r.version,
      abilities: abilitiesOf(casePolicy, actor, caseSubject(r), ['review', 'edit']),
    }));
  }

  async list(rc: RequestContext, query: CaseListQuery): Promise<CaseListDto> {
    const actor = authorize(rc.actor, 'programs.read');
    // A region outside one's own answers 404 like a foreign row (issue 15 finding 15); one above it (the
    // path down to one's own) filters the published cases, as before.
    if (query.regionCode && !ancestorsOf(actor.homeRegion).includes(query.regionCode))
      authorize(actor, 'programs.read', { regionCode: query.regionCode });
    const rows = await repo.listCases(this.ctx.db, listScope(actor), query);
    // 提交案例: for the actor's own region (the form offers the units below too).
    const create = { regionCode: actor.homeRegion, status: null, submittedBy: null };
    return { items: await this.dtos(actor, rows), abilities: abilitiesOf(casePolicy, actor, create, ['create']) };
  }

  private async load(actor: Actor, id: string): Promise<repo.CaseRow> {
    const row = await repo.findCase(this.ctx.db, id);
    if (!row) throw notFound();
    enforce(casePolicy, actor, 'read', caseSubject(row));
    return row;
  }

  async get(rc: RequestContext, id: string): Promise<CaseDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const [dto] = await this.dtos(actor, [await this.load(actor, id)]);
    if (!dto) throw notFound();
    return dto;
  }

  async create(rc: RequestContext, input: CaseCreate): Promise<CaseDto> {
    const actor = enforce(casePolicy, rc.actor, 'create', { regionCode: input.unitCode, status: null, submittedBy: null });
    if (!(await findRegion(this.ctx.db, input.unitCode))) throw invalid({ unitCode: 'region.notFound' });
    const body = sanitizeRichText(input.body);
    if (plainText(body) === '') throw invalid({ body: 'programs.case.bodyRequired' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertCase(tx, {
        id,
        unit_code: input.unitCode,
        program_id: input.programId ?? null,
        title: input.title,
        summary: input.summary,
        body,
        status: 'submitted',
        review_comment: null,
        published_on: null,
        created_by: actor.userId,
        submitted_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await repo.replaceAreas(tx, id, input.areas);
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.case_submit',
        objectType: 'program_case',
        objectId: id,
        objectRegion: input.unitCode,
        detail: { title: input.title, areas: input.areas },
      });
    });
    return this.get(rc, id);
  }

  /** 修改后重新提交: only a returned case; it goes back to 待审核 (published or waiting ones → 409). */
  async update(rc: RequestContext, id: string, input: CaseUpdate): Promise<CaseDto> {
    const row = await this.load(signedIn(rc.actor), id);
    const actor = enforce(casePolicy, rc.actor, 'edit', caseSubject(row));
    // The editor saw the numbers typed into the texts masked: the masks sent back become the sealed numbers again (SECURITY.md 30).
    const body = sanitizeRichText(carrySealed(row.body, input.body));
    if (plainText(body) === '') throw invalid({ body: 'programs.case.bodyRequired' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const resubmitted = await repo.updateCase(tx, id, input.version, 'returned', {
        title: input.title,
        summary: carrySealed(row.summary, input.summary),
        body,
        status: 'submitted',
        submitted_by: actor.userId,
        updated_at: now,
      });
      if (!resubmitted) throw conflict();
      await repo.replaceAreas(tx, id, input.areas);
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.case_resubmit',
        objectType: 'program_case',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { title: input.title, areas: input.areas },
      });
    });
    return this.get(rc, id);
  }

  /** 审核发布: a level above the unit publishes or returns a submitted case; any other state is a 409. */
  async review(rc: RequestContext, id: string, decision: 'publish' | 'return', comment: string): Promise<CaseDto> {
    const row = await this.load(signedIn(rc.actor), id);
    enforce(casePolicy, rc.actor, 'review', caseSubject(row));
    const now = this.ctx.clock.now().toISOString();
    const today = todayOf(this.ctx.clock);
    await this.ctx.db.transaction().execute(async (tx) => {
      const decided = await repo.updateCase(tx, id, row.version, 'submitted', {
        status: decision === 'publish' ? 'published' : 'returned',
        published_on: decision === 'publish' ? today : null,
        review_comment: comment || null,
        updated_at: now,
      });
      if (!decided) throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: `programs.case_${decision}`,
        objectType: 'program_case',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { comment },
      });
      if (decision === 'publish')
        await this.ctx.events.publish(tx, {
          type: 'programs.case_published',
          regionCode: row.unit_code,
          occurredOn: today,
          payload: { caseId: id, title: row.title },
        });
    });
    return this.get(rc, id);
  }

  /**
   * 三级创建看板 (plan 3 §二): for a county, its own titles, and per town its title and its
   * demonstration villages — on track when designated, not warned or revoked, and the latest
   * evaluation (if any) passed.
   */
  async board(rc: RequestContext, countyCode: string): Promise<BoardDto> {
    const actor = authorize(rc.actor, 'programs.read', { regionCode: countyCode });
    void actor;
    if (levelOf(countyCode) !== 'county') throw invalid({ countyCode: 'programs.board.notCounty' });
    const county = await findRegion(this.ctx.db, countyCode);
    if (!county) throw notFound('region.notFound');
    const towns = (await childRegions(this.ctx.db, countyCode)).filter((r) => r.level === 'town');
    const designations = await boardDesignations(this.ctx.db, countyCode);
    const evaluations = await evaluationsOf(
      this.ctx.db,
      designations.map((d) => d.id),
      'desc',
    );
    const latestPassed = new Map<string, boolean>();
    for (const e of evaluations) if (!latestPassed.has(e.designation_id)) latestPassed.set(e.designation_id, e.passed === 1);
    const onTrack = (d: { id: string; status: string }) => d.status === 'active' && latestPassed.get(d.id) !== false;
    const rows = towns.map((town) => {
      const own = designations.find((d) => d.unit_code === town.code);
      const villages = designations
        .filter((d) => d.level === 'village' && d.unit_code.startsWith(town.code))
        .map((d) => ({ code: d.unit_code, name: d.name, title: d.title, status: d.status, onTrack: onTrack(d) }));
      return {
        townCode: town.code,
        townName: town.name,
        townTitle: own?.title ?? null,
        villages,
        onTrack: villages.some((v) => v.onTrack),
      };
    });
    return {
      countyCode,
      countyName: county.name,
      countyTitles: [...new Set(designations.filter((d) => d.unit_code === countyCode).map((d) => d.title))],
      towns: rows,
      designatedTowns: rows.filter((r) => r.townTitle !== null).length,
      townsWithVillage: rows.filter((r) => r.villages.length > 0).length,
    };
  }
}

/** Cases waiting for the actor's review, for the todo list. */
export async function casesAwaiting(ctx: AppContext, actor: Actor): Promise<number> {
  const cases = await repo.submittedCases(ctx.db, actor.homeRegion);
  return cases.filter((c) => casePolicy(actor, 'review', caseSubject({ ...c, status: 'submitted' })).ok).length;
}
