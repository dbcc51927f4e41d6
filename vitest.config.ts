import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

// Two layers: pure tests that run in about a second, and tests that need the Firebase emulators
// (run through scripts/with-emulators.mjs or npm test, one file at a time: they share the emulators).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Store and component tests choose happy-dom per file (`// @vitest-environment happy-dom`).
        plugins: [vue()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'emulator',
          include: ['tests/emulator/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // Between files the Functions emulator drops its idle workers (see the file).
          setupFiles: ['tests/emulator/support/fresh-workers.ts'],
          // 20 calls at once start 20 Functions workers (about a CPU-second each) on two cores: a
          // race test takes 15–30 s on a loaded machine, and must not fail for that alone.
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // One more try for a test that failed, as Playwright does: on two shared cores, 20-way
          // races against three emulators now and then miss a deadline. npm test's summary names
          // every test that needed it (its first failure is kept in the report), so a flaky test
          // is seen and mended rather than hidden; a broken behaviour fails both tries.
          retry: 1,
        },
      },
    ],
  },
})
