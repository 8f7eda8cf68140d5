import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

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

/**
 * The English catalogue is the first thing the app fetches once its script runs (the sign-in page has
 * no words until it arrives): a modulepreload hint in index.html fetches it alongside the script
 * instead of one round trip after it. A reader who chose another language fetches theirs as before.
 */
function preloadEnglishCatalogue(): Plugin {
  return {
    name: 'tutti:preload-english-catalogue',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const english = Object.values(context.bundle ?? {}).find(
          (item) => item.type === 'chunk' && /[\\/]src[\\/]i18n[\\/]messages[\\/]en\.json$/.test(item.facadeModuleId ?? ''),
        );
        if (!english) throw new Error('the build has no chunk of the English catalogue to preload');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${english.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/** The web app, built to apps/web/dist and served by the gateway (WEB_DIST_DIR). `vite` alone proxies the API to a gateway on :3000. */
export default defineConfig({
  root,
  // Each asset also written as .gz and .br beside it, which the gateway serves to a browser that accepts them.
  plugins: [
    precompiledCatalogues(),
    react(),
    preloadEnglishCatalogue(),
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 }),
  ],
  resolve: {
    alias: [
      // Pages are written against React's API and run on Preact's: react-dom alone was 207 of the parent's
      // 275 kB of JavaScript; with preact/compat the parent's first load fell from 96.8 to 37.1 kB gzip
      // (bench/web-first-load.bench.ts), under the 70 kB a cheap phone on a slow connection can afford.
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
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
