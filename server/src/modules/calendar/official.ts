import { createRequire } from 'node:module';
import type { DayRule } from './working-calendar.js';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The State Council's published holidays and 调休 days, as shipped by the chinese-days package. */
export function officialRules(): { rules: Map<string, DayRule>; years: Set<number> } {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const rules = new Map<string, DayRule>();
  const years = new Set<number>();
  const add = (entries: Record<string, string>, kind: DayRule['kind']) => {
    for (const [date, value] of Object.entries(entries)) {
      // Values look like "National Day,国庆节,3": English name, Chinese name, length.
      const name = value.split(',')[1] ?? value;
      rules.set(date, { kind, name: kind === 'workday' ? `${name}调休上班` : name, source: 'official' });
      years.add(Number(date.slice(0, 4)));
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'workday');
  return { rules, years };
}
