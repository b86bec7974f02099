import type { FastifyReply } from 'fastify';

/**
 * Send JSON already written out as UTF-8 (a page a module keeps) as it is: Fastify serialises only a
 * payload that is not yet bytes, so the route's response schema documents the answer but is not run.
 */
export function sendJsonBytes(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
