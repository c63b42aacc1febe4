/** The public rating results (好差评 公开) as GET /api/public/ratings answers. */
export interface PublicRatings {
  from: string
  to: string
  grades: { level: number; label: string }[]
  rows: {
    month: string
    serviceCode: string
    service: string
    ratings: number
    defaulted: number
    grades: { level: number; count: number; share: number | null }[]
    satisfiedShare: number | null
  }[]
}

/** A share (0 to 1) as a percentage with one decimal, '—' when nothing was rated. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—'
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}
