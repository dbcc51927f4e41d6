// The entry. The boot scripts inlined in index.html (src/boot/) have already painted the first
// frame: the card, or the visitors' landing page (which never loads the app; its links open the
// app's screens as pages of their own). The app is a chunk of its own, fetched once the card's
// code is on screen, so that its evaluation never delays that first frame.
import type { BootState } from './boot/state'

const boot: BootState | undefined = window.__moadonBoot
if (boot?.mode !== 'landing') void (boot?.painted?.catch(() => undefined) ?? Promise.resolve()).then(() => import('./app'))
