// The import-cycle check of `npm run lint` (docs/decisions/019-layering.md). It replaces
// eslint-plugin-import's no-cycle, which resolved the whole graph again for every
// file and took three quarters of the lint step's time (docs/decisions/015).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: layers point one way (route → action → data).',
      from: {},
      // A cycle made only of `import type` is erased at build time, as import/no-cycle allowed.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^node_modules', '^\\.next', '^lib/generated', '^tests/fixtures', '^scripts/schema-engine'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
  },
};
