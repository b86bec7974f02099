export type YearSource = 'official' | 'confirmed' | 'none';

export interface DayRule {
  kind: 'holiday' | 'workday';
  name: string;
  source: 'official' | 'admin';
}

export interface CalendarDay {
  date: string;
  working: boolean;
  rule: DayRule | null;
}

export interface CalendarYear {
  status: { year: number; source: YearSource; note: string | null };
  days: CalendarDay[];
}
