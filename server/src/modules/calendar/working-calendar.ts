/**
 * China's working calendar: weekends are rest days unless a 调休 make-up day says otherwise,
 * public holidays are rest days. Dates are 'YYYY-MM-DD' in Beijing time.
 */
export interface DayRule {
  kind: 'holiday' | 'workday';
  name: string;
  source: 'official' | 'admin';
}

export interface AddResult {
  date: string;
  /** Years crossed for which neither official data nor an administrator's entry exists. */
  unconfirmedYears: number[];
}

export class WorkingCalendar {
  constructor(
    private readonly rules: ReadonlyMap<string, DayRule>,
    /** Years whose holidays are known: published officially or entered and confirmed by an administrator. */
    private readonly knownYears: ReadonlySet<number>,
  ) {}

  rule(date: string): DayRule | undefined {
    return this.rules.get(date);
  }

  isKnownYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  isWorkingDay(date: string): boolean {
    const rule = this.rules.get(date);
    if (rule) return rule.kind === 'workday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The Nth working day after `from` (限时办结: the day of assignment is not counted). */
  addWorkingDays(from: string, days: number): AddResult {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`工作日数应为非负整数：${days}`);
    const unconfirmed = new Set<number>();
    let date = from;
    let left = days;
    while (left > 0) {
      date = nextDate(date);
      this.noteYear(date, unconfirmed);
      if (this.isWorkingDay(date)) left--;
    }
    return { date, unconfirmedYears: [...unconfirmed].sort() };
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let date = nextDate(from); date <= to; date = nextDate(date)) if (this.isWorkingDay(date)) count++;
    return count;
  }

  /** Every day of a month with its kind, for the calendar administration page. */
  month(year: number, month: number): { date: string; working: boolean; rule: DayRule | null }[] {
    const out: { date: string; working: boolean; rule: DayRule | null }[] = [];
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    for (let date = first; date.slice(0, 7) === first.slice(0, 7); date = nextDate(date)) {
      out.push({ date, working: this.isWorkingDay(date), rule: this.rules.get(date) ?? null });
    }
    return out;
  }

  private noteYear(date: string, into: Set<number>): void {
    const year = Number(date.slice(0, 4));
    if (!this.knownYears.has(year)) into.add(year);
  }
}

export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The Beijing calendar date of an instant: deadlines and working days are counted in China time. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isValidDate(date: string): boolean {
  return DATE_PATTERN.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}
