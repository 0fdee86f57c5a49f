import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionContext } from '../app/sign-in.ts';
import type { Role } from '../db/schema.ts';
import type { Membership } from '../db/user-store.ts';
import { renderError } from './error-pages.ts';

export interface Member {
  readonly session: SessionContext;
  readonly membership: Membership;
}

export const STAFF: readonly Role[] = ['administrator', 'researcher', 'viewer', 'council'];
export const DESIGNERS: readonly Role[] = ['administrator', 'researcher'];
export const ADMINISTRATORS: readonly Role[] = ['administrator'];
export const COUNCIL: readonly Role[] = ['council'];

/**
 * The signed-in user's membership of the current organisation when their role is one of roles;
 * otherwise it answers (redirect to sign-in, or 403) and returns undefined.
 */
export function requireRole(request: FastifyRequest, reply: FastifyReply, roles: readonly Role[]): Member | undefined {
  const session = request.ctx.session;
  if (!session) {
    const next = encodeURIComponent(request.url);
    void reply.redirect(`/sign-in?next=${next}`, 303);
    return undefined;
  }
  const membership = session.current;
  if (!membership || !roles.includes(membership.role)) {
    void reply.code(403).type('text/html').send(renderError(request, 'forbidden').value);
    return undefined;
  }
  return { session, membership };
}

/** Redirect targets must stay on this site. */
export function safeNext(next: unknown, fallback = '/rounds'): string {
  return typeof next === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : fallback;
}
