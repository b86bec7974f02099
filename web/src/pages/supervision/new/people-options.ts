import { isAdminRole } from '../../../../../shared/src/roles.js';
import type { Colleague } from '../../../api/types.js';

/** Leaders first (the usual choice), then everyone else, for the watcher picker. */
export function watcherOptions(people: readonly Colleague[]) {
  const leaders = people.filter((p) => p.roles.includes('leader'));
  const others = people.filter((p) => !p.roles.includes('leader') && p.roles.some((r) => !isAdminRole(r)));
  return [
    { label: '领导', options: leaders.map((p) => ({ value: p.id, label: p.name })) },
    { label: '其他人员', options: others.map((p) => ({ value: p.id, label: p.name })) },
  ];
}

export function leaderOptions(people: readonly Colleague[]) {
  return people.filter((p) => p.roles.includes('leader')).map((p) => ({ value: p.id, label: p.name }));
}
