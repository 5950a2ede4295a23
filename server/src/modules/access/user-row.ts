import type { PersonalDataCipher } from '../../core/crypto/personal-data.ts';
import type { UserTable } from '../../core/db/schema.ts';

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  passwordHash: string;
  mustChangePassword: boolean;
  phone?: string | null;
  /** Base32 TOTP secret; enables the second factor when given. */
  totpSecret?: string;
  isDemo?: boolean;
}

/** The phone columns: encrypted value and keyed lookup hash, or both null. */
export function phoneColumns(cipher: PersonalDataCipher, phone: string | null): Pick<UserTable, 'phone_enc' | 'phone_hash'> {
  return phone ? { phone_enc: cipher.encrypt(phone), phone_hash: cipher.lookupHash(phone) } : { phone_enc: null, phone_hash: null };
}

/** A new account's row, with personal data encrypted: the one place that knows the defaults. */
export function newUserRow(cipher: PersonalDataCipher, user: NewUser, now: string): UserTable {
  return {
    id: user.id,
    username: user.username,
    display_name: user.displayName,
    region_code: user.regionCode,
    password_hash: user.passwordHash,
    must_change_password: user.mustChangePassword ? 1 : 0,
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    ...phoneColumns(cipher, user.phone ?? null),
    totp_secret_enc: user.totpSecret ? cipher.encrypt(user.totpSecret) : null,
    totp_enabled: user.totpSecret ? 1 : 0,
    totp_last_step: null,
    is_demo: user.isDemo ? 1 : 0,
    last_login_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}
