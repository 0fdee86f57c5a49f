import type { Kysely } from 'kysely';
import { getVersion } from '../../db/questionnaire-store.ts';
import { insertAccessCodes, insertCompletedResponses, type CompletedResponseInput } from '../../db/response-store.ts';
import { setRoundStatus } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { savePopulationCounts, setWeightingChoice } from '../../db/weighting-store.ts';
import { createRound } from '../round-design.ts';
import { demoRoundCodes, type DemoCode } from './demo-access-codes.ts';
import { demoRoundId, type DemoRound } from './demo-organisations.ts';
import { generateResponses } from './generate-responses.ts';
import { insertStartedResponses } from './insert-started-responses.ts';
import { seededRandom } from './seeded-random.ts';

// One demo round: designed from the standard questionnaire with every module, its access codes
// with the states fieldwork would have left (completed, started, bounced, unused), the responses,
// and the round's status. Codes and responses are deliberately not linked: after completion
// nothing may join an answer to a code.

interface CodePlan {
  readonly completed: DemoCode[];
  readonly started: DemoCode[];
  readonly bounced: DemoCode[];
}

const POPULATION_BY_AGE = { '18-26': 0.14, '27-44': 0.38, '45-54': 0.22, '55-66': 0.2, '67plus': 0.06 };

function planCodes(slug: string, round: DemoRound, codes: readonly DemoCode[]): CodePlan {
  if (round.responses + round.started + round.bounced > codes.length) {
    throw new Error(`Demo round ${slug} ${round.year}: more responses than access codes`);
  }
  const order = seededRandom('code-states', slug, round.year).shuffle(codes);
  const completedEnd = round.responses;
  const startedEnd = completedEnd + round.started;
  return {
    completed: order.slice(0, completedEnd),
    started: order.slice(completedEnd, startedEnd),
    bounced: order.slice(startedEnd, startedEnd + round.bounced),
  };
}

async function applyCodePlan(tx: Tx, plan: CodePlan): Promise<void> {
  const ids = (codes: readonly DemoCode[]): string[] => codes.map((code) => code.id);
  if (plan.completed.length > 0) {
    await tx.updateTable('access_codes').set({ state: 'completed' }).where('id', 'in', ids(plan.completed)).execute();
  }
  if (plan.started.length > 0) {
    await tx.updateTable('access_codes').set({ state: 'started' }).where('id', 'in', ids(plan.started)).execute();
  }
  if (plan.bounced.length > 0) {
    await tx.updateTable('access_codes').set({ delivered: false }).where('id', 'in', ids(plan.bounced)).execute();
  }
}

/** The first part of a questionnaire: answers to the first few items only. */
function partly(response: CompletedResponseInput, fraction: number): CompletedResponseInput {
  const keys = [...new Set(response.answers.map((answer) => answer.itemKey))];
  const kept = new Set(keys.slice(0, Math.max(1, Math.round(keys.length * fraction))));
  return { ...response, answers: response.answers.filter((answer) => kept.has(answer.itemKey)) };
}

export async function seedDemoRound(
  db: Kysely<DB>,
  organisation: { readonly id: string; readonly slug: string },
  round: DemoRound,
  sourceVersionId: string,
): Promise<{ roundId: string; responses: number }> {
  const roundId = demoRoundId(organisation.slug, round.year);
  const created = await createRound(db, {
    organisationId: organisation.id,
    actorId: null,
    id: roundId,
    sourceVersionId,
    design: {
      name: round.name,
      year: round.year,
      disabledModules: [],
      ownBlocks: [],
      targetGroup: round.targetGroup,
      fieldworkStart: round.fieldworkStart,
      fieldworkEnd: round.fieldworkEnd,
      access: 'codes',
    },
  });
  if (!created.ok) {
    throw new Error(`Demo round ${organisation.slug} ${round.year} could not be created: ${JSON.stringify(created.error)}`);
  }
  const seed = [organisation.slug, round.year] as const;
  await withTenant(db, organisation.id, async (tx) => {
    const version = await getVersion(tx, created.value.questionnaireVersionId);
    if (!version) throw new Error(`Demo round ${organisation.slug} ${round.year}: questionnaire version missing`);
    const fieldwork = {
      fieldworkStart: round.fieldworkStart,
      fieldworkEnd: round.fieldworkEnd,
      lastResponseOn: round.lastResponseOn,
    };
    const plan = { ...fieldwork, overallMark: round.overallMark, shifts: round.shifts };
    const responses = generateResponses(version.definition, { ...plan, seed, count: round.responses });
    await insertCompletedResponses(tx, organisation.id, roundId, responses);

    // The clients by age as the benefits system counts them: the young answer less often than
    // the demo's respondents suggest, so the weighted results differ a little from the plain ones.
    const byAge = { source: 'item' as const, variable: 'achtergrond.leeftijd' };
    const clients = round.codes * 3;
    await savePopulationCounts(tx, organisation.id, roundId, byAge, new Map(Object.entries(POPULATION_BY_AGE).map(([age, share]) => [age, Math.round(clients * share)])));
    await setWeightingChoice(tx, organisation.id, roundId, byAge, null);

    const codes = demoRoundCodes(organisation.slug, round.year, round.codes);
    await insertAccessCodes(tx, organisation.id, roundId, codes);
    const codePlan = planCodes(organisation.slug, round, codes);
    await applyCodePlan(tx, codePlan);

    // While fieldwork runs, a started code still leads to its unfinished response; after
    // fieldwork that link is gone, so closed rounds keep only the code state.
    if (round.status === 'fieldwork') {
      const unfinished = generateResponses(version.definition, {
        ...plan,
        seed: [...seed, 'started'],
        count: codePlan.started.length,
      });
      const random = seededRandom('unfinished', ...seed);
      await insertStartedResponses(
        tx,
        organisation.id,
        roundId,
        codePlan.started.map((code, i) => ({
          accessCodeId: code.id,
          response: partly(unfinished[i]!, 0.1 + 0.6 * random.next()),
        })),
      );
    }
    await setRoundStatus(tx, roundId, round.status, {
      fieldworkStart: round.fieldworkStart,
      fieldworkEnd: round.fieldworkEnd,
    });
  });
  return { roundId, responses: round.responses };
}
