import type { LightMyRequestResponse } from 'fastify';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './app.js';
import type { TestClient } from './client.js';

export interface FilesTestApp extends TestApp {
  /** The app's data directory: its content store is `files/` below it. */
  dataDir: string;
  /** Files in the content store, not counting unfinished uploads in its tmp folder. */
  filesStored(): Promise<number>;
}

/** A test app with a content store of its own and the given upload limit; close removes the store too. */
export async function startFilesTestApp(uploadMaxBytes: number): Promise<FilesTestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'luoshi-files-app-'));
  const t = await startTestApp({ config: { dataDir, uploadMaxBytes } });
  return {
    ...t,
    dataDir,
    filesStored: async () =>
      (await readdir(join(dataDir, 'files'), { recursive: true, withFileTypes: true })).filter(
        (e) => e.isFile() && !e.parentPath.endsWith('tmp'),
      ).length,
    close: async () => {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Upload as the web app does: the file is the body, its name URL-encoded in X-File-Name. */
export const postFile = (
  who: TestClient,
  url: string,
  name: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> =>
  who.post(url, bytes, {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(name),
    ...headers,
  });
