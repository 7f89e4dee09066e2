import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Dev: `npm run dev` serves the client on :5173 and proxies the API to a server on :8080
// (QUEQIAO_DEV_API=http://127.0.0.1:18080 for another one).
// Two pages: the app (index.html) and the customer-service widget's frame (widget.html, loaded by
// widget.js on customers' sites; widget.js itself is built by vite.loader.config.ts).
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const apiTarget = env.QUEQIAO_DEV_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': apiTarget, '/health': apiTarget } },
  build: {
    outDir: 'dist', emptyOutDir: true, sourcemap: false,
    rollupOptions: { input: { main: 'index.html', widget: 'widget.html' } },
  },
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom' },
});
