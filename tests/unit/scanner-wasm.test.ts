import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Their package.json files are not exported; read them where npm installs them.
const manifest = (name: string) => JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8'))

describe('the QR decoder', () => {
  it('serves the wasm of the very zxing-wasm version the barcode-detector ponyfill runs', () => {
    // The app serves zxing-wasm's reader wasm itself (no CDN); a different version than the
    // ponyfill's own JavaScript fails to decode anything, silently.
    expect(manifest('zxing-wasm').version).toBe(manifest('barcode-detector').dependencies['zxing-wasm'])
  })
})
