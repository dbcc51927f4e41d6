import type { MessageSchema } from './en'
import core from './he/core'
import account from './he/account'
import points from './he/points'
import partners from './he/partners'
import staff from './he/staff'
import referrals from './he/referrals'
import earn from './he/earn'
import community from './he/community'
import messages from './he/messages'
import plans from './he/plans'
import household from './he/household'
import errors from './he/errors'
import admin from './he/admin'
import adminConfig from './he/adminConfig'
import adminReports from './he/adminReports'
import adminStaff from './he/adminStaff'

// Hebrew messages, by section (src/i18n/he/<section>.ts), each typed by its English section.
const he: MessageSchema = { ...core, ...account, ...points, ...partners, ...staff, ...referrals, ...earn, ...community, ...messages, ...plans, ...household, ...errors, ...admin, ...adminConfig, ...adminReports, ...adminStaff }

export default he
