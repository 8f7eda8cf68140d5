// `npm run infra`: the dev infrastructure alone, until Ctrl-C.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startLocalInfra } from './local-infra';

function repoRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
    }
  }
  return process.cwd();
}

async function main(): Promise<void> {
  const infra = await startLocalInfra({
    dataDir: join(repoRoot(), '.tutti', 'dev'),
    profile: 'dev',
    withMail: true,
    log: (line) => console.log(`[infra] ${line}`),
  });
  console.log('');
  console.log(`DATABASE_URL=${infra.databaseUrl}`);
  console.log(`REDIS_URL=${infra.redisUrl}`);
  if (infra.mail) {
    console.log(`SMTP_URL=smtp://${infra.mail.smtpHost}:${infra.mail.smtpPort}`);
    console.log(`MailDev inbox: ${infra.mail.webUrl}`);
  }
  console.log('\nRunning; Ctrl-C stops everything.');
  // The signal hooks of the library stop the servers and exit; this only keeps the process alive.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(`[infra] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
