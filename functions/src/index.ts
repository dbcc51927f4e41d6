// Only exports: each callable or job lives in its own file. config.ts comes first so the global
// options (region) apply to every function defined after it.
import './config'

export { joinClub } from './members/join-club'
