// docker-compose.yml is checked without a Docker engine by Debian's docker-compose (`config` validates and resolves).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './cluster.js';

const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasCompose) console.warn('skipping the docker-compose test: docker-compose is not installed');

function composeConfig(args: string[]) {
  return spawnSync(
    'docker-compose',
    ['--env-file', join(REPO_ROOT, '.env.example'), '-f', join(REPO_ROOT, 'docker-compose.yml'), 'config', ...args],
    { encoding: 'utf8', cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '' } },
  );
}

describe.skipIf(!hasCompose)('docker-compose.yml', () => {
  it('is valid and has the services, health checks and ordering of the deployment', () => {
    const services = composeConfig(['--services']);
    expect(services.status, services.stderr).toBe(0);
    expect(services.stdout.trim().split('\n').sort()).toEqual(
      ['cli', 'migrate', 'minio', 'minio-bucket', 'postgres', 'redis', 'worker'].sort(),
    );
    const full = composeConfig([]);
    expect(full.status, full.stderr).toBe(0);
    const text = full.stdout;
    expect(text).toMatch(/image: postgres:18\b/);
    // MinIO images are pinned to a release, never "latest".
    expect(text).toMatch(/image: minio\/minio:RELEASE\.\d{4}-/);
    expect(text).toMatch(/image: minio\/mc:RELEASE\.\d{4}-/);
    const block = (name: string) => {
      const start = text.indexOf(`\n  ${name}:\n`);
      expect(start, `service ${name}`).toBeGreaterThan(-1);
      const rest = text.slice(start + name.length + 5);
      const end = rest.search(/\n {2}[a-z][\w-]*:\n/);
      return end === -1 ? rest : rest.slice(0, end);
    };
    for (const name of ['postgres', 'redis', 'minio', 'worker']) expect(block(name)).toMatch(/healthcheck:/);
    expect(block('worker')).toMatch(/migrate:\s+condition: service_completed_successfully/);
    expect(block('worker')).toMatch(/minio-bucket:\s+condition: service_completed_successfully/);
    expect(block('worker')).toMatch(/redis:\s+condition: service_healthy/);
    expect(block('migrate')).toMatch(/postgres:\s+condition: service_healthy/);
    expect(block('minio-bucket')).toMatch(/mc mb --ignore-existing/);
    // Workers scale: no fixed container name or host port.
    expect(block('worker')).not.toMatch(/container_name|ports:/);
    expect(text).toMatch(/\nvolumes:\n\s+miniodata:/);
  });

  it('commits no secrets: credentials come from the environment file', () => {
    const raw = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    expect(raw).toMatch(/\$\{POSTGRES_PASSWORD:\?/);
    expect(raw).not.toMatch(/change-me/);
    const missing = spawnSync('docker-compose', ['-f', join(REPO_ROOT, 'docker-compose.yml'), 'config'], {
      encoding: 'utf8',
      cwd: '/',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/POSTGRES_USER|POSTGRES_PASSWORD/);
  });
});
