import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web app lives in client/; `vite build` writes it to dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  // The manifest maps each page to its chunks, for scripts/bundle-report.mjs.
  build: { outDir: '../dist/client', emptyOutDir: true, manifest: true },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/sync': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
})
