import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// The project graph is the architecture: tags say what may depend on what.
//   scope:<service> — one service's own code; scope:shared — code any service may use.
//   type:app / type:lib / type:tooling.
export default [
  { ignores: ['**/node_modules', '**/dist', '.tutti/**', '.nx/**', 'apps/web/dist/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
            { sourceTag: 'scope:scheduling', onlyDependOnLibsWithTags: ['scope:shared', 'scope:scheduling'] },
            { sourceTag: 'scope:instrument-loan', onlyDependOnLibsWithTags: ['scope:shared', 'scope:instrument-loan'] },
            { sourceTag: 'scope:performance-event', onlyDependOnLibsWithTags: ['scope:shared', 'scope:performance-event'] },
            { sourceTag: 'scope:parent-engagement', onlyDependOnLibsWithTags: ['scope:shared', 'scope:parent-engagement'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
