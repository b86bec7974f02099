import type { PasswordPolicyHint } from '../../api/types.js';

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** The policy in words, as shown above the new-password field. */
export function policyText(policy: PasswordPolicyHint): string {
  const parts = [
    `长度至少 ${policy.minLength} 位`,
    `须包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`,
    '不能包含登录名',
  ];
  if (policy.historyCount > 0) parts.push(`不能与最近 ${policy.historyCount} 次使用过的密码相同`);
  return `${parts.join('；')}。`;
}

/** The same checks the server makes (it stays the authority), so most mistakes show before sending. */
export function passwordProblem(password: string, login: string, policy: PasswordPolicyHint): string | null {
  if ([...password].length < policy.minLength) return `新密码长度至少 ${policy.minLength} 位`;
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < policy.minClasses)
    return `新密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`;
  if (login && password.toLowerCase().includes(login.toLowerCase())) return '新密码不能包含登录名';
  return null;
}
