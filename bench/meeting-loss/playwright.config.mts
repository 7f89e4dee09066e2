// The quality-under-loss benchmark (bench/meeting-loss.sh), run from web/ with web/node_modules; not part of the e2e suite.
// No import of @playwright/test here: bench/ has no node_modules, and a plain object is a valid config.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
export default {
  testDir: '.',
  testMatch: '*.bench.mts',
  workers: 1,
  retries: 0,
  timeout: 3_600_000,
  reporter: 'list',
  outputDir: '../../web/e2e-results/bench',
  use: { baseURL: env.QUEQIAO_BASE_URL ?? 'http://127.0.0.1:8080', locale: 'zh-CN' },
};
