/**
 * Deployment fixed points shared by the app, the functions and the scripts.
 * The region is set here once so client calls and server deployments can never disagree.
 */
export const FUNCTIONS_REGION = 'me-west1'
export const DEMO_PROJECT_ID = 'demo-moadon'

export const EMULATOR_PORTS = {
  auth: 9099,
  firestore: 8080,
  functions: 5001,
} as const

/**
 * Israel's time zone: the club calendar's default (expiry days, birthdays, caps per day) until the
 * club's configuration, which names its own, has loaded; and the nightly job's schedule.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Jerusalem'
