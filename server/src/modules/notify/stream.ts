import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import { maxNotificationId, notificationsByIds, notificationsSince } from './repository.js';

/** What the browser receives for each new notification (never its body). */
export interface StreamEvent {
  id: number;
  title: string;
  link: string | null;
  kind: string;
  createdAt: string;
}

/** Receives each new notification of its person, with its SSE frame ready to write. */
type Listener = (event: StreamEvent, frame: string) => void;
type Row = Awaited<ReturnType<typeof notificationsSince>>[number];

const POLL_MS = 1_000;
const RECONNECT_MS = 1_000;
/** Rows per read of the SQLite poller: a publish to 10,000 people is read in a few statements. */
const PAGE = 5_000;
const payloadSchema = z.object({
  schema: z.string(),
  ids: z.array(z.number()),
  origin: z.string().nullish(),
});

/** Names this process in the NOTIFY of rows it hands to its own streams (notifyAll, announceNotices). */
export const PROCESS_ORIGIN = randomUUID();

/** One Server-Sent Events frame. */
export function sseFrame(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A notification frame's JSON after its id: everything but the id, which the rows of one event share. */
function frameRest(notice: { title: string; link: string | null; kind: string; createdAt: string }): string {
  const { title, link, kind, createdAt } = notice;
  return JSON.stringify({ title, link, kind, createdAt }).slice(1);
}

/** The frame sseFrame('notification', {id, title, link, kind, createdAt}, id) writes, from its rest. */
function noticeFrame(id: number, rest: string): string {
  return `id: ${id}\nevent: notification\ndata: {"id":${id},${rest}\n\n`;
}

/** The frame of each row (never the body). The rows of one event differ only in id. */
export function noticeFrames(rows: readonly Row[]): string[] {
  let previous: Row | undefined;
  let rest = '';
  return rows.map((row) => {
    if (
      !previous ||
      row.title !== previous.title ||
      row.link !== previous.link ||
      row.kind !== previous.kind ||
      row.created_at !== previous.created_at
    ) {
      rest = frameRest({ ...row, createdAt: row.created_at });
      previous = row;
    }
    return noticeFrame(row.id, rest);
  });
}

/** One event's notifications that this process has just committed (notifyAll), in id order. */
export interface LiveNotices {
  recipients: readonly { id: number; user_id: number }[];
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
}

const hubs = new Set<NotifyHub>();

/**
 * A writer in this process that has just committed notifications (notifyAll: the library's publish push)
 * hands them to this process's streams, which show them without reading them back: on SQLite now instead
 * of at the next poll, on PostgreSQL instead of reading them on their NOTIFY, which names this process
 * (PROCESS_ORIGIN) so that its listener passes over them. Other processes read them as usual.
 */
export function announceNotices(live: LiveNotices): void {
  for (const hub of hubs) hub.take(live);
}

/**
 * Fans new notifications out to this process's open streams, wherever they were written: each new row
 * is read once, for everyone, and handed to its person's listeners through a map in memory.
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
  /** Batches handed over by announceNotices (SQLite), in id order, that the poll has not passed yet. */
  private handed: { first: number; last: number; live: LiveNotices }[] = [];

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
    const heard = rows.filter((row) => this.listeners.has(row.user_id));
    const frames = noticeFrames(heard);
    heard.forEach((row, i) => {
      const event = {
        id: row.id,
        title: row.title,
        link: row.link,
        kind: row.kind,
        createdAt: row.created_at,
      };
      for (const listener of this.listeners.get(row.user_id) ?? []) listener(event, frames[i]!);
    });
  }

  /**
   * A handed batch's rows with ids above `above`, for the people listening. Written straight from the
   * batch: at 10,000 people every allocation per row shows in the delay.
   */
  private dispatchHanded(live: LiveNotices, above: number): void {
    const { kind, title, link, createdAt } = live;
    const rest = frameRest(live);
    for (const { id, user_id } of live.recipients) {
      const listeners = id > above ? this.listeners.get(user_id) : undefined;
      if (!listeners) continue;
      const frame = noticeFrame(id, rest);
      for (const listener of listeners) listener({ id, title, link, kind, createdAt }, frame);
    }
  }

  /**
   * Rows this process has just committed. PostgreSQL: shown now (their NOTIFY is passed over). SQLite,
   * once polling has started: the poll, run now, dispatches them in their place in id order and reads
   * only what lies around them; a batch whose ids are not one unbroken run is left for the poll to read.
   */
  take(live: LiveNotices): void {
    if (this.closed) return;
    // PostgreSQL's lastId only says where a reconnect reads from: all of the batch is new here.
    if (this.deps.database.dialect === 'postgres') {
      this.dispatchHanded(live, 0);
      return;
    }
    if (!this.timer) return;
    const first = live.recipients[0]?.id;
    const last = live.recipients.at(-1)?.id;
    if (first === undefined || last === undefined || last - first + 1 !== live.recipients.length) return;
    this.handed.push({ first, last, live });
    this.handed.sort((a, b) => a.first - b.first);
    // A poll in flight runs once more when it ends.
    if (this.polling) this.pollAgain = true;
    else {
      clearTimeout(this.timer);
      this.runPoll();
    }
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
    // Nobody listening (every stream closed): skip what was written, rather than read it for no one.
    if (this.listeners.size === 0) {
      this.handed = [];
      this.lastId = Math.max(this.lastId, await maxNotificationId(this.deps.db));
      return;
    }
    for (;;) {
      this.handed = this.handed.filter((batch) => batch.last > this.lastId);
      const next = this.handed[0];
      if (next && next.first <= this.lastId + 1) {
        this.dispatchHanded(next.live, this.lastId);
        this.lastId = next.last;
        continue;
      }
      // SQLite commits ids in order, so once what lies below a handed batch is read, the batch is next.
      const rows = await notificationsSince(this.deps.db, this.lastId, PAGE, next && next.first - 1);
      const last = rows.at(-1);
      if (last) {
        this.lastId = last.id;
        this.dispatch(rows);
      }
      if (rows.length === PAGE) continue;
      if (!next) return;
      this.lastId = next.first - 1;
    }
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
      // Rows this process wrote and handed to its streams itself (announceNotices).
      if (this.listeners.size === 0 || parsed.data.origin === PROCESS_ORIGIN) return;
      notificationsByIds(this.deps.db, parsed.data.ids)
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
