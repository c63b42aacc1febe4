// Helpers for documents in the browser suites (documents.test.mjs, appointments.test.mjs).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { findJar } from './app.mjs'

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
