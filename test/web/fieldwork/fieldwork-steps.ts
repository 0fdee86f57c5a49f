import fs from 'node:fs';
import { expect } from 'vitest';
import { jobHandlers } from '../../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../../src/app/jobs/job-runner.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import type { TestApp } from '../../support/test-app.ts';
import type { UploadClient } from './upload-client.ts';

/** The generated address file: 2,000 clients in Windows-1252 with 15 bad rows. */
export const ADDRESS_FIXTURE = fs.readFileSync(new URL('../../fixtures/address-file-2000.csv', import.meta.url));
export const TEST_SECRET = 'test-secret-test-secret-test-secret!'; // the one createTestApp builds with

/** A fieldwork round with the fixture imported through the pages, as a researcher does it (bad rows skipped). */
export async function roundWithAddresses(t: TestApp, client: UploadClient, name: string): Promise<string> {
  const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name });
  await client.get(`/rounds/${roundId}/addresses`);
  const uploaded = await client.upload(`/rounds/${roundId}/addresses`, { name: 'klanten.csv', bytes: ADDRESS_FIXTURE });
  const importId = /addresses\/([0-9a-f-]{36})\/mapping/.exec(String(uploaded.headers.location))![1]!;
  const mapping = await client.get(`/rounds/${roundId}/addresses/${importId}/mapping`);
  const form: Record<string, string> = {};
  for (const m of mapping.body.matchAll(/<select[^>]*name="(col-\d+)"[^>]*>([\s\S]*?)<\/select>/g)) form[m[1]!] = /<option value="([^"]*)" selected>/.exec(m[2]!)?.[1] ?? '';
  await client.post(`/rounds/${roundId}/addresses/${importId}/mapping`, form);
  await client.post(`/rounds/${roundId}/addresses/${importId}/confirm`, { skip: 'yes', replace: 'no' });
  await runJobsUntilIdle({ db: t.database.db, secret: TEST_SECRET, publicUrl: 'http://localhost', handlers: jobHandlers });
  return roundId;
}

/** Fills in the sample form, then confirms the draw on the page that follows. */
export async function drawSample(client: UploadClient, roundId: string, form: Record<string, string | string[]>) {
  await client.get(`/rounds/${roundId}/sample`);
  const next = await client.post(`/rounds/${roundId}/sample`, form);
  expect(next.statusCode, next.body.slice(0, 300)).toBe(303);
  const confirm = await client.get(String(next.headers.location));
  expect(confirm.statusCode).toBe(200);
  const hidden = Object.fromEntries([...confirm.body.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].filter((m) => m[1] !== 'carried' && m[1] !== '_csrf').map((m) => [m[1]!, m[2]!]));
  const carried = [...confirm.body.matchAll(/<input type="hidden" name="carried" value="([^"]*)">/g)].map((m) => m[1]!);
  return { confirm, drawn: await client.post(`/rounds/${roundId}/sample/draw`, { ...hidden, carried }) };
}
