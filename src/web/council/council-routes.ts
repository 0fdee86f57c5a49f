import type { SurveyStateCache } from '../../app/respondent/survey-state-cache.ts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { adviceRoutes } from './advice-routes.ts';
import { surveyRoutes } from './survey-routes.ts';

/** The client council's area: its advice on rounds (and its own surveys). */
export async function councilRoutes(app: FastifyInstance, options: { db: Kysely<DB>; surveyStates: SurveyStateCache }): Promise<void> {
  await app.register(adviceRoutes, { db: options.db });
  await app.register(surveyRoutes, options);
}
