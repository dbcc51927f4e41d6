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
