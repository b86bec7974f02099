import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/http/errors.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../platform/http/cookies.js';
import { getSecurityPolicy } from './security-policy.js';
import { lookupSession } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Loads the session behind the cookie, then enforces each route's auth level and CSRF on writes. */
export function installSessionHooks(app: FastifyInstance): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const policy = await getSecurityPolicy(app.deps.db);
    const found = await lookupSession(app.deps.db, req.ctx, token, policy);
    if (found.status === 'live') {
      req.session = { id: found.session.id, stage: found.session.stage, csrfToken: found.session.csrfToken };
      req.ctx.actor = found.session.actor;
    } else if (found.status === 'expired') {
      req.sessionExpired = true;
    }
  });

  app.addHook('preHandler', async (req: FastifyRequest) => {
    // The OpenAPI description is public: it documents the API, it does not call it.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (!SAFE_METHODS.has(req.method)) checkCsrf(req);
    const level = req.routeOptions.config.auth ?? 'full';
    if (level === 'public') return;
    if (!req.session) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (level === 'partial' || req.session.stage === 'full') return;
    if (req.session.stage === 'change_password') throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (req.session.stage === 'totp') throw new AppError('TOTP_REQUIRED');
    throw new AppError('TOTP_ENROLL_REQUIRED');
  });
}

function checkCsrf(req: FastifyRequest): void {
  const header = req.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  const cookie = req.cookies[CSRF_COOKIE];
  const ok = sameToken(sent, cookie) && (!req.session || sameToken(sent, req.session.csrfToken));
  if (!ok) throw new AppError('CSRF_REJECTED');
}
