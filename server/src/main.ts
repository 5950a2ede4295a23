import { loadConfig } from './core/config.ts';
import { createContext } from './core/bootstrap.ts';
import { buildApp } from './core/http/app.ts';
import { MODULES } from './modules/index.ts';
import { assertNoDemoAccounts, seedDemo } from './demo/demo-seed.ts';
import { DEMO_PASSWORD } from './demo/demo-accounts.ts';
import { startAuditAnchors } from './core/audit/audit-anchors.ts';

/** Starts the platform: migrate, seed (demo mode), serve the API and the console. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { ctx, connection } = await createContext(config, MODULES);
  let banner: string[] = [];
  if (config.demo) {
    const seeded = await seedDemo(ctx);
    banner = [
      `演示模式 demo mode — 演示账号 demo accounts (password ${DEMO_PASSWORD}):`,
      ...seeded.accounts.map(
        (a) =>
          `  ${a.username.padEnd(14)} ${a.roles.join(',').padEnd(16)} ${a.regionCode.padEnd(13)} ${a.displayName}${a.totpSecret ? `  TOTP secret ${a.totpSecret}` : ''}`,
      ),
    ];
  } else {
    await assertNoDemoAccounts(ctx);
  }
  const { app } = await buildApp(ctx, MODULES, { logger: process.env.LOG_REQUESTS === '1' });
  // SECURITY.md 31: the chain head, signed, into an append-only file outside the database.
  const anchors = startAuditAnchors(ctx, (err) =>
    console.error(`audit anchor not written to ${config.auditAnchorFile}: ${err instanceof Error ? err.message : String(err)}`),
  );
  const shutdown = async () => {
    await app.close();
    await anchors.stop();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(
    [`乡村治理试点示范平台 is running at ${url}  (database: ${connection.dialect})`, `  mobile: ${url}/m/login`, ...banner].join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
