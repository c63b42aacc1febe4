// Helpers for documents in the browser suites (documents.test.mjs, appointments.test.mjs, marriage-archive.test.mjs).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { findJar } from './app.mjs'
import { as } from './counter-ui.mjs'

/** The URL in the QR code of the PDF's first page: pdftoppm renders it, ZXing's command-line reader (in the jar) decodes it. */
export function qrOf(pdfFile) {
  const png = pdfFile.replace(/\.pdf$/, '')
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfFile, png])
  const out = execFileSync('java', ['-cp', findJar(), '-Dloader.main=com.google.zxing.client.j2se.CommandLineRunner',
    'org.springframework.boot.loader.launch.PropertiesLauncher', '--try_harder', `${png}.png`], { encoding: 'utf8' })
  const match = out.match(/Parsed result:\s*\n(\S+)/)
  assert.ok(match, `a QR code on the page: ${out}`)
  return { url: match[1], png: `${png}.png` }
}

/**
 * Calls on the API as the counter's people, for the suite's application: a marriage registered at the counter through
 * the API (counter.test.mjs drives the same steps through the UI), for the suites that start from one.
 */
export function registrarApi(suite) {
  async function call(method, url, user, body) {
    const r = await fetch(`${suite.app.baseUrl}${url}`, { method, headers: as(user), body: body ? JSON.stringify(body) : undefined })
    const text = await r.text()
    assert.ok(r.ok, `${method} ${url}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }

  /** The open task of a case in the registrar's queue, once the background checks have run (at most 60 s). */
  async function taskOf(no) {
    for (let i = 0; i < 120; i++) {
      const queue = await call('GET', '/api/tasks?size=100', 'clerk-marriage')
      const item = queue.items.find((x) => x.applicationNo === no)
      if (item) return item.taskId
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`no task of ${no}`)
  }

  /** 王小明 and 吴婷 (the bride's number {@code brideId}) registered by clerk-marriage: the case's number. */
  async function registeredMarriage(brideId = '44200020030303134X') {
    const data = {
      district: 'shiqi', partyAName: '王小明', partyAIdNumber: '442000200003151315', partyAPhone: '13800000001',
      partyADeclaredStatus: 'SINGLE', partyBName: '吴婷', partyBIdNumber: brideId, partyBPhone: '13800000002',
      partyBDeclaredStatus: 'SINGLE', bothPresent: true,
    }
    const { applicationNo: no } = await call('POST', '/api/applications', 'clerk-marriage', { serviceCode: 'marriage-registration', data })
    await call('POST', `/api/tasks/${await taskOf(no)}/complete`, 'clerk-marriage', {
      data: { counselling: 'declined', declarationSignedA: true, declarationSignedB: true, decision: 'register' },
    })
    await call('POST', `/api/tasks/${await taskOf(no)}/complete`, 'clerk-marriage', { data: { bothSigned: true, certificatesHanded: true } })
    return no
  }

  return { call, taskOf, registeredMarriage }
}
