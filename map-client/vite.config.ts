import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Builds into the API's wwwroot; content-hashed files go under /assets/ (served immutable), the service worker keeps a
// fixed name at the root so its scope is the whole site.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, '../api/StationMap.Api/wwwroot'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { main: resolve(__dirname, 'index.html'), moderation: resolve(__dirname, 'moderation.html'), places: resolve(__dirname, 'places.html'), sw: resolve(__dirname, 'src/sw.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        manualChunks: (id) => (id.includes('node_modules/maplibre-gl') ? 'maplibre' : undefined),
      },
    },
  },
  worker: { format: 'es' },
  test: { include: ['test/**/*.test.ts'] },
});
