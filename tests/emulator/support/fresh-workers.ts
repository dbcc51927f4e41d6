// Runs after every emulator test file (vitest `setupFiles`): lets the Functions emulator drop its
// idle workers before the next file. The emulator starts a worker process (~80 MB, the whole
// functions bundle) for each request that finds the others busy, and never stops an idle one: a
// suite full of 20-way parallel tests ended with ~290 workers and the machine's 24 GB used up,
// which then made later files slow and flaky. Changing a file in functions/lib makes the emulator
// reload its triggers and shut the idle workers down; the next file starts fresh ones as needed.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../../src/domain/shared/platform'

const STAMP = join(import.meta.dirname, '../../../functions/lib/emulator-reload.stamp')
const PROBE = `http://127.0.0.1:${EMULATOR_PORTS.functions}/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/getCardKey`

/** True once the reloaded emulator answers a callable as it should (here: sign in first). */
async function answering(): Promise<boolean> {
  try {
    const response = await fetch(PROBE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":{}}' })
    const body = (await response.json()) as { error?: { status?: string } }
    return body.error?.status === 'UNAUTHENTICATED'
  } catch {
    return false
  }
}

afterAll(async () => {
  await writeFile(STAMP, String(Date.now()))
  // The emulator waits a second after a change, then loads the bundle again.
  await new Promise((resolve) => setTimeout(resolve, 2500))
  for (let i = 0; i < 60 && !(await answering()); i++) await new Promise((resolve) => setTimeout(resolve, 500))
}, 60_000)
