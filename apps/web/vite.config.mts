import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The message catalogues (src/i18n/**\/*.json, `{ key: { message, description } }`) reach the
 * browser as `{ key: ICU syntax tree }`: parsed here, at build time, so that the ICU parser stays
 * out of the bundle (it is aliased to FormatJS's no-parser entry below) and descriptions are not
 * shipped. A message that does not parse fails the build.
 */
function precompiledCatalogues(): Plugin {
  return {
    name: 'tutti:precompiled-catalogues',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]i18n[\\/].+\.json$/.test(id)) return null;
      const file = JSON.parse(code) as Record<string, { message: string }>;
      const compiled = Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, parse(entry.message)]));
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

/** The web app, built to apps/web/dist and served by the gateway (WEB_DIST_DIR). `vite` alone proxies the API to a gateway on :3000. */
export default defineConfig({
  root,
  plugins: [precompiledCatalogues(), react()],
  resolve: {
    alias: [
      { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
      // The conflict rules a page explains come from the contracts the services throw them by.
      { find: /^@tutti\/contracts$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
    ],
  },
  // public/ holds the pre-React placeholder page the gateway served; nothing of it belongs in the build.
  publicDir: false,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: Object.fromEntries(['/api', '/auth', '/identity', '/areas'].map((prefix) => [prefix, 'http://localhost:3000'])),
  },
});
