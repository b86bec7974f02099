import type { Executor } from '../../platform/db/schema.js';
import type { Keys } from '../../platform/keys.js';
import { purgeBoundary, type PurgeBoundary } from './boundary.js';
import { chainHash, checkpointMac, contentOf, macMatches } from './hash.js';
import {
  checkpointsAfter,
  countRowsUpTo,
  headRow,
  lastRowBelow,
  maxCheckpointId,
  rowAt,
  rowsAfter,
  type AuditRow,
  type CheckpointRow,
} from './repository.js';

export interface BadRow {
  seq: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  checkpoints: number;
  firstBad: BadRow | null;
}

const PAGE = 1000;

interface Link {
  seq: number;
  hash: string;
}

const span = (from: number, to: number) => (from === to ? `第 ${from} 条` : `第 ${from}～${to} 条`);

/** Is the row intact, and does it follow `last` (for the first row: the purge boundary)? */
function checkRow(row: AuditRow, last: Link | null, boundary: PurgeBoundary): BadRow | null {
  if (chainHash(row.prev_hash, contentOf(row)) !== row.hash)
    return { seq: row.seq, reason: '内容被篡改：记录内容与其散列不符' };
  if (row.prev_hash === (last?.hash ?? boundary.headHash)) return null;
  if (!last)
    return {
      seq: row.seq,
      reason:
        boundary.upToSeq === 0
          ? '最早的记录之前有记录被删除：散列链不从头开始，也没有有效的清理记录'
          : `最早的记录与最近一次清理（清理至第 ${boundary.upToSeq} 条）不衔接：其前的记录被删除`,
    };
  const gap = row.seq > last.seq + 1 ? `（${span(last.seq + 1, row.seq - 1)}缺失）` : '';
  return { seq: row.seq, reason: `散列链断裂${gap}：前面的记录被删除，或记录的顺序被调换` };
}

/**
 * Does the chain as walked so far — its last row, and `counted` rows up to it — match the checkpoint?
 * The MAC needs the key kept outside the database, so a checkpoint pins what the chain was at its time.
 */
function checkCheckpoint(
  cp: CheckpointRow,
  last: Link | null,
  counted: number,
  boundary: PurgeBoundary,
  keys: Keys,
): BadRow | null {
  const when = `检查点（${cp.at}）`;
  if (!macMatches(checkpointMac(keys.auditMac, cp.head_seq, cp.row_count, cp.head_hash, cp.at), cp.mac))
    return { seq: cp.head_seq, reason: `${when}的 MAC 校验失败：检查点是伪造的或被篡改` };
  // Rows up to the purge boundary are gone by design: the MAC is all there is left to check.
  if (cp.head_seq <= boundary.upToSeq) return null;
  if (last?.seq !== cp.head_seq) {
    const from = (last?.seq ?? boundary.upToSeq) + 1;
    return {
      seq: from,
      reason: `${span(from, cp.head_seq)}缺失：${when}时第 ${cp.head_seq} 条还在，记录被删除或截断`,
    };
  }
  if (last.hash !== cp.head_hash)
    return { seq: cp.head_seq, reason: `散列与${when}不符：此前的记录被改写，散列链被重新计算` };
  if (counted + boundary.purgedTotal !== cp.row_count)
    return {
      seq: cp.head_seq,
      reason: `记录条数与${when}不符：应有 ${cp.row_count - boundary.purgedTotal} 条，实有 ${counted} 条`,
    };
  return null;
}

/** Keyset paging: each page starts after the last item of the one before. */
async function* pages<T>(fetch: (after: T | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: T | undefined;
  for (;;) {
    const page = await fetch(after);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1];
  }
}

/** Item by item, for the few checkpoints; the million rows are walked page by page. */
async function* items<T>(source: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const page of source) yield* page;
}

function peekable<T>(source: AsyncIterator<T>) {
  let next: IteratorResult<T> | undefined;
  return {
    async peek(): Promise<T | undefined> {
      next ??= await source.next();
      return next.done ? undefined : next.value;
    },
    take(): void {
      next = undefined;
    },
  };
}

const earliest = (a: BadRow | null, b: BadRow | null) => (a && b ? (a.seq <= b.seq ? a : b) : (a ?? b));

/**
 * Walk the whole trail in seq order: recompute every row's hash, follow the chain from the purge
 * boundary, and check each checkpoint as the walk passes its head. Reports the first bad seq.
 */
export async function verifyAuditTrail(db: Executor, keys: Keys): Promise<VerifyResult> {
  // Fix the extent first, checkpoints before the head: every checkpoint considered then names a row
  // already written, so appends during the walk cannot pass for truncation.
  const maxId = await maxCheckpointId(db);
  const headSeq = (await headRow(db))?.seq ?? 0;
  const { boundary, forged } = await purgeBoundary(db, keys, headSeq);
  const checkpoints = peekable(
    items(pages<CheckpointRow>((after) => checkpointsAfter(db, maxId, after, PAGE))),
  );
  let last: Link | null = null;
  let rows = 0;
  let checked = 0;

  const drainUpTo = async (seq: number): Promise<BadRow | null> => {
    for (let cp = await checkpoints.peek(); cp && cp.head_seq <= seq; cp = await checkpoints.peek()) {
      checkpoints.take();
      checked++;
      const bad = checkCheckpoint(cp, last, rows, boundary, keys);
      if (bad) return bad;
    }
    return null;
  };

  const walk = async (): Promise<BadRow | null> => {
    for await (const page of pages<AuditRow>((after) => rowsAfter(db, after?.seq ?? 0, headSeq, PAGE))) {
      for (const row of page) {
        const bad = (await drainUpTo(row.seq - 1)) ?? checkRow(row, last, boundary);
        if (bad) return bad;
        last = { seq: row.seq, hash: row.hash };
        rows++;
        const atHead = await drainUpTo(row.seq);
        if (atHead) return atHead;
      }
    }
    return drainUpTo(Infinity);
  };

  const firstBad = earliest(await walk(), forged);
  return { ok: firstBad === null, rows, checkpoints: checked, firstBad };
}

/**
 * Does the chain still pass through checkpoint `cp` and run on intact to headSeq? Reads only the rows
 * since `cp`, so a new checkpoint can afford to check it never vouches for a cut or rewritten chain.
 */
export async function verifySince(
  db: Executor,
  keys: Keys,
  cp: CheckpointRow,
  boundary: PurgeBoundary,
  headSeq: number,
): Promise<BadRow | null> {
  let last: Link | null = (await rowAt(db, cp.head_seq)) ?? (await lastRowBelow(db, cp.head_seq)) ?? null;
  const bad = checkCheckpoint(cp, last, await countRowsUpTo(db, cp.head_seq), boundary, keys);
  if (bad) return bad;
  for await (const page of pages<AuditRow>((after) =>
    rowsAfter(db, after?.seq ?? cp.head_seq, headSeq, PAGE),
  )) {
    for (const row of page) {
      const broken = checkRow(row, last, boundary);
      if (broken) return broken;
      last = row;
    }
  }
  return null;
}
