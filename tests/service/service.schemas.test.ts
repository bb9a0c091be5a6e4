// One schema source: every route declares its answers (served in /openapi.json), the JSON answers are checked
// against them, and GET /dossiers/{id} gives the components in the CLI `sohoa digitize --json` shape plus ids and
// field states — compared on the same stored sources read through the CLI (PostgreSQL: both processes open it).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkResponses } from '../../service/api/response-check.js';
import { componentResultOf, type StoredComponent } from '../../storage/warehouse/index.js';
import { runCli } from '../support/run-cli.js';
import { idCardPdf } from './id-card-pdf.js';
import { client, postgresAvailable, useHarness, waitProcessed } from './service-harness.js';

const pgUp = await postgresAvailable();
const APPLICANT = '079203012345';
const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'invoice-004-born-digital.pdf');

describe('response check', () => {
  it('turns an answer off its schema into a 500, and lets a matching one through', async () => {
    const app = Fastify();
    checkResponses(app);
    const schema = { response: { 200: Type.Object({ n: Type.Integer(), id: Type.String({ format: 'uuid' }) }) } };
    app.get('/good', { schema }, async () => ({ n: 1, id: '6f1c2a4e-0b7d-4c39-9a51-3d2e8f7b6c10' }));
    app.get('/drifted', { schema }, async () => ({ n: 'one', id: '6f1c2a4e-0b7d-4c39-9a51-3d2e8f7b6c10' }));
    app.get('/bad-format', { schema }, async () => ({ n: 1, id: 'not-a-uuid' }));
    // Typed loosely: the route answers a status it does not declare.
    app.get('/undeclared', { schema: schema as { response: object } }, async (_q, reply) =>
      reply.code(202).send({ n: 1 }),
    );
    try {
      expect((await app.inject('/good')).statusCode).toBe(200);
      const drifted = await app.inject('/drifted');
      expect(drifted.statusCode).toBe(500);
      expect(drifted.json().message).toMatch(/off its schema: \/n/);
      expect((await app.inject('/bad-format')).statusCode).toBe(500);
      expect((await app.inject('/undeclared')).json().message).toMatch(/no response schema for 202/);
    } finally {
      await app.close();
    }
  });
});

describe('OpenAPI response schemas', () => {
  const harness = useHarness('pglite');

  it('declares a success schema and problem answers for every route and status', async () => {
    const doc = await (await client(harness())('GET', '/openapi.json', { role: 'reader' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(16);
    for (const { path, method, op } of operations) {
      const responses = op.responses as Record<string, { content?: Record<string, { schema?: object }> }>;
      const name = `${method.toUpperCase()} ${path}`;
      const ok = Object.keys(responses).filter((s) => s.startsWith('2'));
      expect(ok.length, `${name} has no success answer`).toBeGreaterThan(0);
      for (const status of Object.keys(responses)) {
        const content = responses[status]?.content;
        expect(content && Object.keys(content).length > 0, `${name} ${status} has no content`).toBe(true);
        for (const [type, media] of Object.entries(content ?? {})) {
          expect(media.schema, `${name} ${status} ${type}`).toBeDefined();
        }
      }
      if (!path.endsWith('z')) {
        for (const status of ['400', '401', '403', '429', '500']) {
          expect(Object.keys(responses[status]?.content ?? {}), `${name} ${status}`).toEqual([
            'application/problem+json',
          ]);
        }
      }
    }
    const view = doc.paths['/dossiers/{id}'].get.responses['200'].content['application/json'].schema;
    const component = view.properties.files.items.properties.components.items;
    expect(Object.keys(component.properties)).toEqual([
      'id',
      'type',
      'pages',
      'confidence',
      'status',
      'reasons',
      'fields',
    ]);
    const field = component.properties.fields.additionalProperties;
    expect(Object.keys(field.properties)).toEqual(['value', 'confidence', 'page', 'bbox', 'state']);
  });
});

describe.runIf(pgUp)('GET /dossiers/{id} and sohoa digitize --json on the same sources', () => {
  const harness = useHarness('postgres');

  it('give the same components: the CLI shape, plus ids and field states in the service', async () => {
    const h = harness();
    const call = client(h);
    const dossier = await (
      await call('POST', '/dossiers', {
        role: 'intake',
        json: { procedureCode: '1.000894', applicant: { id: APPLICANT } },
      })
    ).json();
    const card = await idCardPdf({
      id: APPLICANT,
      name: 'NGUYỄN VĂN AN',
      birthDate: '15/03/2003',
      validUntil: '15/03/2043',
    });
    const form = new FormData();
    form.append('scan', new Blob([card]), 'cccd.pdf');
    form.append('scan', new Blob([await readFile(SAMPLE)]), 'invoice.pdf');
    expect((await call('POST', `/dossiers/${dossier.id}/files`, { role: 'intake', body: form })).status).toBe(202);
    const view = await waitProcessed(call, dossier.id);
    expect(view.files.map((f: { status: string }) => f.status)).toEqual(['done', 'done']);

    // The CLI reads the stored results of the same bytes (no processing: they are done).
    const cardPath = join(h.cliEnv.SOHOA_DATA_DIR!, 'cccd.pdf');
    await writeFile(cardPath, card);
    const run = await runCli(['digitize', '--json', cardPath, SAMPLE], h.cliEnv, 120_000);
    expect(run.code, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout) as {
      sources: Array<{ sha256: string; components: unknown[]; pages: unknown[] }>;
    };
    let compared = 0;
    for (const file of view.files as Array<{ sha256: string; components: StoredComponent[]; pages: unknown[] }>) {
      const source = cli.sources.find((s) => s.sha256 === file.sha256);
      expect(source, file.sha256).toBeDefined();
      expect(file.pages).toEqual(source!.pages);
      expect(file.components.map(componentResultOf)).toEqual(source!.components);
      for (const c of file.components) {
        expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
        for (const f of Object.values(c.fields)) expect(['machine', 'needs_review', 'confirmed']).toContain(f.state);
      }
      compared += file.components.length;
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  }, 240_000);
});
