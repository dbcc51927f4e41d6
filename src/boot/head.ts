// Inlined at the top of index.html (vite.config.ts, `bootScripts`): before the body paints, the
// page takes the member's language and direction and decides what the first frame shows.
import { bootLocale, bootMode, localeDirection } from './device'

const locale = bootLocale()
const root = document.documentElement
root.lang = locale
root.dir = localeDirection(locale)
// The card as read here is handed to the paint script: the device's JSON is parsed once.
const { mode, card } = bootMode(location.pathname)
root.dataset.boot = mode
window.__moadonBoot = { mode, card }
