import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// The project graph is the architecture: tags say what may depend on what.
//   scope:<service> — one service's own code; scope:shared — code any service may use.
//   type:app / type:lib / type:tooling / type:bench.
// bench/ reaches an app only through the entry the app exports for it (`@tutti/<app>/bench`,
// apps/<app>/src/bench-exports.ts); nothing else may import those entries.
const BENCH_ENTRIES = '@tutti/*/bench';
/** Tags and what they may depend on; specs may also use tooling libs (e.g. a private Redis to stop and restart). */
function boundaries(inSpecs) {
  const libs = inSpecs ? ['type:lib', 'type:tooling'] : ['type:lib'];
  return {
    enforceBuildableLibDependency: false,
    allow: ['@tutti/**/bench'],
    // tools/runtime/register.js requires platform's tracing preload only when a collector is named, so
    // the graph sees platform as lazy-loaded by tools; it is a preload, not a code split.
    checkDynamicDependenciesExceptions: ['@tutti/platform'],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: libs },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: libs },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
      { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
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
    // Nest reads constructor parameter types at run time (decorator metadata), so a class imported only
    // as a type in a decorated file must stay a value import: with these two options the rule below
    // leaves decorated files alone instead of "fixing" them into broken injection.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: [BENCH_ENTRIES], message: "Only bench/ imports an app's bench entry." }] }],
    },
  },
  {
    files: ['bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
];
