export interface TestEnv {
  /** A superuser URL: specs create and drop their own schemas. */
  databaseUrl: string;
  redisUrl: string;
}

/** The servers the Jest global set-up started (or the ones given in DATABASE_URL / REDIS_URL). */
export function requiredTestEnv(): TestEnv {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  const missing = [!databaseUrl && 'DATABASE_URL', !redisUrl && 'REDIS_URL'].filter(Boolean);
  if (!databaseUrl || !redisUrl) {
    throw new Error(`Integration specs need ${missing.join(' and ')}: run them through the root Jest config, or set them`);
  }
  return { databaseUrl, redisUrl };
}
