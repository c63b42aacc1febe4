import { describe, expect, it } from 'vitest'
import { nameCheckRequest, nameCheckResult } from './nameCheck'

describe('the name pre-check while typing', () => {
  it('asks for a social organisation once the form and the name are there, and bounds the name', () => {
    expect(nameCheckRequest('socialorg-establishment', { proposedName: '中山市摄影家学会' })).toBeNull()
    expect(nameCheckRequest('socialorg-establishment', { orgType: 'SOCIAL_GROUP', proposedName: '中' })).toBeNull()
    expect(nameCheckRequest('socialorg-establishment', { orgType: 'SOCIAL_GROUP', proposedName: '中'.repeat(61) })).toBeNull()
    expect(nameCheckRequest('socialorg-establishment', { orgType: 'SOCIAL_GROUP', proposedName: ' 中山市摄影家学会 ' })).toEqual({
      path: '/api/socialorg/name-check',
      body: { orgType: 'SOCIAL_GROUP', name: '中山市摄影家学会' },
    })
    expect(nameCheckRequest('funeral-fee-reimbursement', { proposedName: 'x', orgType: 'y' })).toBeNull()
  })

  it('asks for a place name with its parts, and for a renaming with the current name', () => {
    const naming = nameCheckRequest('placename-approval', { specificPart: '星中', genericPart: '道', featureCategory: 'STREET_ROAD_LANE' })
    expect(naming?.body).toEqual({ specificPart: '星中', genericPart: '道', featureCategory: 'STREET_ROAD_LANE', applicationType: 'NAMING' })
    expect(nameCheckRequest('placename-approval', { specificPart: '星中', genericPart: '道', featureCategory: 'X', applicationType: 'RENAMING' })).toBeNull()
    expect(nameCheckRequest('placename-approval', { specificPart: '星中', genericPart: '道' })).toBeNull()
  })

  it('shows the conflicting registered names of either check', () => {
    const so = nameCheckRequest('socialorg-establishment', { orgType: 'SOCIAL_GROUP', proposedName: '中山市摄影家学会' })!
    expect(nameCheckResult(so, { passed: false, findings: ['DUPLICATE'], findingTexts: ['与本机关已登记的同类组织名称相同'], similarTo: '中山市摄影家协会' })).toEqual({
      name: '中山市摄影家学会',
      passed: false,
      findings: ['与本机关已登记的同类组织名称相同'],
      conflicts: ['中山市摄影家协会'],
    })
    const pn = nameCheckRequest('placename-approval', { specificPart: '星中', genericPart: '道', featureCategory: 'STREET_ROAD_LANE' })!
    const result = nameCheckResult(pn, {
      fullName: '星中道',
      passed: false,
      findings: [
        { code: 'HOMOPHONE', detail: '兴中道', text: '与本市标准地名“兴中道”同音（应当避免同音）。' },
        { code: 'RARE_CHARACTER', detail: null, text: '含生僻字（应当避免使用生僻字）。' },
      ],
    })
    expect(result.conflicts).toEqual(['兴中道'])
    expect(result.findings).toHaveLength(2)
    expect(nameCheckResult(pn, { fullName: '富康路', passed: true, findings: [] })).toEqual({ name: '富康路', passed: true, findings: [], conflicts: [] })
  })
})
