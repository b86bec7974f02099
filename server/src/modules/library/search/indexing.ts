import type { Executor } from '../../../platform/db/schema.js';
import { insertDocs, removeDocs } from './repository.js';
import { keywordsOf } from './segment.js';
import type { SearchDocument } from './types.js';

/** Materials per statement: keeps every multi-row insert under SQLite's 32,766 parameters. */
const CHUNK = 100;

/**
 * Called by materials inside the publishing transaction: on publish and on each new version of a
 * published material. The old copy goes and a new one takes the next seq (newest first).
 */
export async function indexMaterial(trx: Executor, doc: SearchDocument): Promise<void> {
  await indexMaterials(trx, [doc]);
}

/** The bulk form (imports, the benchmark): the same copies, many per statement. */
export async function indexMaterials(trx: Executor, docs: readonly SearchDocument[]): Promise<void> {
  // One copy per material: the last version given wins.
  const latest = [...new Map(docs.map((d) => [d.materialId, d])).values()];
  for (let start = 0; start < latest.length; start += CHUNK) {
    const chunk = latest.slice(start, start + CHUNK);
    await removeDocs(
      trx,
      chunk.map((d) => d.materialId),
    );
    await insertDocs(
      trx,
      chunk.map((doc) => ({ doc, keywords: keywordsOf(`${doc.title}\n${doc.notes}\n${doc.body}`) })),
    );
  }
}

/** Called by materials inside the withdrawing transaction. */
export async function unindexMaterial(trx: Executor, materialId: number): Promise<void> {
  await removeDocs(trx, [materialId]);
}
