import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'luoshi_sid';
export const CSRF_COOKIE = 'luoshi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function setSessionCookies(
  reply: FastifyReply,
  config: Config,
  token: string,
  csrfToken: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
  setCsrfCookie(reply, config, csrfToken);
}

/** The CSRF cookie is readable by the page, which echoes it in the X-CSRF-Token header (double submit). */
export function setCsrfCookie(reply: FastifyReply, config: Config, csrfToken: string): void {
  void reply.setCookie(CSRF_COOKIE, csrfToken, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}
