/** The tables of migrations 0009, 0013, 0018, 0019, 0020 and 0023, merged into the application's DB interface; triggers keep it. */
export interface DepartmentItemCountTable {
  department_id: number;
  status: string;
  n: number;
}

export interface OpenAssignmentCountTable {
  department_id: number;
  /** '' when the assignment has no deadline (长期坚持). */
  deadline: string;
  n: number;
}

export interface OpenDepartmentCountTable {
  department_id: number;
  /** Open assignments (not closed, not suspended), and those of them with a deadline. */
  n: number;
  dated: number;
}

export interface AssignmentDayCountTable {
  /** Beijing date. */
  day: string;
  /** Assignments made that day and not suspended; assignments closed that day. */
  assigned: number;
  closed: number;
}

export interface OpenLightCountTable {
  source_type: string;
  standing: number;
  /** '' when the assignment has no deadline. */
  deadline: string;
  n: number;
}

/** The same for open work that owes a feedback, per its first owed period (0017). */
export interface OwedLightCountTable extends OpenLightCountTable {
  feedback_owed_end: string;
  feedback_owed_start: string;
}

/** A department's item list (scope = its id) or the whole organisation's (scope 0) changed this often (0023). */
export interface ItemListVersionTable {
  scope: number;
  version: number;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    department_item_counts: DepartmentItemCountTable;
    open_assignment_counts: OpenAssignmentCountTable;
    open_department_counts: OpenDepartmentCountTable;
    assignment_day_counts: AssignmentDayCountTable;
    open_light_counts: OpenLightCountTable;
    owed_light_counts: OwedLightCountTable;
    item_list_versions: ItemListVersionTable;
  }
}
