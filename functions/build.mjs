// Bundles the functions together with the shared club rules from ../src/domain, so the deployed
// lib/index.js carries the same code the app shows. firebase-admin and firebase-functions stay
// external: Cloud Functions installs them from this package.json.
import { build } from 'esbuild'

const started = Date.now()
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['firebase-admin', 'firebase-functions'],
  logLevel: 'warning',
})
console.log(`functions built in ${Date.now() - started} ms → functions/lib/index.cjs`)
