import { defineConfig } from 'vite';

// widget.js: the embedding script customers put on their sites, at a stable URL (/widget.js, no hash
// in the name) and as a classic script (an IIFE), so `<script src=… async>` works without type="module".
// Built after the app into the same dist/ (the server serves dist/ at /).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist', emptyOutDir: false, sourcemap: false, copyPublicDir: false,
    lib: { entry: 'src/widget/loader.ts', formats: ['iife'], name: 'QueqiaoWidgetLoader', fileName: () => 'widget.js' },
  },
});
