import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StudyAccessError, StudyActor } from '../../app/qualitative/study-actor.ts';
import { studyWorkspace, type StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { DB } from '../../db/schema.ts';
import { isStudyResearcher } from '../../domain/qualitative/study-permissions.ts';
import { renderError } from '../error-pages.ts';
import { requireRole, STAFF, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { idParam } from '../form-values.ts';
import { sendStaffPage, type StaffPageOptions } from '../staff-page.ts';

// What every study route shares: the actor, the page frame, and the answer to a refused access.

export { asList, idParam, text, UUID } from '../form-values.ts';

export const actorOf = (member: Member): StudyActor => ({ organisationId: member.membership.organisationId, userId: member.session.userId, role: member.membership.role });

export const sendPage = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, options: StaffPageOptions = {}) =>
  sendStaffPage(request, reply, member, '/studies', title, body, options);

export function refuse(request: FastifyRequest, reply: FastifyReply, error: StudyAccessError) {
  if (error === 'forbidden') return reply.code(403).type('text/html').send(renderError(request, 'forbidden').value);
  return reply.callNotFound();
}

/**
 * The signed-in staff member and the study in the URL when they are its owner; otherwise the
 * route has answered (sign-in, 404 or 403).
 */
export async function studyOfOwner(db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply): Promise<{ member: Member; workspace: StudyWorkspace } | undefined> {
  const member = requireRole(request, reply, STAFF);
  if (!member) return undefined;
  const id = idParam(request, 'id');
  const workspace = id && (await studyWorkspace(db, member.membership.organisationId, id));
  if (!workspace) {
    void reply.callNotFound();
    return undefined;
  }
  if (!isStudyResearcher(member.membership.role, workspace.study.ownerKind)) {
    void refuse(request, reply, 'forbidden');
    return undefined;
  }
  return { member, workspace };
}
