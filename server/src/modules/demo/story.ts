import type { Actor, Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/schema.js';
import { beijingDate, loadCalendar } from '../calendar/index.js';
import {
  acknowledge,
  approveCompletion,
  approveItem,
  assignItem,
  assignmentsOf,
  createItem,
  loadItem,
  markLeaderRead,
  requestCompletion,
  requestExtension,
  reviewFeedback,
  signOff,
  submitFeedback,
  submitItem,
  type ItemInput,
} from '../supervision/index.js';

const DAY = 24 * 60 * 60 * 1000;

export interface DemoAssignment {
  department: string;
  role: 'lead' | 'assist';
  deadline?: string;
  workingDays?: number;
}

/**
 * Plays the demo's supervision history through the supervision module's own services, each step as the
 * person who would take it and on the day it would have happened (days before the load), so numbers,
 * timelines and audit rows agree with what the pages show. The audit rows carry those story dates.
 */
export class DemoStory {
  private constructor(
    private readonly trx: Executor,
    private readonly base: Ctx,
    private readonly people: ReadonlyMap<string, Actor>,
    private readonly departments: ReadonlyMap<string, number>,
    readonly today: string,
    private readonly addWorkingDays: (from: string, days: number) => string,
  ) {}

  static async start(
    trx: Executor,
    base: Ctx,
    people: ReadonlyMap<string, Actor>,
    departments: ReadonlyMap<string, number>,
  ): Promise<DemoStory> {
    const calendar = await loadCalendar(trx);
    const today = beijingDate(base.clock.now());
    return new DemoStory(
      trx,
      base,
      people,
      departments,
      today,
      (from, days) => calendar.addWorkingDays(from, days).date,
    );
  }

  /** The Beijing date `days` working days after today. */
  workingDaysAhead(days: number): string {
    return this.addWorkingDays(this.today, days);
  }

  person(login: string): Actor {
    const actor = this.people.get(login);
    if (!actor) throw new Error(`demo person ${login} missing`);
    return actor;
  }

  /** `login` acting `daysAgo` days before the load, at the load's time of day. */
  private as(login: string, daysAgo: number): Ctx {
    const at = new Date(this.base.clock.now().getTime() - daysAgo * DAY);
    return { ...this.base, actor: this.person(login), clock: { now: () => new Date(at) } };
  }

  async create(daysAgo: number, input: ItemInput): Promise<number> {
    return createItem(this.trx, this.as('duchayuan1', daysAgo), input);
  }

  /** 提交 by the supervisor, then 审批 by the responsible leader (or the office head). */
  async approve(id: number, daysAgo: number, approver = 'leader1'): Promise<void> {
    await submitItem(this.trx, this.as('duchayuan1', daysAgo), id, await this.version(id));
    await approveItem(this.trx, this.as(approver, daysAgo), id, await this.version(id));
  }

  async submitOnly(id: number, daysAgo: number): Promise<void> {
    await submitItem(this.trx, this.as('duchayuan1', daysAgo), id, await this.version(id));
  }

  async assign(id: number, daysAgo: number, assignments: DemoAssignment[]): Promise<void> {
    await assignItem(
      this.trx,
      this.as('duchayuan1', daysAgo),
      id,
      await this.version(id),
      assignments.map((a) => ({
        departmentId: this.department(a.department),
        role: a.role,
        deadline: a.deadline,
        workingDays: a.workingDays,
      })),
    );
  }

  async acknowledge(id: number, department: string, login: string, daysAgo: number): Promise<void> {
    const a = await this.assignment(id, department);
    await acknowledge(this.trx, this.as(login, daysAgo), a.id, a.version);
  }

  /** A feedback for the earliest period owed, reviewed by the department head and the office when `reviewed`. */
  async feedback(
    id: number,
    department: string,
    login: string,
    daysAgo: number,
    content: string,
    head?: string,
  ): Promise<void> {
    const a = await this.assignment(id, department);
    const feedbackId = (await submitFeedback(this.trx, this.as(login, daysAgo), a.id, content)).id;
    if (!head) return;
    await reviewFeedback(this.trx, this.as(head, daysAgo), feedbackId, 1, 'approve', null);
    await reviewFeedback(this.trx, this.as('duchayuan1', daysAgo), feedbackId, 2, 'approve', null);
  }

  async requestCompletion(id: number, department: string, login: string, daysAgo: number, evidence: string) {
    const a = await this.assignment(id, department);
    await requestCompletion(this.trx, this.as(login, daysAgo), a.id, a.version, evidence);
  }

  /** 审核 → 报原批办领导阅 → 销号, the office's steps after a completion request. */
  async close(id: number, department: string, daysAgo: number, leader: string): Promise<void> {
    let a = await this.assignment(id, department);
    await approveCompletion(this.trx, this.as('duchayuan1', daysAgo), a.id, a.version);
    a = await this.assignment(id, department);
    await markLeaderRead(this.trx, this.as(leader, daysAgo), a.id, a.version);
    a = await this.assignment(id, department);
    await signOff(this.trx, this.as('duchayuan1', daysAgo), a.id, a.version);
  }

  async requestExtension(id: number, department: string, login: string, daysAgo: number, reason: string) {
    const a = await this.assignment(id, department);
    if (!a.deadline) throw new Error('demo extension needs a deadline');
    const later = this.addWorkingDays(a.deadline, 10);
    await requestExtension(this.trx, this.as(login, daysAgo), a.id, later, reason);
  }

  private department(code: string): number {
    const id = this.departments.get(code);
    if (id === undefined) throw new Error(`demo department ${code} missing`);
    return id;
  }

  private async version(id: number): Promise<number> {
    return (await loadItem(this.trx, id)).version;
  }

  private async assignment(id: number, department: string) {
    const departmentId = this.department(department);
    const found = (await assignmentsOf(this.trx, [id])).find((a) => a.department_id === departmentId);
    if (!found) throw new Error(`demo item ${id} has no assignment for ${department}`);
    return found;
  }
}
