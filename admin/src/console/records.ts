// What each resource's record holds: the fields buildQuery.ts selects (its `selections`, and
// `detailSelections` for one questionnaire), as the API answers them (ids as strings, dates as
// ISO strings, decimals as strings). Components read them with useRecordContext<XRecord>().
import type { Target } from './operations.ts';

interface Named {
  id: string;
  name: string;
}

export interface RegionRecord {
  id: string;
  code: string;
  name: string;
  federalDistrict: string;
  federalDistrictName: string;
  position: number;
  aliases: string[];
}

export interface SphereRecord {
  id: string;
  code: string;
  name: string;
  position: number;
}

export interface AuthorityRecord {
  id: string;
  name: string;
  createdAt: string;
  responsesCount: number;
  measuresCount: number;
  region: Named;
  sphere: Named | null;
}

export interface CampaignRecord {
  id: string;
  code: string;
  title: string;
  year: number;
  state: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  windowState: string;
  opensAt: string;
  closesAt: string;
  /** The official period; «Открыть/Закрыть сейчас» move only opensAt/closesAt. */
  plannedOpensAt?: string;
  plannedClosesAt?: string;
}

export interface PlanIndicatorRecord {
  id: string;
  number: number;
  name: string;
  unit: string;
  baseYear: number;
  baseValue: string;
  plan: { id: string; title: string };
  targets: Target[];
}

interface PlanActivityItem {
  id: string;
  number: string;
  title: string;
  form: string | null;
  schedule: string | null;
  owners: string[];
  /** false: the document prints no number; the importer numbered the row by order ("1.6а"). */
  numberPrinted: boolean;
  /** true: the owners cell is merged with the parent's; these are the parent's owners. */
  ownersInherited: boolean;
}

export interface PlanActivityRecord extends PlanActivityItem {
  level: string;
  position: number;
  plan: { id: string; title: string };
  parent: { id: string; number: string; title: string } | null;
  items: PlanActivityItem[];
}

export interface PracticeRecord {
  id: string;
  text: string;
  source: string | null;
  createdAt: string;
  region: Named;
  sphere: Named;
  form: Named & { group: Named };
}

export interface AuditLogRecord {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface RespondentRecord {
  id: string;
  email: string;
  createdAt: string;
  disabledAt: string | null;
  lastActivity: string | null;
  /** In the campaign the list or page asks about (its campaignCode). */
  status: string;
  progress: number;
}

export interface AnswerRecord {
  questionCode: string;
  number: string | null;
  label: string;
  text: string;
}

export interface SectionRecord {
  code: string;
  title: string;
  percent: number;
  answers: AnswerRecord[];
  /** The section's questions of type measures (their measures are the record's `measures`). */
  measureQuestionCodes: string[];
}

export interface MeasureRecordRow {
  position: number;
  questionCode: string;
  groupName: string | null;
  typeName: string | null;
  title: string | null;
  description: string | null;
  year: number | null;
  result: string | null;
}

export interface ResponseRecord {
  id: string;
  campaignCode: string;
  respondentId: string;
  respondentEmail: string;
  regionId: string | null;
  regionName: string | null;
  status: 'DRAFT' | 'SUBMITTED';
  completion: number;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  /** Only on the questionnaire's own page (getOne). */
  sections?: SectionRecord[];
  measures?: MeasureRecordRow[];
}

export interface OutboxMailRecord {
  id: string;
  to: string;
  template: string;
  subject: string | null;
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
  /** The campaign the mail is about, if any. */
  campaignId: string | null;
}

export interface MeasureRecord {
  id: string;
  position: number;
  questionCode: string;
  title: string | null;
  description: string | null;
  result: string | null;
  year: number | null;
  updatedAt: string;
  responseId: string;
  campaignCode: string;
  respondentEmail: string;
  responseStatus: string;
  type: (Named & { group: Named }) | null;
  region: Named | null;
  authority: Named | null;
}
