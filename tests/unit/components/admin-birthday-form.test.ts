// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/domain/shared/errors'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  correctBirthday: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/admin-api', () => api)

const { default: AdminBirthdayForm } = await import('@/components/admin/members/AdminBirthdayForm.vue')

function mountForm(birthday: string | null = null) {
  return mount(AdminBirthdayForm, { props: { memberNo: '51234675', birthday, calendar: 'gregorian' } })
}

async function submit(wrapper: ReturnType<typeof mountForm>, values: { date: string; reason: string; hebrew?: boolean }) {
  await wrapper.find('input[type=date]').setValue(values.date)
  if (values.hebrew) await wrapper.find('input[value=hebrew]').setValue(true)
  await wrapper.findAll('input[type=text]').at(-1)!.setValue(values.reason)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'en'
  api.correctBirthday.mockReset()
})

describe('the birthday correction form', () => {
  it('sends nothing without a real past date and a reason, and says why', async () => {
    const wrapper = mountForm()
    expect(wrapper.text()).toContain('Not set')
    await submit(wrapper, { date: '2999-01-01', reason: 'x' })
    expect(api.correctBirthday).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Enter a real past date of birth.')
    expect(wrapper.text()).toContain('Write the reason for the correction, 3 to 200 characters.')
  })

  it('corrects the date and the calendar with the trimmed reason, and shows when the next gift may come', async () => {
    api.correctBirthday.mockResolvedValue({ birthday: '1990-03-14', calendar: 'hebrew', nextGiftOn: '2027-03-01' })
    const wrapper = mountForm('1990-04-14')
    await submit(wrapper, { date: '1990-03-14', reason: '  Typo at sign-up  ', hebrew: true })
    expect(api.correctBirthday).toHaveBeenCalledWith({ memberNo: '51234675', birthday: '1990-03-14', calendar: 'hebrew', reason: 'Typo at sign-up' })
    expect(wrapper.find('[role=status]').text()).toMatch(/^Saved\. The next birthday gift can come from .*2027/)
  })

  it('shows the server’s reason when it refuses', async () => {
    api.correctBirthday.mockRejectedValue(new AppError('not-found', 'No member has this number.', [], 'unknown-member'))
    const wrapper = mountForm()
    await submit(wrapper, { date: '1990-03-14', reason: 'Checked with the member' })
    expect(wrapper.text()).toContain('No member has this number. Check the digits.')
  })
})
