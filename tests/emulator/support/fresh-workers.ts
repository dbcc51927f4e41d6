// Runs after every emulator test file (vitest `setupFiles`): stops the Functions emulator's idle
// workers before the next file. The emulator starts a worker process (~80 MB, the whole functions
// bundle) for each request that finds the others busy and never stops an idle one: a suite full
// of 20-way parallel tests ended with ~290 workers and the machine's 24 GB used up, which made
// later files slow and flaky. Between files no test request is in flight (triggers are waited
// for, below), so every worker is idle; the emulator notices each one exit and starts fresh ones as the next file needs them. (Reloading
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

/** CPU time (clock ticks) the workers have used so far: a worker running a trigger uses some. */
async function workerTicks(pids: number[]): Promise<number> {
  let ticks = 0
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
  }
  return ticks
}

/**
 * A file's writes set off triggers (inbox messages, a club-news fan-out) that may still be running
 * when its last test ends; a worker stopped in the middle of one leaves its Firestore transaction
 * open, and the emulator then refuses the next file's reset for tens of seconds. So the workers
 * are stopped only once none has used CPU for half a second (at most 10 seconds of waiting).
 */
async function waitForIdleWorkers(): Promise<void> {
  const deadline = Date.now() + 10_000
  let before = await workerTicks(await workerPids())
  let quiet = 0
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const now = await workerTicks(await workerPids())
    quiet = now === before ? quiet + 1 : 0
    before = now
  }
}

afterAll(async () => {
  if (process.platform !== 'linux') return
  await waitForIdleWorkers()
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
