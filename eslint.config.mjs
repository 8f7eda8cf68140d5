import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// The project graph is the architecture: tags say what may depend on what.
//   scope:<service> — one service's own code; scope:shared — code any service may use.
//   type:app / type:lib / type:tooling.
/** Tags and what they may depend on; specs may also use tooling libs (e.g. a private Redis to stop and restart). */
function boundaries(inSpecs) {
  const libs = inSpecs ? ['type:lib', 'type:tooling'] : ['type:lib'];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: libs },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: libs },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
      { sourceTag: 'scope:scheduling', onlyDependOnLibsWithTags: ['scope:shared', 'scope:scheduling'] },
      { sourceTag: 'scope:instrument-loan', onlyDependOnLibsWithTags: ['scope:shared', 'scope:instrument-loan'] },
      { sourceTag: 'scope:performance-event', onlyDependOnLibsWithTags: ['scope:shared', 'scope:performance-event'] },
      { sourceTag: 'scope:parent-engagement', onlyDependOnLibsWithTags: ['scope:shared', 'scope:parent-engagement'] },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  };
}

export default [
  { ignores: ['**/node_modules', '**/dist', '.tutti/**', '.nx/**', 'apps/web/dist/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
];
