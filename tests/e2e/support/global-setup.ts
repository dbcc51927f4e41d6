import { seedDemoClub } from '../../../scripts/seed-club'
import { admin } from '../../emulator/support/emulators'

/** The end-to-end tests run against the seeded demo club (seeding again changes nothing). */
export default async function globalSetup(): Promise<void> {
  const { db, auth } = admin()
  await seedDemoClub(db, auth)
}
