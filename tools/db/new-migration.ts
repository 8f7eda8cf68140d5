/**
 * `npx nx run <service>:migration --name=<what-it-does>`: writes an empty, timestamped migration in
 * the service's migrations folder and registers it last in the service's `database.ts` list. The
 * schema is described by migrations written by hand (the services keep no entities to generate
 * them from); fill in `up` and `down`, then `npx nx run <service>:migrate`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVICE_NAMES, type ServiceName } from '@tutti/contracts';

const ROOT = join(__dirname, '..', '..');

function options(): { service: ServiceName; name: string } {
  const { values } = parseArgs({ options: { service: { type: 'string' }, name: { type: 'string' } } });
  const service = values.service ?? '';
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) throw new Error(`--service must be one of ${SERVICE_NAMES.join(', ')}`);
  const name = (values.name ?? '').trim();
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
    throw new Error('--name says what the migration does, in kebab-case: --name=pupil-characteristics');
  return { service: service as ServiceName, name };
}

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

/** Adds the import after the last migration import, and the class at the end of the MIGRATIONS list. */
export function registerMigration(databaseTs: string, className: string, fileStem: string): string {
  const importLine = `import { ${className} } from './migrations/${fileStem}';`;
  const imports = [...databaseTs.matchAll(/^import .* from '\.\/migrations\/.*';$/gm)];
  const last = imports.at(-1);
  if (!last) throw new Error('database.ts imports no migration from ./migrations/: register it by hand');
  const afterImports = last.index + last[0].length;
  let text = `${databaseTs.slice(0, afterImports)}\n${importLine}${databaseTs.slice(afterImports)}`;
  const list = /(_MIGRATIONS\s*=\s*\[)([\s\S]*?)(,?)(\s*)\];/.exec(text);
  if (!list) throw new Error('database.ts has no `..._MIGRATIONS = [...]` list: register it by hand');
  const [whole, open, items, trailingComma, closing] = list;
  // One line (`[A, B]`) or one item per line as the formatter writes a long list (`[\n  A,\n  B,\n]`).
  const indent = /\n([ \t]*)\S[^\n]*$/.exec(items)?.[1];
  const added =
    closing.includes('\n') && indent !== undefined ? `${items},\n${indent}${className}${trailingComma}` : `${items}, ${className}`;
  text = text.replace(whole, `${open}${added}${closing}];`);
  return text;
}

function main(): void {
  const { service, name } = options();
  const timestamp = Date.now();
  const className = `${pascal(name)}${timestamp}`;
  const fileStem = `${timestamp}-${name}`;
  const migrationPath = join(ROOT, 'apps', service, 'src', 'migrations', `${fileStem}.ts`);
  writeFileSync(
    migrationPath,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TODO: why the schema changes (the reader of a migration wants the reason, not the statement). */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(_runner: QueryRunner): Promise<void> {
    throw new Error('${className}.up is not written yet: tenant_id leads every key, and no rewrite of a big table');
  }

  async down(_runner: QueryRunner): Promise<void> {
    throw new Error('${className}.down is not written yet: it undoes up() exactly');
  }
}
`,
    { flag: 'wx' },
  );
  const databasePath = join(ROOT, 'apps', service, 'src', 'database.ts');
  writeFileSync(databasePath, registerMigration(readFileSync(databasePath, 'utf8'), className, fileStem));
  process.stdout.write(`wrote ${relative(ROOT, migrationPath)} and registered ${className} in ${relative(ROOT, databasePath)}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`migration: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
