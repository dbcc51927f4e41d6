// English messages, by section (src/i18n/en/<section>.ts). he.ts must have exactly the same keys:
// each Hebrew section is typed by its English one, and a unit test checks both.
import core from './en/core'
import account from './en/account'
import points from './en/points'
import partners from './en/partners'
import staff from './en/staff'
import referrals from './en/referrals'
import earn from './en/earn'
import community from './en/community'
import messages from './en/messages'
import plans from './en/plans'
import household from './en/household'
import errors from './en/errors'
import admin from './en/admin'
import adminConfig from './en/adminConfig'
import adminReports from './en/adminReports'
import adminStaff from './en/adminStaff'

const en = { ...core, ...account, ...points, ...partners, ...staff, ...referrals, ...earn, ...community, ...messages, ...plans, ...household, ...errors, ...admin, ...adminConfig, ...adminReports, ...adminStaff }

export default en
export type MessageSchema = typeof en
