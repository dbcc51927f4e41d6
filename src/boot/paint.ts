// Inlined in index.html's body right after `#app` (vite.config.ts, `bootScripts`), before the
// landing page's markup and the app's module: paints the card for a returning member from the
// device alone.
import { bootLocale } from './device'
import { paintCard } from './paint-card'
import { qrPath } from './qr-path'

const state = window.__moadonBoot
if (state) state.qrPath = qrPath
if (state?.mode === 'card') {
  const card = state.card
  const root = document.getElementById('app')
  if (card && root) state.painted = paintCard(root, card, bootLocale(), (token) => (state.token = token))
}
