import * as OTPAuth from 'otpauth';
import { ADMIN_ROLES } from '@rg/domain/access/roles';
import type { AppContext } from '../core/context.ts';
import { hashPassword } from '../core/crypto/password-hash.ts';
import { importDivisions } from '../modules/regions/regions.import.ts';
import { findRegion } from '../modules/regions/regions.repository.ts';
import { findUserByUsername, insertUser } from '../modules/access/users.repository.ts';
import { newUserRow } from '../modules/access/user-row.ts';
import { DEMO_ACCOUNTS, DEMO_COUNTIES, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';
import { newId } from '../core/db/ids.ts';

export interface DemoSeedResult {
  importedRegions: number;
  accounts: (DemoAccount & { totpSecret?: string })[];
}

/**
 * Demo mode: the two seed counties with their ancestors, the demo accounts and each module's demo
 * data. Idempotent: a second start adds nothing.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeedResult> {
  const now = ctx.clock.now().toISOString();
  let importedRegions = 0;
  if (!(await findRegion(ctx.db, DEMO_COUNTIES[0] ?? '')) || !(await findRegion(ctx.db, DEMO_COUNTIES[1] ?? ''))) {
    importedRegions = (await importDivisions(ctx, now, { only: DEMO_COUNTIES })).inserted;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoSeedResult['accounts'] = [];
  for (const account of DEMO_ACCOUNTS) {
    const existing = await findUserByUsername(ctx.db, account.username);
    const totpSecret = existing?.totp_secret_enc ? ctx.cipher.decrypt(existing.totp_secret_enc) : undefined;
    if (existing) {
      accounts.push({ ...account, ...(totpSecret ? { totpSecret } : {}) });
      continue;
    }
    const needsTotp = account.roles.some((r) => ADMIN_ROLES.includes(r));
    const secret = needsTotp ? new OTPAuth.Secret({ size: 20 }).base32 : undefined;
    await ctx.db.transaction().execute((tx) =>
      insertUser(
        tx,
        newUserRow(
          ctx.cipher,
          {
            id: newId(),
            username: account.username,
            displayName: account.displayName,
            regionCode: account.regionCode,
            passwordHash,
            mustChangePassword: false,
            phone: account.phone ?? null,
            isDemo: true,
            ...(secret ? { totpSecret: secret } : {}),
          },
          now,
        ),
        account.roles,
      ),
    );
    accounts.push({ ...account, ...(secret ? { totpSecret: secret } : {}) });
  }
  for (const module of ctx.modules) await module.seedDemo?.(ctx);
  return { importedRegions, accounts };
}

/** SECURITY.md 1: outside demo mode the server refuses to start while demo accounts exist. */
export async function assertNoDemoAccounts(ctx: AppContext): Promise<void> {
  const row = await ctx.db.selectFrom('users').select('username').where('is_demo', '=', 1).limit(1).executeTakeFirst();
  if (row)
    throw new Error(`demo account "${row.username}" exists: start with DEMO=1, or remove the demo accounts before a production start`);
}
