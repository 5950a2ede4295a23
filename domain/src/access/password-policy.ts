import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password policy (SECURITY.md 2, GB/T 22239-2019 8.1.4.1 身份鉴别): at least 8 characters, three of
 * the four character classes, not guessable, not the username. Returns an i18n key per failed rule.
 *
 * "Not guessable" (issue 15 finding 15: a 48-word list let Qwerty123!, Woaini@1314, Abcd@1234 through):
 * zxcvbn-ts with its common-password list (~49,000 entries) and keyboard graphs must rate the password
 * at least 3 of 4 (about 10^8 guesses: no dictionary word, keyboard walk, sequence or repeat with a
 * digit tacked on), and a weak word, pinyin phrase or keyboard run with only digits and symbols after it
 * is refused by pattern, which zxcvbn's English lists do not know (woaini, 5201314).
 */
let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries take a few hundred milliseconds to load. */
const strength = (password: string, inputs: string[]) =>
  (estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs })).check(password, inputs).score;

const MIN_SCORE = 3;

/**
 * Words people put in front of a year or `@123`: pinyin love and luck phrases, the platform's roles and
 * brands seen in leaked Chinese lists, and keyboard runs. Compared lower-cased, with 0/1/3/4/5/@/$
 * read as the letters they stand for.
 */
const WEAK_WORDS = new Set([
  'woaini',
  'aini',
  'woaiwojia',
  'wuai',
  'iloveyou',
  'love',
  'baobei',
  'laopo',
  'laogong',
  'qinai',
  'xiaobao',
  'kuaile',
  'xingfu',
  'pingan',
  'fadacai',
  'nihao',
  'tiantian',
  'zhongguo',
  'china',
  'beijing',
  'huawei',
  'xiaomi',
  'admin',
  'administrator',
  'root',
  'test',
  'user',
  'guest',
  'welcome',
  'password',
  'passwd',
  'pass',
  'system',
  'manager',
  'super',
  'demo',
  'qwer',
  'qwert',
  'qwerty',
  'qwertyuiop',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcv',
  'zxcvbn',
  'zxcvbnm',
  'qaz',
  'qazwsx',
  'wsx',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'abcdefg',
]);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's' };

/** A word, then nothing but digits and symbols after its last letter: `Woaini@1314`, `W0aini520!`, `Aa123456!`. */
function weakWordWithSuffix(password: string): boolean {
  const match = /^(.*\p{L})([^\p{L}]*\d[^\p{L}]*)$/u.exec(password);
  if (!match?.[1]) return false;
  const word = [...match[1].toLowerCase()].map((c) => LEET[c] ?? c).join('');
  // Up to four letters before the digits (Aa123456!, Abc@2026) is a number with a prefix, not a word.
  return WEAK_WORDS.has(word) || /^[a-z]{1,4}$/.test(word);
}

export type PasswordProblem =
  'password.tooShort' | 'password.tooLong' | 'password.classes' | 'password.common' | 'password.pattern' | 'password.containsUsername';

export function checkPassword(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 8) problems.push('password.tooShort');
  if (password.length > 128) problems.push('password.tooLong');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('password.classes');
  // Guessability is judged once length and classes pass, so each refusal names the rule to mend first.
  if (problems.length === 0) {
    if (weakWordWithSuffix(password)) problems.push('password.pattern');
    else if (strength(password, username ? [username] : []) < MIN_SCORE) problems.push('password.common');
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('password.containsUsername');
  }
  return problems;
}
