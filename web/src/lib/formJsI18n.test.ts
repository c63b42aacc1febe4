import { describe, expect, it } from 'vitest'
import { localizeFormJs, translateControlText, translateValidation, translateValidator } from './formJsI18n'

describe("form-js's own texts", () => {
  it('translates the validation messages into Chinese and leaves a form’s own message alone', () => {
    expect(translateValidation('Field is required.', 'zh-CN')).toBe('此项为必填项。')
    expect(translateValidation('Field must have maximum length of 200.', 'zh-CN')).toBe('不能超过 200 个字。')
    expect(translateValidation('Value is expected to have at most 2 decimal digits.', 'zh-CN')).toBe('最多保留 2 位小数。')
    expect(translateValidation('Field must match pattern ^\\d{18}$.', 'zh-CN')).toBe('格式不正确。')
    expect(translateValidation('请输入18位身份证号码', 'zh-CN')).toBe('请输入18位身份证号码')
    expect(translateValidation('Field is required.', 'en')).toBe('Field is required.')
  })

  it('wraps the validator so that every message it returns is translated', () => {
    const validator: Record<string, unknown> = { validateFieldInstance: () => ['Field is required.', 'Value is not a number.'] }
    translateValidator(validator, 'zh-CN')
    expect((validator.validateFieldInstance as () => string[])()).toEqual(['此项为必填项。', '请输入数字。'])
  })

  it('translates control texts in the DOM, also those rendered later', async () => {
    expect(translateControlText('Expand all (3)', 'zh-CN')).toBe('展开全部（3）')
    expect(translateControlText('Add new', 'en')).toBeNull()
    const root = document.createElement('div')
    root.innerHTML = '<input placeholder="Search"><button> Add new</button><button aria-label="Remove list item 2"></button>'
    const stop = localizeFormJs(root, 'zh-CN')
    expect(root.querySelector('input')!.getAttribute('placeholder')).toBe('搜索')
    expect(root.querySelectorAll('button')[0].textContent).toBe(' 新增一项')
    expect(root.querySelectorAll('button')[1].getAttribute('aria-label')).toBe('删除第 2 项')
    const later = document.createElement('span')
    later.textContent = 'No results'
    root.appendChild(later)
    await new Promise((r) => setTimeout(r, 0))
    expect(later.textContent).toBe('无匹配项')
    stop()
  })
})
