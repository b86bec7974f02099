import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (an ambient const enum, not importable under isolatedModules). */
const ARGON2ID = 2;
import { pbkdf2, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { SecurityPolicy } from './security-policy.js';

const pbkdf2Async = promisify(pbkdf2);
const PBKDF2_ITERATIONS = 100_000;

/** argon2id by default; PBKDF2-HMAC-SM3 under the 国密 profile. Verification accepts either form. */
export async function hashPassword(password: string, gmProfile: boolean): Promise<string> {
  if (gmProfile) {
    const salt = randomBytes(16);
    const key = await pbkdf2Async(password, salt, PBKDF2_ITERATIONS, 32, 'sm3');
    return `$pbkdf2-sm3$i=${PBKDF2_ITERATIONS}$${salt.toString('base64')}$${key.toString('base64')}`;
  }
  return argonHash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (stored.startsWith('$pbkdf2-sm3$')) {
    const [, , iter, salt, key] = stored.split('$');
    if (!iter || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await pbkdf2Async(
      password,
      Buffer.from(salt, 'base64'),
      Number(iter.slice(2)),
      expected.length,
      'sm3',
    );
    return timingSafeEqual(expected, actual);
  }
  if (stored.startsWith('$argon2')) return argonVerify(stored, password);
  return false;
}

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '特殊字符'],
];

/** Problems with a new password under the policy (等保三级 by default); empty when acceptable. */
export function passwordProblems(password: string, login: string, policy: SecurityPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`长度至少 ${policy.minLength} 位`);
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < policy.minClasses)
    problems.push(`须包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`);
  if (login && password.toLowerCase().includes(login.toLowerCase())) problems.push('不能包含登录名');
  return problems;
}

/** A random password that satisfies any policy up to four classes, for issued (one-time) passwords. */
export function generatePassword(length = 14): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%*+=?'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
