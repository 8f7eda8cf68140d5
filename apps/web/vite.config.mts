import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app, built to apps/web/dist and served by the gateway (WEB_DIST_DIR). `vite` alone proxies the API to a gateway on :3000. */
export default defineConfig({
  root,
  plugins: [react()],
  // public/ holds the pre-React placeholder page the gateway served; nothing of it belongs in the build.
  publicDir: false,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: Object.fromEntries(['/api', '/auth', '/identity', '/areas'].map((prefix) => [prefix, 'http://localhost:3000'])),
  },
});
