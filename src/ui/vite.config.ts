import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/ui'),
    emptyOutDir: true,
    // One bundle for an admin app served from the seller's own machine: React, i18next and both languages'
    // catalogues are ~530 kB (~160 kB gzipped), read once; splitting would only add round trips.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/health': 'http://localhost:8080' } },
});
