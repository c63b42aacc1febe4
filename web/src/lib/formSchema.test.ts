import { describe, expect, it } from 'vitest'
import type { FormSchema } from '../api/types'
import { fileIdsOf, labelDateFields, mapFieldErrors, missingFiles, parseFieldPath, pickSources, splitFilepickers, withFileIds, withPickedOptions } from './formSchema'

const schema: FormSchema = {
  components: [
    { type: 'text', id: 'Text_Intro', text: 'intro' },
    { type: 'textfield', id: 'Field_deceasedIdNumber', key: 'deceasedIdNumber', label: 'ID' },
    {
      type: 'dynamiclist', id: 'Field_items', path: 'items', label: 'Items',
      components: [
        { type: 'select', id: 'Field_itemCode', key: 'itemCode', label: 'Item' },
        { type: 'number', id: 'Field_charge', key: 'charge', label: 'Charge' },
      ],
    },
    { type: 'filepicker', id: 'Field_cremationFile', key: 'cremationCertificateFile', label: 'Cremation', validate: { required: true }, accept: '.pdf' },
    { type: 'filepicker', id: 'Field_invoiceFile', key: 'invoiceFile', label: 'Invoices', validate: { required: true }, multiple: true },
    { type: 'filepicker', id: 'Field_deathFile', key: 'deathCertificateFile', label: 'Death certificate' },
  ],
}

const ID_A = '0b5c9b7e-8d7e-4d7e-9c8a-1a2b3c4d5e6f'
const ID_B = '1b5c9b7e-8d7e-4d7e-9c8a-1a2b3c4d5e6f'
const ID_C = '2b5c9b7e-8d7e-4d7e-9c8a-1a2b3c4d5e6f'

describe('filepicker fields', () => {
  it('are taken out of the schema for form-js and described for the upload inputs', () => {
    const split = splitFilepickers(schema)
    expect(split.schema.components.map((c) => c.type)).toEqual(['text', 'textfield', 'dynamiclist'])
    expect(split.files).toEqual([
      { id: 'Field_cremationFile', key: 'cremationCertificateFile', label: 'Cremation', required: true, multiple: false, accept: '.pdf' },
      { id: 'Field_invoiceFile', key: 'invoiceFile', label: 'Invoices', required: true, multiple: true, accept: '' },
      { id: 'Field_deathFile', key: 'deathCertificateFile', label: 'Death certificate', required: false, multiple: false, accept: '' },
    ])
    expect(schema.components).toHaveLength(6)
  })

  it('put one id for a single field, a list for a multiple field, and nothing for an empty one', () => {
    const { files } = splitFilepickers(schema)
    const data = withFileIds({ deceasedIdNumber: 'x', deathCertificateFile: 'files::stale' }, files, {
      cremationCertificateFile: [{ id: ID_A, fileName: 'a.pdf', size: 1 }],
      invoiceFile: [{ id: ID_B, fileName: 'b.pdf', size: 1 }, { id: ID_C, fileName: 'c.pdf', size: 1 }],
    })
    expect(data).toEqual({ deceasedIdNumber: 'x', cremationCertificateFile: ID_A, invoiceFile: [ID_B, ID_C] })
  })

  it('read the ids back from a case, and tell which required ones are missing', () => {
    const { files } = splitFilepickers(schema)
    expect(fileIdsOf({ cremationCertificateFile: ID_A, invoiceFile: [ID_B] }, files)).toEqual({
      cremationCertificateFile: [ID_A], invoiceFile: [ID_B], deathCertificateFile: [],
    })
    expect(missingFiles(files, { invoiceFile: [{ id: ID_B, fileName: 'b', size: 1 }] }).map((f) => f.key)).toEqual(['cremationCertificateFile'])
  })
})

describe('date fields', () => {
  it('show their localized label (form-js reads dateLabel)', () => {
    const fixed = labelDateFields({
      components: [
        { type: 'datetime', key: 'cremationDate', label: 'Date of cremation', subtype: 'date' },
        { type: 'datetime', key: 'dateOfDeath', label: 'Date of death', dateLabel: '死亡日期' },
        { type: 'textfield', key: 'x', label: 'X' },
      ],
    })
    expect(fixed.components.map((c) => c.dateLabel)).toEqual(['Date of cremation', 'Date of death', undefined])
  })
})

describe('backend field errors', () => {
  it('parse field paths of lists and items', () => {
    expect(parseFieldPath('deceasedIdNumber')).toEqual({ key: 'deceasedIdNumber', index: null, child: null })
    expect(parseFieldPath('items[2].charge')).toEqual({ key: 'items', index: 2, child: 'charge' })
    expect(parseFieldPath('items[0]')).toEqual({ key: 'items', index: 0, child: null })
  })

  it('land on the form-js field, the list item field, the upload input, or the message box', () => {
    const { schema: rendered, files } = splitFilepickers(schema)
    const mapped = mapFieldErrors(
      [
        { field: 'deceasedIdNumber', message: 'not a valid ID number' },
        { field: 'items[1].charge', message: 'too large' },
        { field: 'invoiceFile', message: 'not an attachment' },
        { field: 'district', message: 'district may not change' },
        { field: 'items[0]', message: 'not an object' },
      ],
      rendered,
      files,
    )
    expect(mapped.form).toEqual({
      Field_deceasedIdNumber: ['not a valid ID number'],
      Field_charge: [undefined, ['too large']],
    })
    expect(mapped.files).toEqual({ invoiceFile: 'not an attachment' })
    expect(mapped.other.map((e) => e.field)).toEqual(['district', 'items[0]'])
  })
})

describe('fields picked from what the platform lists', () => {
  const schema = {
    components: [
      { type: 'text', text: '实地核查' },
      {
        type: 'textfield',
        key: 'secondVerifier',
        label: '第二核查人',
        properties: { pickFrom: '/api/socialorg/verifiers' },
        validate: { required: true, pattern: '^[a-z]+$', maxLength: 64 },
      },
    ],
  }

  it('finds the addresses to ask', () => {
    expect(pickSources(schema)).toEqual(['/api/socialorg/verifiers'])
    expect(pickSources({ components: [{ type: 'textfield', key: 'x', properties: { pickFrom: 'http://elsewhere' } }] })).toEqual([])
  })

  it('turns the typed field into a select of names whose values are the accounts', () => {
    const picked = withPickedOptions(schema, { '/api/socialorg/verifiers': [{ id: 'chief', name: '赵科长' }] })
    const field = picked.components[1]
    expect(field.type).toBe('select')
    expect(field.values).toEqual([{ label: '赵科长', value: 'chief' }])
    expect(field.validate).toEqual({ required: true })
    expect(schema.components[1].type).toBe('textfield')
  })

  it('leaves the field typed when nobody is listed', () => {
    expect(withPickedOptions(schema, { '/api/socialorg/verifiers': [] }).components[1].type).toBe('textfield')
  })
})

describe('an upload the form hides under a condition', () => {
  it('keeps the condition, so the page asks for the upload only when the form shows it', () => {
    const split = splitFilepickers({
      components: [
        { type: 'filepicker', key: 'supervisoryApprovalFile', label: '业务主管单位批准文件', validate: { required: true }, conditional: { hide: '=directCategory != "NONE"' } },
        { type: 'filepicker', key: 'charterFile', label: '章程草案', validate: { required: true } },
      ],
    })
    expect(split.files.map((f) => f.hide)).toEqual(['=directCategory != "NONE"', undefined])
  })
})
