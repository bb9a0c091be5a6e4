import { Command } from 'commander';
import { loadServiceOptions, SERVICE_ENV } from '../service/service-options.js';
import type { Config } from './config.js';

/** `sohoa serve`: the intake and reuse HTTP service until SIGINT/SIGTERM. */
export function serveCommand(loadConfig: () => Config): Command {
  return new Command('serve')
    .description(
      `run the intake and reuse HTTP service (settings: ${Object.values(SERVICE_ENV).join(', ')}; see README "Service API")`,
    )
    .option('--host <host>', 'address to listen on (SOHOA_HOST, default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (SOHOA_PORT, default 8080)')
    .action(async (flags: { host?: string; port?: string }) => {
      const config = loadConfig();
      const options = loadServiceOptions(process.env, {
        ...(flags.host ? { host: flags.host } : {}),
        ...(flags.port ? { port: flags.port } : {}),
      });
      const { startService } = await import('../service/start-service.js');
      const service = await startService(config, options);
      service.app.log.info({ url: service.url }, 'sohoa service listening');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await service.close();
    });
}
