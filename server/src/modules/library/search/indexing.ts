import type { Executor } from '../../../platform/db/schema.js';
import { insertDoc, removeDoc } from './repository.js';
import { keywordsOf } from './segment.js';
import type { SearchDocument } from './types.js';

/**
 * Called by materials inside the publishing transaction: on publish and on each new version of a
 * published material. The old copy goes and a new one takes the next seq (newest first).
 */
export async function indexMaterial(trx: Executor, doc: SearchDocument): Promise<void> {
  await removeDoc(trx, doc.materialId);
  await insertDoc(trx, doc, keywordsOf(`${doc.title}\n${doc.notes}\n${doc.body}`));
}

/** Called by materials inside the withdrawing transaction. */
export async function unindexMaterial(trx: Executor, materialId: number): Promise<void> {
  await removeDoc(trx, materialId);
}
