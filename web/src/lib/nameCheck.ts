/**
 * The name pre-check of the services that register a name (社会组织名称预先查询, 地名命名规则核查): which fields of the
 * application form make the request, and the answer in words. The rules themselves are the backend's
 * (POST /api/socialorg/name-check, POST /api/placename/name-check); this only asks while the applicant types.
 */

export interface NameCheckResult {
  /** The full name checked. */
  name: string
  passed: boolean
  /** Each finding in the reader's language. */
  findings: string[]
  /** Registered names the proposal conflicts with (same, similar, homophone). */
  conflicts: string[]
}

export interface NameCheckRequest {
  path: string
  body: Record<string, string>
}

/** The request for the service's form data, or null when the service has no name check or the name is incomplete. */
export function nameCheckRequest(serviceCode: string, data: Record<string, unknown>): NameCheckRequest | null {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '')
  if (serviceCode === 'socialorg-establishment') {
    const orgType = text('orgType')
    const name = text('proposedName')
    if (!orgType || name.length < 2 || name.length > 60) return null
    return { path: '/api/socialorg/name-check', body: { orgType, name } }
  }
  if (serviceCode === 'placename-approval') {
    const specificPart = text('specificPart')
    const genericPart = text('genericPart')
    const featureCategory = text('featureCategory')
    if (!specificPart || !genericPart || !featureCategory || [...specificPart].length > 20 || [...genericPart].length > 6) return null
    const body: Record<string, string> = { specificPart, genericPart, featureCategory, applicationType: text('applicationType') || 'NAMING' }
    if (body.applicationType === 'RENAMING') {
      if (!text('currentName')) return null
      body.currentName = text('currentName')
    }
    return { path: '/api/placename/name-check', body }
  }
  return null
}

interface SocialOrgAnswer {
  passed: boolean
  findingTexts?: string[]
  similarTo?: string | null
}

/** The place-name findings that compare with a name in the register (their detail is that name). */
const REGISTER_FINDINGS = new Set(['DUPLICATE', 'HOMOPHONE', 'SAME_SPECIFIC_PART'])

interface PlacenameAnswer {
  fullName: string
  passed: boolean
  findings?: { code: string; text: string; detail?: string | null }[]
}

/** The backend's answer of either check in one shape. */
export function nameCheckResult(request: NameCheckRequest, answer: unknown): NameCheckResult {
  if (request.path.startsWith('/api/socialorg/')) {
    const a = answer as SocialOrgAnswer
    return {
      name: request.body.name,
      passed: a.passed,
      findings: a.findingTexts ?? [],
      conflicts: a.similarTo ? [a.similarTo] : [],
    }
  }
  const a = answer as PlacenameAnswer
  const findings = a.findings ?? []
  // The findings against the register name the standard name they conflict with.
  const conflicts = [...new Set(findings.filter((f) => REGISTER_FINDINGS.has(f.code) && f.detail).map((f) => f.detail as string))]
  return { name: a.fullName, passed: a.passed, findings: findings.map((f) => f.text), conflicts }
}
