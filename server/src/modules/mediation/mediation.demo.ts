import { CASE_TYPE_LABELS, CASE_TYPES, REFERRERS, RISK_REASONS, type CaseSource, type RiskLevel } from '@rg/domain/mediation/case.schema';
import { addDays, daysBetween, dueDate, type CaseStatus, type Performance } from '@rg/domain/mediation/case-workflow';
import { periodDueOn } from '@rg/domain/mediation/screening.schema';
import { DEFAULT_FOLLOW_UP_DAYS, DEFAULT_OVERDUE_DAYS } from '@rg/domain/mediation/settings.schema';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { chinaToday } from './mediation.cases.ts';
import { addToStats, type StatCounter } from './mediation.stats-store.ts';
import type { MediationCaseTable, MediationMediatorTable } from './mediation.tables.ts';
import { newId } from '../../core/db/ids.ts';

const COUNTIES = [
  { code: '610423', name: '泾阳县' },
  { code: '340321', name: '怀远县' },
];
const QUJIA = '610423104209';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = [
  '建军',
  '秀英',
  '志刚',
  '桂兰',
  '海军',
  '玉梅',
  '红兵',
  '淑珍',
  '国强',
  '凤英',
  '小龙',
  '春燕',
  '永红',
  '德胜',
  '晓燕',
  '明亮',
];
const FACTS: Record<string, string> = {
  marriage_family: '夫妻因家庭琐事及子女抚养问题长期争吵，女方要求离婚并分割共同财产。',
  neighbour: '两户因院墙排水沟走向发生争执，雨季积水流入对方院内，双方多次口角。',
  homestead: '一方翻建房屋时占用相邻宅基地约0.5米，对方要求拆除恢复原状。',
  land_contract: '承包地边界因原界石丢失产生争议，双方均主张对地头约三分地享有经营权。',
  forest_land: '两组之间的林地界线不清，砍伐林木时发生争执。',
  land_requisition: '村民对征地补偿款分配方案有异议，认为青苗补偿标准偏低。',
  labour_wages: '在外承包工程的包工头拖欠本村务工人员工资共计数万元，年底无力支付。',
  damages: '农用三轮车倒车时撞伤邻居，双方就医疗费、误工费赔偿数额存在分歧。',
  contract: '果品收购合同约定的收购价格因市场下跌被收购方单方压价，果农不满。',
  environment: '养殖场粪污直排沟渠，周边农户反映气味难闻、污染灌溉用水。',
  medical: '村民在镇卫生院输液后出现过敏反应，家属认为存在诊疗过错要求赔偿。',
  other: '村民对集体经济组织分红方案有异议，要求公开账目。',
};
const TERMS =
  '一、被申请人于协议签订之日起十日内一次性向申请人支付补偿款。\n二、双方今后互谅互让、和睦相处，不再就此事发生争执。\n三、本协议履行完毕后，双方就本纠纷再无其他争议。';

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}
function personName(i: number): string {
  return `${pick(SURNAMES, i)}${pick(GIVEN, i * 7 + 3)}`;
}
function demoIdNumber(county: string, i: number): string {
  const body = `${county}19${String(50 + (i % 45)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i % 900)).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}
const demoPhone = (i: number) => `13${String(5 + (i % 5))}${String(10_000_000 + ((i * 7_919) % 90_000_000)).padStart(8, '0')}`;

/**
 * Demo data for 泾阳县 and 怀远县: a committee at the county, at every town and at most villages
 * (plus a specialised one for medical disputes); town mediators with some towns short of the two
 * full-time ones; a year of cases of every type in every state (a 民转刑 risk open at 屈家村);
 * monthly screening reports with some missing and late; legal-aid applications in each state.
 * Written in bulk, but every record publishes the events the services publish for it (registered,
 * concluded, closed, screening submitted, aid applied), in the same transaction, so the indicator
 * roll-up counts what the statistics count (issue 14 Deliver 3). Skipped for a county that has
 * committees already.
 */
export async function seedMediationDemo(ctx: AppContext): Promise<void> {
  for (const county of COUNTIES) {
    const existing = await ctx.db
      .selectFrom('mediation_committees')
      .select('id')
      .where((eb) => withinScope(eb, 'region_code', county.code))
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    const places = await ctx.db
      .selectFrom('regions')
      .select(['code', 'name', 'level'])
      .where((eb) => withinScope(eb, 'code', county.code))
      .where('level', 'in', ['town', 'village'])
      .orderBy('code')
      .execute();
    if (places.length === 0) continue;
    await ctx.db.transaction().execute((tx) => seedCounty(ctx, tx, county, places));
  }
}

async function seedCounty(
  ctx: AppContext,
  tx: Tx,
  county: { code: string; name: string },
  places: { code: string; name: string; level: string }[],
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const today = chinaToday(ctx.clock.now());
  const year = today.slice(0, 4);
  const { cipher } = ctx;
  const towns = places.filter((p) => p.level === 'town');
  const villages = places.filter((p) => p.level === 'village');
  const committees = new Map<string, string>();
  const mediatorsOf = new Map<string, string>();
  let person = 0;

  const addCommittee = async (regionCode: string, level: string, name: string, field: string | null = null) => {
    const id = newId();
    await tx
      .insertInto('mediation_committees')
      .values({
        id,
        region_code: regionCode,
        level,
        name,
        field,
        established_on: '2018-06-01',
        status: 'active',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    return id;
  };
  const addMediator = async (committeeId: string, regionCode: string, level: string, employment: string) => {
    person += 1;
    const id = newId();
    const phone = demoPhone(person + 3000);
    const idNumber = demoIdNumber(county.code, person + 3000);
    const row: MediationMediatorTable = {
      id,
      committee_id: committeeId,
      region_code: regionCode,
      committee_level: level,
      name: personName(person + 11),
      gender: person % 3 === 0 ? 'female' : 'male',
      phone_enc: cipher.encrypt(phone),
      phone_hash: cipher.lookupHash(phone),
      id_number_enc: cipher.encrypt(idNumber),
      id_number_hash: cipher.lookupHash(idNumber),
      employment,
      status: 'active',
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('mediation_mediators').values(row).execute();
    if (person % 2 === 0) {
      await tx
        .insertInto('mediation_trainings')
        .values({
          id: newId(),
          mediator_id: id,
          trained_on: `${year}-04-16`,
          title: '人民调解员业务培训',
          hours_tenths: 80,
          organiser: `${county.name}司法局`,
          created_at: now,
        })
        .execute();
    }
    return id;
  };

  const countyCommittee = await addCommittee(county.code, 'county', `${county.name}人民调解委员会`);
  await addMediator(countyCommittee, county.code, 'county', 'full_time');
  await addCommittee(county.code, 'specialised', `${county.name}医疗纠纷人民调解委员会`, '医疗纠纷');
  for (const [i, town] of towns.entries()) {
    const id = await addCommittee(town.code, 'town', `${town.name}人民调解委员会`);
    committees.set(town.code, id);
    // Every fourth town has one full-time mediator only: short of the two P3.3(三)1 asks for.
    mediatorsOf.set(town.code, await addMediator(id, town.code, 'town', 'full_time'));
    await addMediator(id, town.code, 'town', i % 4 === 1 ? 'part_time' : 'full_time');
  }
  for (const [i, village] of villages.entries()) {
    if (i % 9 === 4 && village.code !== QUJIA) continue; // no committee yet
    const id = await addCommittee(village.code, 'village', `${village.name}人民调解委员会`);
    committees.set(village.code, id);
    mediatorsOf.set(
      village.code,
      await addMediator(id, village.code, 'village', i % 5 === 2 && village.code !== QUJIA ? 'part_time' : 'full_time'),
    );
  }

  // A year of cases: three per village and two at each town, every type and every state.
  const statuses: CaseStatus[] = [
    'closed',
    'closed',
    'closed',
    'follow_up',
    'agreed',
    'closed',
    'failed',
    'mediating',
    'registered',
    'closed',
  ];
  const homes = [...villages.flatMap((v) => [v, v, v]), ...towns.flatMap((t) => [t, t])];
  const lastDay = addDays(today, -3);
  const days = Math.max(30, daysBetween(`${year}-01-01`, lastDay));
  const counters = new Map<string, number>();
  for (const [i, home] of homes.entries()) {
    const qujiaCriminal = home.code === QUJIA && !counters.has(QUJIA);
    const registeredOn = qujiaCriminal ? addDays(today, -2) : addDays(`${year}-01-01`, (i * 37) % days);
    const age = daysBetween(registeredOn, today);
    let status: CaseStatus = qujiaCriminal ? 'mediating' : pick(statuses, i * 3 + Math.floor(i / 10));
    if (age < 20 && ['closed', 'follow_up'].includes(status)) status = 'mediating';
    const caseType = pick(CASE_TYPES, i);
    const failedOutcome = status === 'failed' || (status !== 'agreed' && i % 7 === 3);
    const risk: RiskLevel = qujiaCriminal || i % 23 === 0 ? 'high' : i % 4 === 0 ? 'medium' : 'low';
    const criminal = qujiaCriminal || (risk === 'high' && i % 46 === 0);
    const source: CaseSource = pick(['screening', 'application', 'referral', 'initiative', 'application'] as const, i);
    const n = (counters.get(home.code) ?? 0) + 1;
    counters.set(home.code, n);
    // No date after today: a recent case that would have concluded later is still being mediated, and a
    // closed one whose 回访 would come later still waits for it.
    const concludesOn = addDays(registeredOn, 3 + (i % 40));
    if (!['registered', 'mediating'].includes(status) && concludesOn > today) status = 'mediating';
    if (status === 'closed' && addDays(concludesOn, 10) > today) status = 'follow_up';
    const concluded = !['registered', 'mediating'].includes(status);
    const concludedOn = concluded ? concludesOn : null;
    const outcome = concluded ? (failedOutcome ? 'failed' : 'agreement') : null;
    const confirmed = outcome === 'agreement' && status !== 'agreed';
    const performance: Performance | null =
      outcome === 'agreement' && (status === 'closed' || status === 'follow_up')
        ? pick(['performed', 'performed', 'performed', 'partly', 'not'] as const, i)
        : null;
    const followUpDue = status === 'follow_up' || status === 'closed' ? addDays(concludedOn ?? registeredOn, DEFAULT_FOLLOW_UP_DAYS) : null;
    const visitedOn = status === 'closed' ? addDays(concludedOn ?? registeredOn, 10) : null;
    const id = newId();
    const reasons = risk === 'high' ? [pick(RISK_REASONS, i), 'many_people'] : [];
    const row: MediationCaseTable = {
      id,
      case_no: `（${year}）${home.name}调字第${String(n).padStart(3, '0')}号`,
      region_code: home.code,
      committee_id: committees.get(home.code) ?? null,
      mediator_id: status === 'registered' ? null : (mediatorsOf.get(home.code) ?? null),
      source,
      online: source === 'application' && i % 3 === 0 ? 1 : 0,
      referrer: source === 'referral' ? pick(REFERRERS, i) : null,
      referral_note: null,
      screening_id: null,
      case_type: caseType,
      description: FACTS[caseType] ?? FACTS.other ?? '',
      amount_fen: i % 3 === 0 ? null : 100_000 * (1 + (i % 50)),
      people_count: risk === 'high' ? 12 + (i % 30) : 2 + (i % 3),
      risk_level: risk,
      risk_reasons: JSON.stringify(criminal ? ['violence_threat', 'repeated_petitions'] : reasons),
      criminal_risk: criminal ? 1 : 0,
      status,
      registered_on: registeredOn,
      month: registeredOn.slice(0, 7),
      due_on: dueDate(registeredOn, DEFAULT_OVERDUE_DAYS),
      concluded_on: concludedOn,
      outcome,
      agreed_on: outcome === 'agreement' ? concludedOn : null,
      agreement_terms: outcome === 'agreement' ? TERMS : null,
      performance_deadline: null,
      confirmed_on: confirmed ? concludedOn : null,
      confirmation_note: confirmed ? '双方当事人已签字按印' : null,
      performance,
      performance_note: null,
      failed_on: outcome === 'failed' ? concludedOn : null,
      failure_route: outcome === 'failed' ? pick(['litigation', 'arbitration', 'administrative'] as const, i) : null,
      failure_destination:
        outcome === 'failed'
          ? pick([`${county.name}人民法院`, `${county.name}劳动人事争议仲裁委员会`, `${county.name}自然资源局`], i)
          : null,
      failure_reason: outcome === 'failed' ? '双方分歧较大，调解不成' : null,
      follow_up_due: followUpDue,
      visited_on: visitedOn,
      visit_note: visitedOn ? '经回访，双方关系缓和，未再发生争执' : null,
      closed_on: status === 'closed' ? visitedOn : null,
      reopened_from: null,
      reopened_as: null,
      session_count: status === 'registered' ? 0 : status === 'mediating' ? i % 2 : 1 + (i % 3),
      created_by: 'demo',
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('mediation_cases').values(row).execute();
    const facts = { caseType, riskLevel: risk };
    await ctx.events.publish(tx, {
      type: 'mediation.case_registered',
      regionCode: home.code,
      occurredOn: registeredOn,
      payload: { ...facts, source, online: row.online === 1, criminalRisk: criminal },
    });
    if (outcome && concludedOn) {
      await ctx.events.publish(tx, {
        type: 'mediation.case_concluded',
        regionCode: home.code,
        occurredOn: concludedOn,
        payload: { ...facts, outcome, overdue: concludedOn > row.due_on, registeredOn },
      });
    }
    if (outcome && visitedOn && status === 'closed') {
      await ctx.events.publish(tx, {
        type: 'mediation.case_closed',
        regionCode: home.code,
        occurredOn: visitedOn,
        payload: { ...facts, outcome },
      });
    }
    const parties = [0, 1].map((seq) => {
      person += 1;
      const org = seq === 1 && (caseType === 'contract' || caseType === 'environment');
      const phone = demoPhone(person);
      const idNumber = org ? null : demoIdNumber(county.code, person);
      return {
        id: newId(),
        case_id: id,
        seq,
        kind: org ? 'organisation' : 'person',
        role: seq === 0 ? 'applicant' : 'respondent',
        name: org ? `${home.name}${caseType === 'contract' ? '果品购销有限公司' : '生态养殖场'}` : personName(person),
        address: `${home.name}${1 + (person % 6)}组`,
        id_number_enc: idNumber ? cipher.encrypt(idNumber) : null,
        id_number_hash: idNumber ? cipher.lookupHash(idNumber) : null,
        phone_enc: cipher.encrypt(phone),
        phone_hash: cipher.lookupHash(phone),
      };
    });
    await tx.insertInto('mediation_parties').values(parties).execute();
    for (let s = 0; s < row.session_count; s += 1) {
      await tx
        .insertInto('mediation_sessions')
        .values({
          id: newId(),
          case_id: id,
          held_on: addDays(registeredOn, 1 + s),
          participants: '双方当事人、人民调解员',
          notes: `第${s + 1}次调解：听取双方陈述，释法说理。`,
          recorded_by: '调解员',
          created_at: now,
        })
        .execute();
    }
    const delta: Partial<Record<StatCounter, number>> = { registered: 1 };
    if (outcome && concludedOn) {
      delta[outcome === 'agreement' ? 'success' : 'failed'] = 1;
      delta.duration_days = daysBetween(registeredOn, concludedOn);
      delta.overdue_concluded = concludedOn > row.due_on ? 1 : 0;
    }
    if (performance) delta[performance === 'not' ? 'not_performed' : performance] = 1;
    if (status === 'closed') delta.closed = 1;
    await addToStats(ctx.counters, tx, { regionCode: home.code, month: row.month, caseType }, delta);
  }

  // Later registrations continue each place's numbering.
  for (const [code, n] of counters)
    await tx
      .insertInto('mediation_counters')
      .values({ key: `${code}-${year}`, n })
      .execute();

  // Screening: each village each past month, except every sixth one some months; some late; many nil.
  const currentMonth = Number(today.slice(5, 7));
  for (let m = 1; m <= currentMonth; m += 1) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    for (const [i, village] of villages.entries()) {
      if ((i + m) % 6 === 0 || (m === currentMonth && i % 2 === 0)) continue;
      const due = periodDueOn(period);
      const submittedOn = (i + m) % 7 === 0 ? addDays(due, 3) : addDays(due, -3);
      if (submittedOn > today) continue;
      const found = (i + m) % 4 === 0;
      const onTime = submittedOn <= due;
      const foundType = pick(CASE_TYPES, i + m);
      const items = found
        ? [
            {
              caseType: foundType,
              summary: `排查发现${CASE_TYPE_LABELS[foundType].replace(/纠纷$/, '')}方面的苗头性纠纷`,
              peopleCount: 2 + (i % 4),
              riskLevel: 'low',
            },
          ]
        : [];
      await tx
        .insertInto('mediation_screenings')
        .values({
          id: newId(),
          village_code: village.code,
          period,
          nil: found ? 0 : 1,
          disputes: items.length,
          items: JSON.stringify(items),
          note: null,
          submitted_on: submittedOn,
          on_time: onTime ? 1 : 0,
          submitted_by: `${village.name}调委会`,
          created_at: now,
        })
        .execute();
      await ctx.events.publish(tx, {
        type: 'mediation.screening_submitted',
        regionCode: village.code,
        occurredOn: submittedOn,
        payload: { period, nil: !found, disputes: items.length, onTime },
      });
    }
  }

  // Legal aid: one application per town, in each state.
  const aidStatuses = ['applied', 'approved', 'assigned', 'closed', 'rejected'] as const;
  for (const [i, town] of towns.entries()) {
    person += 1;
    const status = pick(aidStatuses, i);
    const idNumber = demoIdNumber(county.code, person + 5000);
    const phone = demoPhone(person + 5000);
    const appliedOn = addDays(`${year}-02-01`, (i * 29) % Math.max(1, days - 30));
    const reviewed = status !== 'applied';
    const assigned = status === 'assigned' || status === 'closed';
    await tx
      .insertInto('mediation_aid')
      .values({
        id: newId(),
        region_code: town.code,
        case_id: null,
        applicant_name: personName(person + 5000),
        id_number_enc: cipher.encrypt(idNumber),
        id_number_hash: cipher.lookupHash(idNumber),
        phone_enc: cipher.encrypt(phone),
        phone_hash: cipher.lookupHash(phone),
        address: `${town.name}`,
        matter: pick(['追索劳动报酬', '请求给付赡养费', '交通事故人身损害赔偿', '工伤待遇'], i),
        facts: '申请人家庭经济困难，无力委托律师。',
        hardship: JSON.stringify([pick(['农民工追索劳动报酬', '城乡最低生活保障对象', '残疾人', '建档立卡贫困户'], i)]),
        status,
        applied_on: appliedOn,
        approved: reviewed ? (status === 'rejected' ? 0 : 1) : null,
        review_reason: reviewed ? (status === 'rejected' ? '申请事项不属于法律援助范围' : '符合经济困难标准') : null,
        reviewed_on: reviewed ? addDays(appliedOn, 3) : null,
        assignee_name: assigned ? `${pick(SURNAMES, i)}律师` : null,
        assignee_kind: assigned ? 'lawyer' : null,
        assigned_on: assigned ? addDays(appliedOn, 5) : null,
        result: status === 'closed' ? 'settled' : null,
        result_note: null,
        closed_on: status === 'closed' ? addDays(appliedOn, 40) : null,
        submitted_by: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await ctx.events.publish(tx, {
      type: 'mediation.aid_applied',
      regionCode: town.code,
      occurredOn: appliedOn,
      payload: { fromCase: false },
    });
  }
}
