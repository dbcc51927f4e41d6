// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import SchemaForm from '@/components/admin/config/SchemaForm.vue'
import { configFormNode, configSchema, hiddenFields, prepareForSchema } from '@/domain/admin/config-form-checks'
import type { FormIssue } from '@/domain/admin/config-form-checks'
import { CONFIG_KINDS, type ConfigKind, type JsonObject } from '@/domain/admin/config-items'
import { locale } from '../support/i18n-instance'
import { demoItems } from '../support/config-items'

function mountForm(kind: ConfigKind, data: JsonObject, extraIssues: FormIssue[] = []) {
  const wrapper = mount(SchemaForm, {
    props: {
      schema: configSchema(kind),
      node: configFormNode(kind),
      labels: kind,
      prepare: (value: unknown) => prepareForSchema(kind, value),
      hidden: hiddenFields(kind),
      extraIssues,
      modelValue: data,
      'onUpdate:modelValue': (value: unknown) => wrapper.setProps({ modelValue: value }),
    },
    attachTo: document.body,
  })
  return wrapper
}

type Wrapper = ReturnType<typeof mountForm>
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's data is any item, read freely by each test
const model = (wrapper: Wrapper) => wrapper.props("modelValue") as Record<string, any>
const field = (wrapper: Wrapper, path: string) => wrapper.find(`[data-path="${path}"]`)
const input = (wrapper: Wrapper, path: string) => wrapper.find(`#cfg-${path.replace(/[^\w-]/g, '_')}`)

/** Every place in the data that holds a value (a pair's languages each count as one). */
function leaves(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [path.join('.')] : value.flatMap((item, i) => leaves(item, [...path, String(i)]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]))
  return [path.join('.')]
}

beforeEach(() => {
  locale.value = 'en'
  document.body.innerHTML = ''
})

describe('the schema-driven form', () => {
  it('draws every field of each kind’s seeded item, with no "unsupported" fallback and no problem', async () => {
    const items = demoItems()
    for (const kind of CONFIG_KINDS) {
      const wrapper = mountForm(kind, items[kind])
      await flushPromises()
      expect(wrapper.findAll('[data-unsupported]'), kind).toHaveLength(0)
      expect(wrapper.find('[data-testid="config-issue-summary"]').exists(), kind).toBe(false)
      const hidden = hiddenFields(kind)
      const missing = leaves(items[kind]).filter((path) => !hidden.includes(path.split('.')[0]!) && !field(wrapper, path).exists())
      expect(missing, kind).toEqual([])
      wrapper.unmount()
    }
  })

  it('shows an invalid tier threshold at its field and in the summary, and clears it once fixed', async () => {
    const wrapper = mountForm('club', demoItems().club)
    await input(wrapper, 'tiers.1.threshold').setValue('0')
    expect(model(wrapper).tiers[1].threshold).toBe(0)
    expect(field(wrapper, 'tiers.1.threshold').text()).toContain('Each tier’s threshold must be higher than the one before.')
    expect(input(wrapper, 'tiers.1.threshold').attributes('aria-invalid')).toBe('true')
    const summary = wrapper.find('[data-testid="config-issue-summary"]')
    expect(summary.text()).toContain('Tiers › 2 › Threshold')
    expect(summary.find('a').attributes('href')).toBe('#cfg-tiers_1_threshold')

    await input(wrapper, 'tiers.1.threshold').setValue('1500')
    expect(model(wrapper).tiers[1].threshold).toBe(1500)
    expect(field(wrapper, 'tiers.1.threshold').text()).not.toContain('must be higher')
    expect(wrapper.find('[data-testid="config-issue-summary"]').exists()).toBe(false)
  })

  it('never turns an emptied number into 0, and keeps a typed 0.1 a number', async () => {
    const wrapper = mountForm('club', demoItems().club)
    const rate = input(wrapper, 'earning.pointsPerShekel')
    await rate.setValue('')
    expect(model(wrapper).earning.pointsPerShekel).toBe('')
    expect(field(wrapper, 'earning.pointsPerShekel').text()).toContain('Enter a number.')
    await rate.setValue('0.1')
    expect(model(wrapper).earning.pointsPerShekel).toBe(0.1)
    expect((rate.element as HTMLInputElement).value).toBe('0.1')
    expect(field(wrapper, 'earning.pointsPerShekel').text()).not.toContain('Enter a number.')
  })

  it('edits text in both languages side by side, each in its own direction', async () => {
    const wrapper = mountForm('partner', demoItems().partner)
    const he = wrapper.find('[data-path="name.he"]')
    const en = wrapper.find('[data-path="name.en"]')
    expect(he.attributes()).toMatchObject({ lang: 'he', dir: 'rtl' })
    expect(en.attributes()).toMatchObject({ lang: 'en', dir: 'ltr' })
    await he.setValue('')
    expect(model(wrapper).name).toEqual({ he: '', en: demoItems().partner.name && (demoItems().partner.name as { en: string }).en })
    expect(field(wrapper, 'name').text()).toContain('Required.')
    await he.setValue('קפה שחר החדש')
    expect(model(wrapper).name.he).toBe('קפה שחר החדש')
    expect(field(wrapper, 'name').text()).not.toContain('Required.')
  })

  it('adds, moves and removes items of a list', async () => {
    const club = demoItems().club
    const wrapper = mountForm('club', club)
    const before = (club.tiers as unknown[]).length
    await wrapper.find('[data-testid="add-tiers"]').trigger('click')
    expect(model(wrapper).tiers).toHaveLength(before + 1)
    // A new tier starts empty: the form asks for what the schema needs.
    expect(field(wrapper, `tiers.${before}.threshold`).text()).toContain('Enter a number.')
    expect(wrapper.find('[data-testid="config-issue-summary"]').exists()).toBe(true)

    const first = model(wrapper).tiers[0].id
    await wrapper.find('[data-path="tiers"] [aria-label$="down"]').trigger('click')
    expect(model(wrapper).tiers[1].id).toBe(first)
    await wrapper.find('[data-path="tiers"] [aria-label$="down"]').trigger('click')
    expect(model(wrapper).tiers[0].id).toBe(first)

    await wrapper.find(`[data-testid="remove-tiers.${before}"]`).trigger('click')
    expect(model(wrapper).tiers).toEqual(club.tiers)
    expect(wrapper.find('[data-testid="config-issue-summary"]').exists()).toBe(false)
  })

  it('switches the shape of a discriminated union, keeping the fields both shapes share', async () => {
    const survey = demoItems().survey
    const wrapper = mountForm('survey', survey)
    const select = wrapper.find('select[data-path="questions.0.type"]')
    const id = model(wrapper).questions[0].id
    await select.setValue('text')
    expect(model(wrapper).questions[0]).toMatchObject({ id, type: 'text', minLength: '', maxLength: '' })
    expect(field(wrapper, 'questions.0.maxLength').text()).toContain('Enter a number.')
  })

  it('shows the server’s issues at their fields, like its own', async () => {
    const wrapper = mountForm('club', demoItems().club, [{ path: 'earning.pointsPerShekel', code: 'server', text: 'refused by the server', params: {}, from: 'server' }])
    expect(field(wrapper, 'earning.pointsPerShekel').text()).toContain('refused by the server')
    expect(wrapper.find('[data-testid="config-issue-summary"]').text()).toContain('Earning rules › Points per shekel')
  })

  it('speaks Hebrew in Hebrew', async () => {
    locale.value = 'he'
    const wrapper = mountForm('club', demoItems().club)
    await input(wrapper, 'earning.pointsPerShekel').setValue('')
    expect(field(wrapper, 'earning.pointsPerShekel').text()).toContain('נקודות על כל שקל')
    expect(field(wrapper, 'earning.pointsPerShekel').text()).toContain('יש להזין מספר.')
  })
})
