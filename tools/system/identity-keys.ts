import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateIdentityKeyPair } from '@tutti/auth';

export interface IdentityKeys {
  privateKey: string;
  publicKey: string;
}

/**
 * The gateway signs identities with a private key that only it holds; services get the public key.
 * Given in the environment, those are used; otherwise one pair per machine is kept under `file`.
 */
export async function loadOrCreateIdentityKeys(file: string, env: NodeJS.ProcessEnv = process.env): Promise<IdentityKeys> {
  if (env.IDENTITY_PRIVATE_KEY && env.IDENTITY_PUBLIC_KEY)
    return { privateKey: env.IDENTITY_PRIVATE_KEY, publicKey: env.IDENTITY_PUBLIC_KEY };
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as IdentityKeys;
  const keys = await generateIdentityKeyPair();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
