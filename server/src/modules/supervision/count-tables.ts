/** The table of migration 0009, merged into the application's DB interface; triggers keep it. */
export interface DepartmentItemCountTable {
  department_id: number;
  status: string;
  n: number;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    department_item_counts: DepartmentItemCountTable;
  }
}
