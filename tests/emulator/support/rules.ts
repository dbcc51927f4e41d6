// The rules tests' environment: firestore.rules loaded into the Firestore emulator under a project
// of each test file's own, so clearing it never touches another file's data.
import { readFileSync } from 'node:fs'
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { setLogLevel } from 'firebase/firestore'
import { EMULATOR_PORTS } from '../../../src/domain/shared/platform'

export function rulesTestEnvironment(projectId: string): Promise<RulesTestEnvironment> {
  // Denied writes are the point of these tests; keep the SDK from logging each one.
  setLogLevel('silent')
  return initializeTestEnvironment({
    projectId,
    firestore: { rules: readFileSync('firestore.rules', 'utf8'), host: '127.0.0.1', port: EMULATOR_PORTS.firestore },
  })
}
