// Service load benchmark on loopback against a fresh PostgreSQL database:
//  1. GET /subjects/{id}/documents with --components rows seeded directly by SQL: requests/s and latency p99;
//  2. one streamed upload of --upload-mb MB: MB/s and the server process's RSS while uploading.
// Usage: npx tsx scripts/bench-service.ts [--components 100000] [--seconds 10] [--connections 10] [--upload-mb 200]
//        [--token-cache-ms 10000]   (the default of SOHOA_TOKEN_CACHE_MS; 0 looks every request's token up)
// PostgreSQL admin URL: SOHOA_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../cli/config.js';
import { createToken } from '../service/auth/tokens.js';
import { loadServiceOptions } from '../service/service-options.js';
import { startService } from '../service/start-service.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({
  options: {
    components: { type: 'string', default: '100000' },
    subjects: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'upload-mb': { type: 'string', default: '200' },
    'token-cache-ms': { type: 'string', default: '10000' },
  },
});
const COMPONENTS = Number(args.components);
const SUBJECTS = Number(args.subjects);
const PG_ADMIN = process.env.SOHOA_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const subjectId = (n: number) => `0012${String(n).padStart(8, '0')}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Sources of 10 components each; every component names one of SUBJECTS citizens (so_dinh_danh) plus two fields. */
async function seed(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const sources = Math.ceil(COMPONENTS / 10);
    await c.query(`insert into sources (sha256, byte_size, original_key, pipeline_version, status, page_count)
      select lpad(to_hex(g), 64, '0'), 1000, 'originals/bench/' || g, 'bench', 'done', 10
      from generate_series(1, ${sources}) g`);
    await c.query(`insert into components (source_id, type, first_page, last_page, confidence, status,
        rule_pack_version, pipeline_version)
      select s.id, (array['can_cuoc','giay_khai_sinh','don_to_khai','xac_nhan_cu_tru','gcn_quyen_su_dung_dat'])[p % 5 + 1],
        p, p, 0.9, 'accepted', 'bench', 'bench'
      from sources s cross join generate_series(1, 10) p limit ${COMPONENTS}`);
    await c.query(`insert into fields (component_id, key, value, raw, confidence, page, state)
      select id, k.key,
        case k.key when 'so_dinh_danh' then '0012' || lpad((rn % ${SUBJECTS})::text, 8, '0')
                   when 'ho_ten' then 'NGUYỄN VĂN ' || rn
                   else (date '2030-01-01' + (rn % 3650)::int)::text end,
        'raw', 0.9, first_page, 'machine'
      from (select id, first_page, row_number() over (order by id) as rn from components) n
      cross join (values ('so_dinh_danh'), ('ho_ten'), ('co_gia_tri_den')) k(key)`);
    await c.query('analyze');
    const { rows } = await c.query('select count(*)::int as n from components');
    return rows[0].n as number;
  } finally {
    await c.end();
  }
}

async function makeFile(path: string, mb: number) {
  const out = createWriteStream(path);
  out.write('%PDF-1.7\n');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mb; i++) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Streams one file as multipart/form-data with a known Content-Length; resolves with the status code. */
function upload(url: string, token: string, path: string, size: number): Promise<number> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="scan"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.pipe(req, { end: false });
    file.on('end', () => req.end(tail));
    file.on('error', reject);
  });
}

const dbName = `sohoa_bench_${randomBytes(6).toString('hex')}`;
const dataDir = await mkdtemp(join(tmpdir(), 'sohoa-bench-service-'));
await admin(`create database ${dbName}`);
const dbUrl = new URL(PG_ADMIN);
dbUrl.pathname = `/${dbName}`;
const uploadMb = Number(args['upload-mb']);
const service = await startService(
  loadConfig({
    SOHOA_DATA_DIR: dataDir,
    DATABASE_URL: dbUrl.toString(),
    SOHOA_MAX_BYTES: String((uploadMb + 10) << 20),
  }),
  loadServiceOptions(
    {},
    {
      port: 0,
      logLevel: 'warn',
      consumeJobs: 'false',
      maxFileBytes: (uploadMb + 10) << 20,
      maxRequestBytes: (uploadMb + 20) << 20,
      rateLimitPerMinute: 10_000_000,
      tokenCacheMs: Number(args['token-cache-ms']),
    },
  ),
);
try {
  const { token } = await createToken(service.runtime.database.db, { name: 'bench', role: 'admin' });
  const t0 = performance.now();
  const seeded = await seed(dbUrl.toString());
  console.log(`seeded ${seeded} components (3 fields each) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The subject lookup's plan: it must use fields_key_value_idx, not scan 300,000 field rows.
  const plan = new pg.Client({ connectionString: dbUrl.toString() });
  await plan.connect();
  const { rows } = await plan.query(
    `explain analyze select distinct component_id from fields where key = any($1) and value = any($2)`,
    [['so_dinh_danh', 'ma_so_thue'], [subjectId(42)]],
  );
  await plan.end();
  console.log(rows.map((r: Record<string, string>) => `  ${r['QUERY PLAN']}`).join('\n'));

  // The load generator runs in a worker thread so that it does not share the server's event loop; it cycles
  // through 500 different subjects.
  const result = await autocannon({
    url: service.url,
    connections: Number(args.connections),
    duration: Number(args.seconds),
    workers: 1,
    headers: { authorization: `Bearer ${token}` },
    requests: Array.from({ length: 500 }, (_, i) => ({
      method: 'GET',
      path: `/subjects/${subjectId((i * 7919) % SUBJECTS)}/documents`,
    })),
  });
  console.log(
    `GET /subjects/{id}/documents: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms, non-2xx ${result.non2xx}, errors ${result.errors} ` +
      `(target p99 < 50 ms; token cache ${args['token-cache-ms']} ms)`,
  );

  const dossier = await fetch(`${service.url}/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ procedureCode: '1.001193', applicant: { id: subjectId(1) } }),
  });
  if (dossier.status !== 201) throw new Error(`creating the bench dossier failed: ${await dossier.text()}`);
  const { id } = (await dossier.json()) as { id: string };
  const file = join(dataDir, 'big.pdf');
  await makeFile(file, uploadMb);
  const size = (await stat(file)).size;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const u0 = performance.now();
  const status = await upload(`${service.url}/dossiers/${id}/files`, token, file, size);
  const seconds = (performance.now() - u0) / 1000;
  clearInterval(sampler);
  console.log(
    `upload of ${(size / 2 ** 20).toFixed(0)} MB: HTTP ${status}, ${(size / 2 ** 20 / seconds).toFixed(1)} MB/s ` +
      `(${seconds.toFixed(1)} s, hash + temp file + object store), RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, ` +
      `peak ${(rssPeak / 2 ** 20).toFixed(0)} MB during (client and server share this process)`,
  );
} finally {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
  await admin(`drop database if exists ${dbName} with (force)`);
}
