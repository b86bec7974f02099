import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

/** Serve the built web app; any non-API GET that is not a file gets index.html (client-side routes). */
export async function serveWebApp(app: FastifyInstance): Promise<boolean> {
  const root = process.env.LUOSHI_WEB_DIR ?? join(projectRoot(), 'dist', 'web');
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    maxAge: '1h',
    immutable: false,
  });
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply
        .code(404)
        .send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url}`, details: null });
    }
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/assets/') && existsSync(join(root, path)))
      return reply.sendFile(path.slice(1), { maxAge: '365d', immutable: true });
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
