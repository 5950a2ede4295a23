import { ADVISOR_CATEGORIES } from '@rg/domain/legal/advisor.schema';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { usccCheckChar } from '@rg/domain/personal/uscc';
import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';
import { insertAdvisor, insertAssignment } from './legal.repository.ts';
import { seedLedgerDemo } from './legal.ledger.demo.ts';
import type { Tx } from '../../core/db/schema.ts';
import { newId } from '../../core/db/ids.ts';

const JINGYANG = '610423';
const QUJIA = '610423104209';
const ADVISORS = 20;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀兰', '志强', '海燕', '文博', '丽娟', '卫东', '晓明', '春梅', '国庆'];
const EMPLOYERS = ['陕西泾渭律师事务所', '泾阳县法律服务所', '咸阳秦川律师事务所', '陕西德衡律师事务所'];

/** A valid 统一社会信用代码 for a demo employer: registered in 泾阳县, checksum computed. */
function demoUscc(index: number): string {
  const body = `31${JINGYANG}MA${String(1000000 + index).slice(-7)}`.slice(0, 17);
  return `${body}${usccCheckChar(body)}`;
}

/** A valid 身份证号 for a demo person born in 泾阳县 (fictitious; the checksum is real). */
function demoIdNumber(index: number): string {
  const body = `${JINGYANG}19${70 + index}0${1 + (index % 9)}1${index % 10}${String(100 + index).slice(-3)}`.slice(0, 17);
  return `${body}${idCardCheckChar(body)}`;
}

/**
 * Demo roster for 泾阳县 (P1.3): 20 advisors of every category serving every village and community
 * but every seventh one (陈家沟村 among them), so the coverage views have work to show, and 屈家村's
 * own advisor with the account qj.advisor; then a year of ledger. Skipped when the county has
 * advisors already.
 */
export async function seedLegalDemo(ctx: AppContext): Promise<void> {
  await seedRoster(ctx);
  await seedLedgerDemo(ctx);
}

async function seedRoster(ctx: AppContext): Promise<void> {
  const existing = await ctx.db
    .selectFrom('legal_advisors')
    .select('id')
    .where((eb) => withinScope(eb, 'region_code', JINGYANG))
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const villages = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'village')
    .where((eb) => withinScope(eb, 'code', JINGYANG))
    .orderBy('code')
    .execute();
  if (villages.length === 0) return;
  const now = ctx.clock.now().toISOString();
  const ids: string[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < ADVISORS; i += 1) {
      const id = newId();
      const phone = `139${String(29000000 + i * 7919).padStart(8, '0')}`;
      const idNumber = demoIdNumber(i);
      const category = ADVISOR_CATEGORIES[i % ADVISOR_CATEGORIES.length] ?? 'other';
      const employer = category === 'practising_lawyer' || category === 'trainee_lawyer' || category === 'grassroots_worker';
      await insertAdvisor(tx, {
        id,
        region_code: JINGYANG,
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
        gender: i % 3 === 0 ? 'female' : 'male',
        phone_enc: ctx.cipher.encrypt(phone),
        phone_hash: ctx.cipher.lookupHash(phone),
        id_number_enc: ctx.cipher.encrypt(idNumber),
        id_number_hash: ctx.cipher.lookupHash(idNumber),
        category,
        employer_name: employer ? (EMPLOYERS[i % EMPLOYERS.length] ?? null) : null,
        employer_uscc: employer ? demoUscc(i % EMPLOYERS.length) : null,
        licence_no: category === 'practising_lawyer' ? `1610420${String(10000000 + i * 131).slice(-8)}` : null,
        contract_start: '2026-01-01',
        contract_end: '2026-12-31',
        contract_fee_fen: 1_200_000,
        status: i === ADVISORS - 1 ? 'suspended' : 'active',
        user_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      ids.push(id);
    }
    const active = ids.slice(0, ADVISORS - 1);
    let n = 0;
    for (const [index, village] of villages.entries()) {
      if (village.code === QUJIA || index % 7 === 3) continue;
      const advisor = active[n % active.length] ?? '';
      n += 1;
      await insertAssignment(tx, {
        id: newId(),
        advisor_id: advisor,
        village_code: village.code,
        start_date: '2026-03-01',
        end_date: null,
        end_reason: null,
        created_at: now,
      });
    }
    await seedOwnAdvisor(ctx, tx, now);
  });
}

/** 屈家村's advisor has the demo account qj.advisor, so the phone pages can be tried (一次一记, 网上咨询). */
async function seedOwnAdvisor(ctx: AppContext, tx: Tx, now: string): Promise<void> {
  const account = await tx.selectFrom('users').select('id').where('username', '=', 'qj.advisor').executeTakeFirst();
  if (!account) return;
  const id = newId();
  const phone = '13909104209';
  const idNumber = demoIdNumber(ADVISORS);
  await insertAdvisor(tx, {
    id,
    region_code: JINGYANG,
    name: '郑雅琴',
    gender: 'female',
    phone_enc: ctx.cipher.encrypt(phone),
    phone_hash: ctx.cipher.lookupHash(phone),
    id_number_enc: ctx.cipher.encrypt(idNumber),
    id_number_hash: ctx.cipher.lookupHash(idNumber),
    category: 'grassroots_worker',
    employer_name: '泾阳县法律服务所',
    employer_uscc: demoUscc(1),
    licence_no: null,
    contract_start: '2026-01-01',
    contract_end: '2026-12-31',
    contract_fee_fen: 960_000,
    status: 'active',
    user_id: account.id,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertAssignment(tx, {
    id: newId(),
    advisor_id: id,
    village_code: QUJIA,
    start_date: '2026-01-01',
    end_date: null,
    end_reason: null,
    created_at: now,
  });
}
