import crypto from 'node:crypto';
import type { Role } from '@rg/domain/access/roles';
import { levelOf, parentOf, shortNameOf, villageKindOf } from '@rg/domain/regions/region-code';
import type { AppContext } from '../core/context.ts';
import { hashPassword } from '../core/crypto/password-hash.ts';
import { storeDivisionRows, type ImportRow } from '../modules/regions/regions.import.ts';
import { insertUser } from '../modules/access/users.repository.ts';
import { newUserRow } from '../modules/access/user-row.ts';

/** The seed's own places with their real codes (DOMAIN.md "Regions"). */
export const PLACES = {
  shaanxi: '61',
  xianyang: '6104',
  jingyang: '610423',
  wangqiao: '610423104',
  qujia: '610423104209',
  anwu: '610423113',
  wangjia: '610423113203',
  jinggan: '610423001',
  xinyuan: '610423001014',
  anhui: '34',
  bengbu: '3403',
  huaiyuan: '340321',
  wanfu: '340321108',
} as const;

const NAMES: Record<string, string> = {
  '61': '陕西省',
  '6104': '咸阳市',
  '610423': '泾阳县',
  '610423104': '王桥镇',
  '610423104209': '屈家村委会',
  '610423113': '安吴镇',
  '610423113203': '王家村委会',
  '610423001': '泾干街道',
  '610423001014': '鑫园社区居委会',
  '34': '安徽省',
  '3403': '蚌埠市',
  '340321': '怀远县',
  '340321108': '万福镇',
};

export function buildRegionRow(code: string, officialName = NAMES[code] ?? `测试${code}`): ImportRow {
  const level = levelOf(code);
  const isVillage = level === 'village';
  return {
    code,
    parent_code: parentOf(code) ?? '00',
    level,
    official_name: officialName,
    name: isVillage ? shortNameOf(officialName) : officialName,
    kind: isVillage ? villageKindOf(officialName) : null,
  };
}

export async function seedPlaces(ctx: AppContext): Promise<void> {
  const rows = Object.values(PLACES)
    .sort()
    .map((code) => buildRegionRow(code));
  await storeDivisionRows(ctx, rows, ctx.clock.now().toISOString());
}

/** A village (and nothing else) under an existing town, for tests that need more villages. */
export async function buildVillage(ctx: AppContext, overrides: { code: string; name?: string }): Promise<void> {
  await storeDivisionRows(
    ctx,
    [buildRegionRow(overrides.code, overrides.name ?? `测试${overrides.code.slice(-3)}村委会`)],
    ctx.clock.now().toISOString(),
  );
}

export const TEST_PASSWORD = 'Test#2026pass';
let cachedHash: Promise<string> | null = null;

export interface BuiltUser {
  id: string;
  username: string;
  password: string;
}

/** A user with a known password; by default the first-login change is already done. */
export async function buildUser(
  ctx: AppContext,
  overrides: { username?: string; regionCode: string; roles: Role[]; mustChangePassword?: boolean; phone?: string; totpSecret?: string },
): Promise<BuiltUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const now = ctx.clock.now().toISOString();
  const id = crypto.randomUUID();
  const username = overrides.username ?? `u${crypto.randomBytes(4).toString('hex')}`;
  const row = newUserRow(
    ctx.cipher,
    {
      id,
      username,
      displayName: `测试${username}`,
      regionCode: overrides.regionCode,
      passwordHash: await cachedHash,
      mustChangePassword: overrides.mustChangePassword ?? false,
      phone: overrides.phone ?? null,
      ...(overrides.totpSecret ? { totpSecret: overrides.totpSecret } : {}),
    },
    now,
  );

  await ctx.db.transaction().execute((tx) => insertUser(tx, row, overrides.roles));
  return { id, username, password: TEST_PASSWORD };
}
