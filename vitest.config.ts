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
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
