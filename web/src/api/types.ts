/** Shapes of the backend's JSON (see the backend's OpenAPI at /v3/api-docs). */

export interface Me {
  id: string
  name: string
  roles: string[]
  groups: string[]
  districts: string[]
}

export interface FieldError {
  field: string
  label?: string
  code?: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  errors?: FieldError[]
}

export type ClockState = 'ON_TIME' | 'YELLOW' | 'RED'

export interface Countdown {
  state: ClockState
  statutoryDue: string | null
  remainingWorkingDays: number | null
  promisedState: ClockState | null
  promisedDue: string | null
  promisedRemainingWorkingDays: number | null
  paused: boolean
  pausedWorkingDays: number
  stopped: boolean
  warnings: string[]
}

export interface Limit {
  days: number
  unit: string
}

export interface ServiceSummary {
  code: string
  name: string
  kind: string
  channel: string
  /** Where and how the service is done, from the catalogue (counter, online, who must come). */
  where?: string
  statutoryLimit: Limit | null
  promisedLimit: Limit | null
  starterRoles: string[]
  /** The queues whose staff start it at the counter (empty: any holder of a starter role). */
  starterGroups?: string[]
}

export interface ServiceView extends ServiceSummary {
  legalBasis: string[]
  conditions: string[]
  materials: { code: string; name: string; required: boolean }[]
  processVersion: string | null
  startForm: FormSchema | null
}

/** A Camunda Forms (form-js) schema. */
export interface FormComponent {
  id?: string
  type: string
  key?: string
  path?: string
  label?: string
  text?: string
  multiple?: boolean
  accept?: string
  validate?: { required?: boolean; [k: string]: unknown }
  components?: FormComponent[]
  [k: string]: unknown
}

export interface FormSchema {
  id?: string
  type?: string
  components: FormComponent[]
  [k: string]: unknown
}

export interface Summary {
  applicationNo: string
  serviceCode: string
  serviceName: string
  district: string
  subject: string
  status: string
  statusText: string
  outcome: string | null
  outcomeText: string | null
  receivedAt: string
  decidedAt: string | null
  countdown: Countdown | null
}

export interface TimelineEntry {
  at: string
  type: string
  text: string
  outcome: string | null
  actor: string | null
  data: Record<string, unknown> | null
}

export interface Attachment {
  id: string
  fileName: string
  mediaType: string
  size: number
  sha256: string
  field: string | null
}

export interface CorrectionNotice {
  items: { material?: string; description: string }[]
  note: string | null
  requestedAt: string
  suppliedAt: string | null
  /** When the correction period ends (the platform's timer); null once supplied. */
  deadline: string | null
}

/** A decision against the applicant in writing (ALL Art. 38): reasons, legal basis and remedy, in the reader's language. */
export interface DecisionNotice {
  title: string
  outcomeText: string
  decidedAt: string | null
  authority: string
  reasons: string[]
  legalBasis: string[]
  remedy: string
}

export interface ApplicationDetail {
  summary: Summary
  expectedBy: string | null
  queryCode: string | null
  data: Record<string, unknown>
  attachments: Attachment[]
  correctionNotice: CorrectionNotice | null
  nextStep: string | null
  timeline: TimelineEntry[]
  /** 好差评: absent while the case is open, withdrawn or ended without a result. */
  rating?: CaseRatingView | null
  /** Present when the case ended with a decision against the applicant. */
  decision?: DecisionNotice | null
}

export interface WorkOrderView {
  state: 'OPEN' | 'IN_REVIEW' | 'CLOSED'
  stateText: string
  dueAt?: string | null
  feedback?: string | null
  feedbackAt?: string | null
  reviewOutcome?: 'UPHELD' | 'ANNULLED' | null
  reviewOutcomeText?: string | null
}

export interface CaseRatingView {
  canRate: boolean
  /** Until when the applicant may still rate (then 基本满意 by default). */
  rateBy?: string | null
  /** 5 非常满意 … 1 非常不满意 */
  level?: number | null
  levelText?: string | null
  comment?: string | null
  defaulted: boolean
  ratedAt?: string | null
  workOrder?: WorkOrderView | null
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface TaskView {
  taskId: string
  name: string
  taskKey: string
  applicationNo: string
  serviceCode: string
  district: string
  subject: string
  assignee: string | null
  assigneeName: string | null
  createdAt: string
  dueAt: string | null
  countdown: Countdown | null
  /** On an acceptance step: the 5 working days for a correction notice (null elsewhere). */
  correctionWindow?: CorrectionWindow | null
}

export interface CorrectionWindow {
  receivedOn: string
  lastDay: string
  workingDaysLeft: number
}

export interface TaskDetail {
  task: TaskView
  application: Summary
  data: Record<string, unknown>
  checks: Record<string, unknown>
  attachments: Attachment[]
  form: FormSchema | null
  correctionsAllowed: boolean
  timeline: TimelineEntry[]
  /** Staff comments on the case (internal); absent from an older backend. */
  comments?: TaskComment[]
  /** The decision tables' own labels of the facts they read and compute, in the reader's language. */
  factLabels?: Record<string, string>
  /** The words of a coded fact ("field.value") as the forms deployed with the process label the option. */
  factOptions?: Record<string, string>
  /** Facts the platform words itself (a name check's findings with the names they concern). */
  factTexts?: Record<string, string>
  /** Fields of this step's form another step asked too: they start empty, not with the earlier person's answer. */
  askedAgain?: string[]
}

export interface TaskComment {
  id: number
  taskName: string | null
  author: string
  authorName: string
  text: string
  at: string
}

export interface Submitted {
  applicationNo: string
  queryCode: string
  serviceCode: string
  status: string
  replayed: boolean
}

export interface PublicStatus {
  applicationNo: string
  serviceName: string
  status: string
  statusText: string
  outcomeText: string | null
  nextStep: string | null
  receivedAt: string
  decidedAt: string | null
  expectedBy: string | null
  clockPaused: boolean
  timeline: TimelineEntry[]
  /** A decision against the applicant: its grounds, legal basis and remedy (without the clerk's own words). */
  decision?: DecisionNotice | null
}

/** The two periods of a divorce (Civil Code Art. 1077) as computed at acceptance; null before and after. */
export interface DivorcePeriods {
  applicationNo: string
  coolingOffEndsAt: string | null
  coolingOffEndsOn: string | null
  certificateWindowEndsAt: string | null
  certificateWindowEndsOn: string | null
  /** The registries the counter may name as where the couple appear (staff only). */
  registries?: { code: string; name: string }[]
  /** The registrar's own registry when the account is bound to one. */
  yourRegistry?: string | null
}

/** The platform's own date (every deadline counts from it). */
export interface PlatformToday {
  now: string
  today: string
  workingDay: boolean
  notices: string[]
}

export interface CaseDiagram {
  processDefinitionId: string
  xml: string
  done: string[]
  current: string[]
}

export interface District {
  code: string
  name: string
}
