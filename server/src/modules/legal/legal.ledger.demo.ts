import { chinaDate, chinaMonth } from '@rg/domain/time/china-time';
import { SERVICE_TYPES, type ServiceType, type ServiceWindow } from '@rg/domain/legal/service.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { villageMonths } from './legal.counts.ts';
import type { LegalConsultationTable, LegalServiceTable } from './legal.tables.ts';
import { newId } from '../../core/db/ids.ts';

const JINGYANG = '610423';
const QUJIA = '610423104209';
const DAY = 86_400_000;

/** What each type of service plausibly holds, for the demo ledger. */
const SAMPLES: Partial<Record<ServiceType, { content: string; result: string }>> = {
  consultation: { content: '村民咨询土地承包经营权流转合同的签订与备案', result: '讲解流转合同必备条款，建议书面签订并到镇经管站备案' },
  publicity: { content: '在村民大会上宣讲民法典婚姻家庭编和反电信网络诈骗知识', result: '发放宣传资料，现场解答村民提问' },
  legal_checkup: { content: '为村集体经济合作社开展法律体检，查看合同和规章制度', result: '出具法律体检报告，提出 3 条整改建议' },
  contract_review: { content: '审查村集体果园对外承包合同', result: '修改违约责任和租金调整条款，出具审查意见' },
  mediation: { content: '参与调解两户村民宅基地边界纠纷', result: '双方达成调解协议，当场签字' },
  rules_review: { content: '审查村规民约修订稿', result: '删除与法律相抵触的罚款条款，建议提交村民会议表决' },
  decision_opinion: { content: '就村道硬化项目招标程序出具法律意见', result: '建议按“四议两公开”程序决策并公开招标结果' },
  petition: { content: '接待涉法涉诉信访群众，了解诉求', result: '引导其通过诉讼途径解决，告知诉讼时效' },
  aid_referral: { content: '外出务工人员被拖欠工资，咨询维权途径', result: '引导其向县法律援助中心申请法律援助' },
};

/** A demo service, its window and type kept as the unions the ledger's event carries. */
type DemoService = LegalServiceTable & { service_window: ServiceWindow; service_type: ServiceType };

/** A deterministic spread of numbers from a seed (the demo is the same on every machine). */
function pick(seed: number, mod: number): number {
  return Math.abs(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 7) % mod;
}

/**
 * A year of ledger entries for 泾阳县's covered villages (issue 3 Deliver 8): about two services per
 * village a month, fewer in some villages so the compliance report has villages behind, the
 * county's two norms, and rooms. Written in bulk (no audit entries: this is seed data, not work done),
 * but each service publishes `legal.service_recorded` as the ledger's `create` does, in the same
 * transaction, so the indicator roll-up counts what the dashboard counts (issue 14 Deliver 3).
 */
export async function seedLedgerDemo(ctx: AppContext): Promise<void> {
  if (await ctx.db.selectFrom('legal_services').select('id').limit(1).executeTakeFirst()) return;
  const assignments = await ctx.db
    .selectFrom('legal_assignments')
    .select(['advisor_id', 'village_code'])
    .where('end_date', 'is', null)
    .where((eb) => withinScope(eb, 'village_code', JINGYANG))
    .orderBy('village_code')
    .execute();
  const author = await ctx.db.selectFrom('users').select('id').where('username', '=', 'jy.official').executeTakeFirst();
  if (assignments.length === 0 || !author) return;
  const now = ctx.clock.now().getTime();
  const rows: DemoService[] = [];
  for (const [index, a] of assignments.entries()) {
    // Every fifth village is a laggard: no service in the last 40 days.
    const quietFrom = index % 5 === 1 ? now - 40 * DAY : now;
    const count = a.village_code === QUJIA ? 30 : 12 + pick(index, 16);
    for (let k = 0; k < count; k += 1) {
      const seed = index * 131 + k;
      const servedAt = now - (2 * DAY + pick(seed, (360 * DAY) / 60_000) * 60_000);
      if (servedAt > quietFrom - DAY) continue;
      const type = SERVICE_TYPES[pick(seed + 7, SERVICE_TYPES.length)] ?? 'consultation';
      const sample = SAMPLES[type] ?? SAMPLES.consultation ?? { content: '', result: '' };
      const window =
        type === 'publicity' ? 'onsite' : ((['onsite', 'onsite', 'hotline', 'online'] as const)[pick(seed + 3, 4)] ?? 'onsite');
      const iso = new Date(servedAt).toISOString();
      const subjectKind =
        type === 'publicity' || type === 'rules_review' || type === 'decision_opinion'
          ? 'village'
          : type === 'legal_checkup' || type === 'contract_review'
            ? 'organisation'
            : 'person';
      rows.push({
        id: newId(),
        village_code: a.village_code,
        advisor_id: a.advisor_id,
        service_window: window,
        service_type: type,
        subject_kind: subjectKind,
        subject_name:
          subjectKind === 'person'
            ? `${'王李张刘陈杨'.charAt(pick(seed, 6))}某某`
            : subjectKind === 'organisation'
              ? '村股份经济合作社'
              : null,
        served_at: iso,
        content: sample.content,
        result: sample.result,
        duration_minutes: 20 + pick(seed, 100),
        attendance: type === 'publicity' ? 30 + pick(seed, 120) : null,
        status: pick(seed, 10) < 7 ? 'accepted' : 'submitted',
        review_comment: null,
        created_by: author.id,
        created_at: iso,
        updated_at: iso,
        version: 1,
      });
    }
  }
  const questions = await demoQuestions(ctx, now, author.id);
  rows.push(...questions.services);
  await ctx.db.transaction().execute(async (tx) => {
    await insertInChunks(tx, rows);
    if (questions.consultations.length > 0) await tx.insertInto('legal_consultations').values(questions.consultations).execute();
    await insertCounts(tx, rows);
    for (const row of rows) await publishRecorded(ctx, tx, row);
    const stamp = new Date(now).toISOString();
    await tx
      .insertInto('legal_norms')
      .values([
        {
          id: newId(),
          region_code: JINGYANG,
          name: '每月到村现场服务不少于 1 次',
          service_window: 'onsite',
          service_type: null,
          period: 'month',
          min_count: 1,
          created_at: stamp,
        },
        {
          id: newId(),
          region_code: JINGYANG,
          name: '每季度开展法治宣传不少于 1 次',
          service_window: null,
          service_type: 'publicity',
          period: 'quarter',
          min_count: 1,
          created_at: stamp,
        },
      ])
      .execute();
    await tx
      .insertInto('legal_rooms')
      .values({
        village_code: QUJIA,
        place: '屈家村党群服务中心一楼公共法律服务室',
        hours: '每周三 9:00-12:00，其他时间预约',
        hotline: '029-36212348',
        updated_at: stamp,
      })
      .execute();
  });
}

/** The event legal.ledger.ts publishes for a recorded service: its village, its day (China time), window and type. */
async function publishRecorded(ctx: AppContext, tx: Tx, row: DemoService): Promise<void> {
  await ctx.events.publish(tx, {
    type: 'legal.service_recorded',
    regionCode: row.village_code,
    occurredOn: chinaDate(row.served_at),
    payload: { window: row.service_window, serviceType: row.service_type },
  });
}

async function insertInChunks(tx: Tx, rows: LegalServiceTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await tx.insertInto('legal_services').values(chunk).execute();
    await tx
      .insertInto('legal_service_versions')
      .values(
        chunk.map((r) => ({
          service_id: r.id,
          version: 1,
          edited_by: r.created_by,
          edited_at: r.created_at,
          reason: null,
          fields: JSON.stringify({
            servedAt: r.served_at,
            serviceType: r.service_type,
            subjectKind: r.subject_kind,
            ...(r.subject_name ? { subjectName: r.subject_name } : {}),
            content: r.content,
            result: r.result,
            durationMinutes: r.duration_minutes,
            ...(r.attendance !== null ? { attendance: r.attendance } : {}),
          }),
        })),
      )
      .execute();
  }
}

/** The per-region counts and village months the ledger keeps, computed once for the bulk of demo rows. */
async function insertCounts(tx: Tx, rows: LegalServiceTable[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    for (const region of [...ancestorsOf(r.village_code), r.village_code]) {
      const key = [region, chinaMonth(r.served_at), r.service_window, r.service_type].join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const values = [...counts].map(([key, count]) => {
    const [region_code = '', month = '', service_window = '', service_type = ''] = key.split('|');
    return { region_code, month, service_window, service_type, count };
  });
  for (let i = 0; i < values.length; i += 500)
    await tx
      .insertInto('legal_service_counts')
      .values(values.slice(i, i + 500))
      .execute();
  const months = villageMonths(rows);
  for (let i = 0; i < months.length; i += 200)
    await tx
      .insertInto('legal_village_months')
      .values(months.slice(i, i + 200))
      .execute();
}

/**
 * 屈家村's villager has one answered question (in the ledger, window 网络), one waiting and one past
 * the 48 hours.
 */
async function demoQuestions(
  ctx: AppContext,
  now: number,
  authorId: string,
): Promise<{ services: DemoService[]; consultations: LegalConsultationTable[] }> {
  const villager = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'qj.villager').executeTakeFirst();
  const current = await ctx.db
    .selectFrom('legal_assignments')
    .select('advisor_id')
    .where('village_code', '=', QUJIA)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  if (!villager || !current) return { services: [], consultations: [] };
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3600_000).toISOString();
  const question = (text: string, asked: number) => ({
    id: newId(),
    village_code: QUJIA,
    asked_by: villager.id,
    question: text,
    asked_at: at(asked),
    answer: null,
    answered_at: null,
    advisor_id: current.advisor_id,
    service_id: null,
  });
  const answered = {
    ...question('儿子在外地打工被拖欠三个月工资，应该找谁？', 200),
    answer: '可先向用工单位所在地劳动监察部门投诉，也可申请劳动仲裁；符合条件的可申请法律援助。',
    answered_at: at(195),
  };
  const service: DemoService = {
    id: newId(),
    village_code: QUJIA,
    advisor_id: current.advisor_id,
    service_window: 'online',
    service_type: 'consultation',
    subject_kind: 'person',
    subject_name: villager.display_name,
    served_at: answered.answered_at,
    content: answered.question,
    result: answered.answer,
    duration_minutes: 15,
    attendance: null,
    status: 'submitted',
    review_comment: null,
    created_by: authorId,
    created_at: answered.answered_at,
    updated_at: answered.answered_at,
    version: 1,
  };
  return {
    services: [service],
    consultations: [
      { ...answered, service_id: service.id },
      question('邻居盖房占了我家宅基地边上半米，怎么办？', 60),
      question('老人去世后没有遗嘱，房子怎么分？', 5),
    ],
  };
}
