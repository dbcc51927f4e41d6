// Runs after every emulator test file (vitest `setupFiles`): stops the Functions emulator's idle
// workers before the next file. The emulator starts a worker process (~80 MB, the whole functions
// bundle) for each request that finds the others busy and never stops an idle one: a suite full
// of 20-way parallel tests ended with ~290 workers and the machine's 24 GB used up, which made
// later files slow and flaky. Between files no request is in flight, so every worker is idle; the
// emulator notices each one exit and starts fresh ones as the next file needs them. (Reloading
// the functions would also stop them, but requests during a reload fail.)
import { readdir, readFile } from 'node:fs/promises'
import { afterAll } from 'vitest'

async function workerPids(): Promise<number[]> {
  const pids: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    // A process may end between the listing and the read: it is no worker any more.
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    if (cmdline.includes('functionsEmulatorRuntime')) pids.push(Number(entry))
  }
  return pids
}

afterAll(async () => {
  if (process.platform !== 'linux') return
  for (const pid of await workerPids()) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch (error) {
      // Already gone is what we wanted; anything else is worth seeing.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    }
  }
  for (let i = 0; i < 40 && (await workerPids()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100))
}, 30_000)
