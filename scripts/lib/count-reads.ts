import type { CDPSession, Page } from '@playwright/test'

/** What the page's Firestore SDK received from the server while the card opened. */
export interface Reads {
  /** Documents sent to the page: each `documentChange` on the Listen channel, each `runQuery` result and `batchGet` hit. */
  documents: number
  /**
   * Queries and document listeners that came back with nothing (a missing document, an empty
   * query, a resumed listener the server had nothing new for): Firestore bills each as 1 read.
   */
  emptyQueries: number
  /** Documents by their path (`members/abc`, `config/club`), each counted as often as it was sent. */
  byPath: Record<string, number>
}

/** What Firestore bills for an open: every document sent plus every empty answer. */
export const billedReads = (reads: Reads): number => reads.documents + reads.emptyQueries

/**
 * Counts the Firestore documents a Chromium page receives while `open` runs and for `settleMs`
 * after it (answers already on their way land and are counted with this open):
 *
 *   const reads = await countReads(page, async () => {
 *     await page.reload()
 *     await page.getByTestId('wallet-card').waitFor()
 *   })
 *
 * Call it with the page before the navigation that `open` makes. The server's answers are read off
 * the network through the DevTools protocol — the Listen channel's back channel (streamed or long
 * polled) and the REST `runQuery` and `batchGet` calls — so nothing in the app changes to be
 * counted. Documents answered from the SDK's own offline cache never reach the network and are
 * not counted, just as Firestore does not bill them.
 */
export async function countReads(page: Page, open: () => Promise<void>, settleMs = 3000): Promise<Reads> {
  const cdp = await page.context().newCDPSession(page)
  const bodies = new Map<string, { kind: Kind; channel: string; chunks: Buffer[] }>()
  const streaming = new Set<string>()
  await cdp.send('Network.enable')
  cdp.on('Network.responseReceived', (event) => {
    const kind = kindOf(event.response.url)
    if (!kind) return
    // Long polling sends one channel's messages over many requests; a page load has one channel.
    const channel = new URL(event.response.url).searchParams.get('SID') ?? event.requestId
    bodies.set(event.requestId, { kind, channel, chunks: [] })
    // The Listen channel stays open: its data is streamed as it arrives.
    if (kind !== 'listen') return
    cdp
      .send('Network.streamResourceContent', { requestId: event.requestId })
      .then(({ bufferedData }) => {
        streaming.add(event.requestId)
        bodies.get(event.requestId)?.chunks.unshift(Buffer.from(bufferedData, 'base64'))
      })
      .catch(() => undefined)
  })
  cdp.on('Network.dataReceived', (event) => {
    if (event.data && streaming.has(event.requestId)) bodies.get(event.requestId)?.chunks.push(Buffer.from(event.data, 'base64'))
  })
  // A response that ended before it could be streamed (a long poll, a REST answer) is read whole.
  cdp.on('Network.loadingFinished', (event) => {
    const body = bodies.get(event.requestId)
    if (!body || streaming.has(event.requestId)) return
    cdp
      .send('Network.getResponseBody', { requestId: event.requestId })
      .then((r) => (body.chunks = [Buffer.from(r.body, r.base64Encoded ? 'base64' : 'utf8')]))
      .catch(() => undefined)
  })
  try {
    await open()
    await page.waitForTimeout(settleMs)
  } finally {
    await detach(cdp)
  }
  return tally([...bodies.values()])
}

type Kind = 'listen' | 'runQuery' | 'batchGet'

function kindOf(url: string): Kind | null {
  // The back channel (RID=rpc) carries the server's messages; the forward channel only acknowledges.
  if (url.includes('/Listen/channel') && url.includes('RID=rpc')) return 'listen'
  if (url.includes(':runQuery')) return 'runQuery'
  if (url.includes(':batchGet')) return 'batchGet'
  return null
}

async function detach(cdp: CDPSession) {
  await cdp.detach().catch(() => undefined)
}

function tally(bodies: { kind: Kind; channel: string; chunks: Buffer[] }[]): Reads {
  const reads: Reads = { documents: 0, emptyQueries: 0, byPath: {} }
  const sent = (name: string) => {
    reads.documents++
    const path = name.split('/documents/')[1] ?? name
    reads.byPath[path] = (reads.byPath[path] ?? 0) + 1
  }
  // Listen targets are numbered per channel: one page load's target 2 is not the next load's.
  const targets = new Map<string, boolean>()
  bodies.forEach(({ kind, channel: load, chunks }) => {
    const text = Buffer.concat(chunks).toString('utf8')
    if (kind === 'listen') {
      for (const message of webChannelMessages(text)) {
        const change = (message as { documentChange?: { document: { name: string }; targetIds?: number[] } }).documentChange
        const target = (message as { targetChange?: { targetChangeType?: string; targetIds?: number[] } }).targetChange
        if (change) {
          sent(change.document.name)
          for (const id of change.targetIds ?? []) targets.set(`${load}:${id}`, true)
        }
        if (target?.targetChangeType === 'ADD') for (const id of target.targetIds ?? []) if (!targets.has(`${load}:${id}`)) targets.set(`${load}:${id}`, false)
      }
    } else {
      let found = 0
      for (const item of jsonArray(text)) {
        const document = (item as { document?: { name: string }; found?: { name: string } }).document ?? (item as { found?: { name: string } }).found
        if (document) {
          sent(document.name)
          found++
        }
      }
      if (found === 0) reads.emptyQueries++
    }
  })
  reads.emptyQueries += [...targets.values()].filter((hadDocuments) => !hadDocuments).length
  return reads
}

/**
 * The Listen channel's frames: `<length>\n<JSON array of [index, [message…]]>`, one after another.
 * Lengths count UTF-16 code units, as JavaScript strings do.
 */
export function webChannelMessages(body: string): unknown[] {
  const messages: unknown[] = []
  let at = 0
  while (at < body.length) {
    const newline = body.indexOf('\n', at)
    if (newline < 0) break
    const length = Number(body.slice(at, newline).trim())
    if (!Number.isFinite(length) || length <= 0) break
    const frame = body.slice(newline + 1, newline + 1 + length)
    at = newline + 1 + length
    try {
      for (const [, batch] of JSON.parse(frame) as [number, unknown[]][]) if (Array.isArray(batch)) messages.push(...batch)
    } catch {
      // A frame cut short by the page moving on: nothing after it is whole either.
      break
    }
  }
  return messages
}

/** A REST answer: one JSON array (runQuery and batchGet answer with a list of results). */
function jsonArray(body: string): unknown[] {
  try {
    const parsed = JSON.parse(body) as unknown
    return Array.isArray(parsed) ? parsed : [parsed]
  } catch {
    return []
  }
}
