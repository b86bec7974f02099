import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import { maxNotificationId, notificationsAfter, notificationsByIds } from './repository.js';

/** What the browser receives for each new notification (never its body). */
export interface StreamEvent {
  id: number;
  title: string;
  link: string | null;
  kind: string;
  createdAt: string;
}

type Listener = (event: StreamEvent) => void;
type Row = Awaited<ReturnType<typeof notificationsByIds>>[number];

const POLL_MS = 1_000;
const RECONNECT_MS = 1_000;
const payloadSchema = z.object({ schema: z.string(), ids: z.array(z.number()) });

const hubs = new Set<NotifyHub>();

/**
 * SQLite has no NOTIFY: a writer in this process that has just committed notifications (the library's
 * publish push) wakes the pollers now instead of leaving them up to a second. PostgreSQL ignores it.
 */
export function wakeNotifyHubs(): void {
  for (const hub of hubs) hub.wake();
}

/**
 * Fans new notifications out to this process's open streams, wherever they were written.
 * PostgreSQL: one dedicated connection per process LISTENs on `luoshi_notify` (notify() NOTIFYs in
 * its transaction, so the message arrives on commit). It is a plain pg.Client on the same URL, opened
 * here rather than in platform/db/database.ts because only this module listens; it needs no
 * search_path, since payloads name their schema and rows are then read through the pool.
 * SQLite (one host, no NOTIFY): poll every second for ids above the last seen; SQLite's single writer
 * commits ids in order, so nothing is skipped.
 * Either source starts with the first subscriber and runs until close().
 */
export class NotifyHub {
  private readonly listeners = new Map<number, Set<Listener>>();
  private started: Promise<void> | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private client: pg.Client | null = null;
  private lastId = 0;
  private polling = false;
  private pollAgain = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: (message: string, error: unknown) => void,
  ) {
    hubs.add(this);
  }

  /** Start listening for `userId`; returns the function that stops. */
  async subscribe(userId: number, listener: Listener): Promise<() => void> {
    // A failed start (database unreachable) is tried again by the next subscriber.
    await (this.started ??= this.start().catch((error: unknown) => {
      this.started = null;
      throw error;
    }));
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    hubs.delete(this);
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async start(): Promise<void> {
    this.lastId = await maxNotificationId(this.deps.db);
    if (this.deps.database.dialect === 'postgres') await this.listen();
    else this.schedulePoll();
  }

  private dispatch(rows: readonly Row[]): void {
    for (const row of rows) {
      for (const listener of this.listeners.get(row.user_id) ?? []) {
        listener({ id: row.id, title: row.title, link: row.link, kind: row.kind, createdAt: row.created_at });
      }
    }
  }

  /** Poll now (SQLite, once polling has started); a poll in flight runs once more when it ends. */
  wake(): void {
    if (this.closed || this.deps.database.dialect === 'postgres' || !this.timer) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.runPoll();
  }

  private schedulePoll(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => this.runPoll(), POLL_MS);
    this.timer.unref();
  }

  private runPoll(): void {
    this.polling = true;
    this.pollAgain = false;
    this.poll()
      .catch((error: unknown) => this.log('通知轮询失败', error))
      .finally(() => {
        this.polling = false;
        if (this.pollAgain && !this.closed) this.runPoll();
        else this.schedulePoll();
      });
  }

  private async poll(): Promise<void> {
    const upTo = await maxNotificationId(this.deps.db);
    if (upTo <= this.lastId) return;
    const users = [...this.listeners.keys()];
    for (let after = this.lastId; ;) {
      const rows = await notificationsAfter(this.deps.db, after, upTo, users);
      this.dispatch(rows);
      const last = rows.at(-1);
      if (!last || rows.length < 1000) break;
      after = last.id;
    }
    this.lastId = upTo;
  }

  private async listen(): Promise<void> {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.deps.db);
    const schema = rows[0]?.schema;
    const client = new pg.Client({ connectionString: this.deps.database.url });
    client.on('notification', (message) => {
      const parsed = payloadSchema.safeParse(JSON.parse(message.payload ?? 'null'));
      if (!parsed.success || parsed.data.schema !== schema) return;
      // Kept so that a reconnect reads what it missed from here on.
      this.lastId = Math.max(this.lastId, ...parsed.data.ids);
      notificationsByIds(this.deps.db, parsed.data.ids, [...this.listeners.keys()])
        .then((found) => this.dispatch(found))
        .catch((error: unknown) => this.log('读取新通知失败', error));
    });
    // A lost connection is reopened; what was committed meanwhile is read by id, as on SQLite.
    client.on('error', (error) => {
      this.log('通知监听连接中断，将重新连接', error);
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    });
    await client.connect();
    await client.query('LISTEN luoshi_notify');
    if (this.closed) await client.end();
    else this.client = client;
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.listen();
      await this.poll();
    } catch (error) {
      this.log('通知监听重新连接失败', error);
      setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    }
  }
}
