/**
 * form-js (1.x) has no translation support: its validation messages and a few control texts are English literals.
 * The validation messages are translated where they are made (the viewer's `validator` service is wrapped); the
 * control texts (search box, "Add new", list buttons) are translated in the rendered DOM, also when it re-renders.
 */
type Rule = [RegExp, (m: RegExpMatchArray) => string]

const VALIDATION_ZH: Rule[] = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少需要 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `不能超过 ${m[1]} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must match pattern .*$/s, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请输入有效的电话号码。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (\S+) and (\S+)\.$/, (m) => `请输入有效值，最接近的有效值为 ${m[1]} 或 ${m[2]}。`],
]

const VALIDATION_EN: Rule[] = [
  // form-js's own text has a double space and asks for an international number; the forms take Chinese numbers.
  [/^Field must be a valid\s+international phone number.*$/, () => 'Field must be a valid phone number.'],
]

const TEXT_ZH: Rule[] = [
  [/^Search$/, () => '搜索'],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '无匹配项'],
  [/^All values selected$/, () => '已全部选择'],
  [/^Add new$/, () => '新增一项'],
  [/^Expand all \((\d+)\)$/, (m) => `展开全部（${m[1]}）`],
  [/^Collapse$/, () => '收起'],
  [/^Increment$/, () => '增加'],
  [/^Decrement$/, () => '减少'],
  [/^Remove tag$/, () => '移除'],
  [/^Remove list item (\d+)$/, (m) => `删除第 ${m[1]} 项`],
  [/^Previous page$/, () => '上一页'],
  [/^Next page$/, () => '下一页'],
  [/^Download (.+)$/, (m) => `下载 ${m[1]}`],
]

function apply(rules: Rule[], text: string): string | null {
  for (const [pattern, replace] of rules) {
    const m = text.match(pattern)
    if (m) return replace(m)
  }
  return null
}

/** One of form-js's validation messages in the reader's language (unknown ones, e.g. a form's own, unchanged). */
export function translateValidation(message: string, language: string): string {
  return apply(language === 'en' ? VALIDATION_EN : VALIDATION_ZH, message) ?? message
}

/** One of form-js's control texts in Chinese; null when it is not one of them. */
export function translateControlText(text: string, language: string): string | null {
  return language === 'en' ? null : apply(TEXT_ZH, text.trim())
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title']

/** Translates form-js's control texts under `root` now and whenever form-js renders again; returns a stop function. */
export function localizeFormJs(root: HTMLElement, language: string): () => void {
  if (language === 'en') return () => undefined
  const fixElement = (el: Element) => {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name)
      const translated = value ? translateControlText(value, language) : null
      if (translated) el.setAttribute(name, translated)
    }
  }
  const fixText = (node: Node) => {
    const translated = node.nodeValue ? translateControlText(node.nodeValue, language) : null
    if (translated) node.nodeValue = node.nodeValue!.replace(node.nodeValue!.trim(), translated)
  }
  const fixTree = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return fixText(node)
    if (node.nodeType !== Node.ELEMENT_NODE) return
    fixElement(node as Element)
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) fixText(n)
      else fixElement(n as Element)
    }
  }
  fixTree(root)
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(fixTree)
      else if (r.type === 'characterData') fixText(r.target)
      else if (r.type === 'attributes') fixElement(r.target as Element)
    }
  })
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES })
  return () => observer.disconnect()
}

/** Wraps form-js's validator so that every message it makes comes in the reader's language. */
export function translateValidator(validator: Record<string, unknown>, language: string) {
  for (const name of ['validateField', 'validateFieldInstance']) {
    const original = validator[name]
    if (typeof original !== 'function') continue
    validator[name] = (...args: unknown[]) =>
      (original.apply(validator, args) as string[]).map((m) => translateValidation(m, language))
  }
}
