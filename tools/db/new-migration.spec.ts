import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@tutti/contracts';
import { registerMigration } from './new-migration';

describe('registering a new migration', () => {
  it.each(SERVICE_NAMES)("in %s's database.ts adds its import after the others and puts it last in the list", (service) => {
    const before = readFileSync(join(__dirname, '..', '..', 'apps', service, 'src', 'database.ts'), 'utf8');
    const after = registerMigration(before, 'PupilNotes1799999999999', '1799999999999-pupil-notes');

    expect(after).toContain("import { PupilNotes1799999999999 } from './migrations/1799999999999-pupil-notes';");
    expect(after).toMatch(/_MIGRATIONS = \[[^\]]*,\s*PupilNotes1799999999999,?\s*\];/);
    // Nothing else changes.
    expect(
      after
        .replace("import { PupilNotes1799999999999 } from './migrations/1799999999999-pupil-notes';\n", '')
        .replace(/, PupilNotes1799999999999(?=\];)/, '')
        .replace(/\n\s*PupilNotes1799999999999,(?=\n\];)/, ''),
    ).toBe(before);
  });

  it('refuses a file it cannot read as a migration list, so nothing is half-registered', () => {
    expect(() => registerMigration('export const X = 1;\n', 'A1', '1-a')).toThrow(/register it by hand/);
  });
});

describe('registering a new migration in a list written one per line', () => {
  it('keeps one per line and the trailing comma', () => {
    const before = "import { A1 } from './migrations/1-a';\n\nexport const X_MIGRATIONS = [\n  ...MESSAGING_MIGRATIONS,\n  A1,\n];\n";
    expect(registerMigration(before, 'B2', '2-b')).toBe(
      "import { A1 } from './migrations/1-a';\nimport { B2 } from './migrations/2-b';\n\nexport const X_MIGRATIONS = [\n  ...MESSAGING_MIGRATIONS,\n  A1,\n  B2,\n];\n",
    );
  });
});
