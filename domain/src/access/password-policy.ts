/**
 * Password policy (SECURITY.md 2, GB/T 22239-2019 8.1.4.1 身份鉴别): at least 8 characters, three of
 * the four character classes, and not a common password. Returns an i18n key per failed rule.
 */
const COMMON = new Set(
  [
    'password',
    'password1',
    'password123',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword1',
    'qwerty123',
    'qwer1234',
    'admin123',
    'admin@123',
    'admin1234',
    'abc12345',
    'abcd1234',
    'aa123456',
    'a1234567',
    'a12345678',
    '1qaz2wsx',
    '1qaz@wsx',
    'qazwsx123',
    'zaq12wsx',
    'iloveyou1',
    'woaini1314',
    'welcome1',
    'changeme1',
    'test1234',
    'root1234',
    'letmein1',
    'sunshine1',
    'huawei123',
    'p@ssw0rd1',
    'admin@1234',
    'abc@1234',
    'abc123456',
    'qq123456',
    'asd123456',
    'zxc123456',
    'qwe123456',
    'a123456789',
    'password@1',
    'Aa123456',
    'Aa123456!',
    'Abc@1234',
    'Admin@123',
    'Admin123!',
    'P@ssw0rd',
    'Passw0rd!',
    'Qwer1234!',
    'Welcome@1',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem =
  'password.tooShort' | 'password.tooLong' | 'password.classes' | 'password.common' | 'password.containsUsername';

export function checkPassword(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 8) problems.push('password.tooShort');
  if (password.length > 128) problems.push('password.tooLong');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('password.classes');
  if (COMMON.has(password.toLowerCase())) problems.push('password.common');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('password.containsUsername');
  }
  return problems;
}
