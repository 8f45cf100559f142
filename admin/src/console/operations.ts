// The console's own GraphQL operations beside the resources of buildQuery.ts: sign-in, the dashboard
// and window control, analytics, measures, campaign definitions, plan actuals, authorities and the
// coordinators' actions on people. Only documents, the shapes of their answers and how a typed-error
// union becomes an Outcome: dataProvider.ts runs them (through the same Apollo client as the
// resources), and a test checks every document against schema.graphql. Kept free of Apollo so it
// loads in Node tests.

/** A problem the API found in one input field (`path` as in the input, e.g. `options[2].code`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * What a coordinator's step (a button, a dialog) comes to: the API's data, or its refusal in
 * Russian with the fields it is about. A failed request (an ended session, an unreachable server)
 * is a refusal too, so the dialog that asked says so and keeps what was typed.
 */
export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldProblem[] };

/** A typed-error union as selected by `union()`. */
export interface UnionResult<T> {
  __typename: string;
  data?: T;
  message?: string;
  fieldErrors?: FieldProblem[];
}

export function outcomeOf<T>(result: UnionResult<T>, fallback: string): Outcome<T> {
  if (result.__typename.endsWith('Success')) return { ok: true, data: result.data as T };
  return { ok: false, message: result.message ?? fallback, fieldErrors: result.fieldErrors ?? [] };
}

/**
 * The selection of a typed-error union: the success's `data`, any refusal's message and, where the
 * union has ValidationError, the field errors (a fragment on a type the union lacks is invalid).
 */
function union(success: string, data: string, fieldErrors: boolean): string {
  return `__typename ... on ${success} { ${data} } ... on Error { message }${fieldErrors ? ' ... on ValidationError { fieldErrors { path message } }' : ''}`;
}

const mutation = (name: string, operation: string, inputType: string, data: string, fieldErrors: boolean) =>
  `mutation ${name}($input: ${inputType}!) { result: ${operation}(input: $input) { ${union(`Mutation${operation[0]!.toUpperCase()}${operation.slice(1)}Success`, data, fieldErrors)} } }`;

// ---------------------------------------------------------------------------------------------------
// Sign-in (authProvider.ts)

export interface Viewer {
  id: string;
  email: string;
  role: 'COORDINATOR' | 'RESPONDENT';
}

// ---------------------------------------------------------------------------------------------------
// The dashboard and window control

export interface RegionCompletion {
  regionId: string;
  code: string;
  name: string;
  federalDistrict: string;
  participates: boolean;
  responses: number;
  inProgress: number;
  submitted: number;
  completion: number;
  sections: { code: string; percent: number }[];
}

export interface CampaignDashboard {
  campaignCode: string;
  windowState: string;
  opensAt: string;
  closesAt: string;
  daysLeft: number;
  registered: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  sectionCodes: string[];
  sections: { code: string; title: string }[];
  extensions: { regionCode: string; regionName: string; closesAt: string }[];
  regions: RegionCompletion[];
}

export type WindowChange = 'open' | 'close' | 'move';

export interface CampaignWindowInput {
  campaignCode: string;
  opensAt?: string;
  closesAt?: string;
  reason?: string;
}

export interface ExtendRegionWindowInput {
  campaignCode: string;
  regionCode: string;
  closesAt: string;
  reason?: string;
}

export interface CampaignWindow {
  windowState: string;
  opensAt: string;
  closesAt: string;
}

export interface RegionExtension {
  regionId: string;
  closesAt: string;
}

// ---------------------------------------------------------------------------------------------------
// Analytics (submitted questionnaires only)

export interface RegionRef {
  code: string;
  name: string;
}

export interface OptionShare {
  code: string;
  label: string;
  /** null where a publication suppressed it. */
  count: number | null;
  share: number | null;
  shareOfRespondents: number | null;
  shareOfMentions: number | null;
  regions: RegionRef[];
  suppressed: boolean;
}

export interface NumberStats {
  count: number;
  sum: number;
  mean: number;
  min: number;
  max: number;
  median: number;
  minRegions: RegionRef[];
  maxRegions: RegionRef[];
}

export type ShareMethod = 'RESPONDENTS' | 'MENTIONS';

/** One column of figures: a question, a year, the years pooled, a group's field. */
export interface AnalyticsColumn {
  answered: number | null;
  respondents: number | null;
  notApplicable: number;
  mentions: number | null;
  method: ShareMethod | null;
  options: OptionShare[] | null;
  numbers: NumberStats | null;
  texts: { text: string; region: RegionRef | null }[] | null;
  textsTotal: number;
  suppressed: boolean;
}

export interface YearFigures extends AnalyticsColumn {
  year: number;
}

export interface FieldFigures extends AnalyticsColumn {
  code: string;
  label: string;
  type: string;
  caption: string | null;
}

export interface QuestionFigures extends AnalyticsColumn {
  code: string;
  sectionCode: string;
  number: string | null;
  label: string;
  type: string;
  cellType: string | null;
  caption: string | null;
  years: YearFigures[] | null;
  pooled: AnalyticsColumn | null;
  items: number | null;
  fields: FieldFigures[] | null;
}

export interface RatioYear {
  year: number;
  count: number;
  skipped: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
  aggregate: number | null;
}

export interface RatioFigures {
  code: string;
  label: string;
  unit: string | null;
  numerator: string;
  denominator: string;
  years: (RatioYear & { minRegions: RegionRef[]; maxRegions: RegionRef[]; suppressed: boolean })[];
}

export interface CampaignAnalytics {
  campaignCode: string;
  title: string;
  year: number;
  respondentsCount: number;
  sections: { code: string; title: string }[];
  questions: QuestionFigures[];
  ratios: RatioFigures[];
  expectedRegionsCount: number;
  expectedRegionsSet: boolean;
  expectedRegionCodes: string[];
  participatingRegionsCount: number;
  nonParticipatingRegions: { id: string; code: string; name: string }[];
  /** Set in a publication (disclosure control applied); null in the live figures. */
  threshold: number | null;
}

export interface AnalyticsPublication {
  campaignCode: string;
  version: number;
  publishedAt: string;
  threshold: number;
  respondentsCount: number;
  analytics: CampaignAnalytics;
  versions: { version: number; publishedAt: string; respondentsCount: number }[];
}

const REGION = 'code name';
const OPTION = `code label count share shareOfRespondents shareOfMentions suppressed regions { ${REGION} }`;
const NUMBERS = `count sum mean min max median minRegions { ${REGION} } maxRegions { ${REGION} }`;
const COLUMN = `answered respondents notApplicable mentions method options { ${OPTION} } numbers { ${NUMBERS} } texts { text region { ${REGION} } } textsTotal suppressed`;
const ANALYTICS = `campaignCode title year respondentsCount threshold
      sections { code title }
      questions {
        code sectionCode number label type cellType caption items ${COLUMN}
        years { year ${COLUMN} }
        pooled { ${COLUMN} }
        fields { code label type caption ${COLUMN} }
      }
      ratios { code label unit numerator denominator years { year count skipped mean min max median aggregate suppressed minRegions { ${REGION} } maxRegions { ${REGION} } } }
      expectedRegionsCount expectedRegionsSet expectedRegionCodes participatingRegionsCount
      nonParticipatingRegions { id code name }`;

// ---------------------------------------------------------------------------------------------------
// Measures: the type taxonomy (for the filters) and the summary by group, type and region

export interface TaxonomyGroup {
  id: string;
  name: string;
  types: { id: string; name: string }[];
}

export interface CountRow {
  count: number;
  share: number;
}

export interface MeasureSummary {
  total: number;
  untyped: number;
  submittedOnly: boolean;
  groups: (CountRow & { groupId: string; name: string; types: (CountRow & { typeId: string; name: string })[] })[];
  regions: (CountRow & { regionId: string; code: string; name: string; authorities: number; responses: number })[];
}

// ---------------------------------------------------------------------------------------------------
// The practice catalogue's structure (forms of implementation by group)

export interface PracticeGroup {
  name: string;
  forms: { id: string; name: string; practiceCount: number }[];
}

// ---------------------------------------------------------------------------------------------------
// Campaign definitions and questionnaires

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface ImportPlan {
  outcome: ImportOutcome;
  campaignCode: string;
  title: string;
  message: string;
}

export interface ImportResult {
  outcome: ImportOutcome;
  message: string;
  campaign: { id: string; code: string };
}

export interface OptionRow {
  code: string;
  label: string;
  help: string | null;
}

/** A question's settings as the definition stores them; the console reads only a year matrix's cell. */
export interface QuestionSettings {
  cell?: { type?: string; options?: { code: string; label: string; help?: string | null }[] };
}

export interface QuestionRow {
  id: string;
  code: string;
  number: string | null;
  type: string;
  label: string;
  help: string | null;
  required: boolean;
  settings: QuestionSettings | null;
  options: OptionRow[];
}

export interface SectionRow {
  id: string;
  code: string;
  title: string;
  description: string | null;
  questions: QuestionRow[];
}

export interface Questionnaire {
  code: string;
  state: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  sections: SectionRow[];
}

export interface QuestionTextsInput {
  campaignCode: string;
  questionCode: string;
  help: string;
  options: OptionRow[];
}

// ---------------------------------------------------------------------------------------------------
// Plan targets

export type TargetStatus = 'NO_DATA' | 'MET' | 'NOT_MET';

export interface Target {
  id: string;
  year: number;
  targetMin: string;
  targetMax: string;
  isRange: boolean;
  actual: string | null;
  status: TargetStatus;
}

// ---------------------------------------------------------------------------------------------------
// Authorities

export interface AuthorityChange {
  id: string;
  name: string;
  sphereId: string | null;
  reason: string;
}

// ---------------------------------------------------------------------------------------------------
// People, questionnaires and reminders

export type ReminderAudience = 'NOT_STARTED' | 'IN_PROGRESS_BELOW_100' | 'RETURNED';

export interface ReminderPreview {
  recipients: number;
  /** Per group chosen: how many it holds (a person in two groups gets one mail). */
  groups: { audience: ReminderAudience; recipients: number }[];
  sample: string[];
  subject: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------------
// Regional portals' tokens (issue 11)

export interface IssuePortalTokenInput {
  regionCode: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
}

/** A token with its secret: the one time the secret is shown. */
export interface IssuedPortalToken {
  secret: string;
  token: { id: string; name: string; previousValidUntil: string | null };
}

export interface PortalOperationsResult {
  operations: { name: string; hash: string }[];
  token: { id: string; operationsCount: number };
}

// ---------------------------------------------------------------------------------------------------
// Protocols' tasks (issue 12): status, reports, owners' contacts, reminders of deadlines

export interface TaskReportInput {
  occurrenceId: string;
  text: string;
  evidenceUrl: string | null;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | null;
}

export interface TaskReminderInput {
  regionId: string | null;
  withinDays: number;
  contactIds?: string[];
}

export interface TaskReminderMail {
  contactId: string;
  to: string;
  name: string | null;
  ownerName: string;
  regionName: string;
  overdueCount: number;
  upcomingCount: number;
  subject: string;
  text: string;
}

const TASK_REMINDER_MAIL = 'contactId to name ownerName regionName overdueCount upcomingCount subject text';

// ---------------------------------------------------------------------------------------------------

/** Every document the console sends besides the resources' (see buildQuery.ts). */
export const documents = {
  viewer: 'query ConsoleViewer { viewer { id email role } }',
  signIn: mutation('ConsoleSignIn', 'signIn', 'SignInInput', 'data', false),
  signOut: 'mutation ConsoleSignOut { signOut }',

  campaignDashboard: `query ConsoleDashboard($campaignCode: String!) {
    campaignDashboard(campaignCode: $campaignCode) {
      campaignCode windowState opensAt closesAt daysLeft registered notStarted inProgress submitted sectionCodes sections { code title } extensions { regionCode regionName closesAt }
      regions { regionId code name federalDistrict participates responses inProgress submitted completion sections { code percent } }
    }
  }`,
  openCampaignWindow: mutation('ConsoleOpenWindow', 'openCampaignWindow', 'CampaignWindowInput', 'data { windowState opensAt closesAt }', true),
  closeCampaignWindow: mutation('ConsoleCloseWindow', 'closeCampaignWindow', 'CampaignWindowInput', 'data { windowState opensAt closesAt }', true),
  moveCampaignWindow: mutation('ConsoleMoveWindow', 'moveCampaignWindow', 'CampaignWindowInput', 'data { windowState opensAt closesAt }', true),
  extendRegionWindow: mutation('ConsoleExtendWindow', 'extendRegionWindow', 'ExtendRegionWindowInput', 'data { closesAt regionId }', true),

  campaignAnalytics: `query ConsoleAnalytics($campaignCode: String!) {
    campaignAnalytics(campaignCode: $campaignCode) { ${ANALYTICS} }
  }`,
  publishedAnalytics: `query ConsolePublishedAnalytics($campaignCode: String!, $version: Int) {
    publishedAnalytics(campaignCode: $campaignCode, version: $version) {
      campaignCode version publishedAt threshold respondentsCount versions { version publishedAt respondentsCount }
      figures
    }
  }`,
  publishCampaignAnalytics: `mutation ConsolePublishAnalytics($input: PublishAnalyticsInput!) {
    result: publishCampaignAnalytics(input: $input) { ${union('MutationPublishCampaignAnalyticsSuccess', 'data { version publishedAt }', true)} }
  }`,
  setCampaignExpectedRegions: mutation('ConsoleExpectedRegions', 'setCampaignExpectedRegions', 'ExpectedRegionsInput', 'data { regionCodes }', true),

  measureTypeGroups: 'query ConsoleMeasureTaxonomy { groups: measureTypeGroups { id name types { id name } } }',
  measureSummary: `query ConsoleMeasureSummary($campaignCode: String!, $submittedOnly: Boolean) {
    result: measureSummary(campaignCode: $campaignCode, submittedOnly: $submittedOnly) {
      ${union(
        'QueryMeasureSummarySuccess',
        `data { total untyped submittedOnly
          groups { groupId name count share types { typeId name count share } }
          regions { regionId code name count share authorities responses } }`,
        false,
      )}
    }
  }`,

  practiceGroups: 'query ConsolePracticeGroups { practiceGroups { name forms { id name practiceCount } } }',

  questionnaire: `query ConsoleQuestionnaire($code: String!) {
    campaign(code: $code) {
      code state
      sections { id code title description questions { id code number type label help required settings options { code label help } } }
    }
  }`,
  campaignDefinitionPreview: `query ConsoleDefinitionPreview($definition: JSON!) {
    result: campaignDefinitionPreview(definition: $definition) {
      ${union('QueryCampaignDefinitionPreviewSuccess', 'data { outcome campaignCode title message }', true)}
    }
  }`,
  importCampaignDefinition: mutation(
    'ConsoleImportDefinition',
    'importCampaignDefinition',
    'ImportCampaignDefinitionInput',
    'data { outcome message campaign { id code } }',
    true,
  ),
  campaignDefinitionDocument: `query ConsoleDefinitionDocument($code: String!) {
    result: campaignDefinitionDocument(code: $code) { ${union('QueryCampaignDefinitionDocumentSuccess', 'data', false)} }
  }`,
  updateQuestionTexts: mutation('ConsoleUpdateQuestionTexts', 'updateQuestionTexts', 'UpdateQuestionTextsInput', 'data { id code help }', true),

  setPlanTargetActual: mutation(
    'ConsoleSetPlanTargetActual',
    'setPlanTargetActual',
    'SetPlanTargetActualInput',
    'data { id year targetMin targetMax isRange actual status }',
    true,
  ),

  updateAuthority: mutation('ConsoleUpdateAuthority', 'updateAuthority', 'UpdateAuthorityInput', 'data { id name }', true),

  reopenResponse: mutation('ConsoleReopenResponse', 'reopenResponse', 'ReopenResponseInput', 'data { id status }', false),
  revokeRespondent: mutation('ConsoleRevokeRespondent', 'revokeRespondent', 'RevokeRespondentInput', 'data { id disabledAt }', false),
  resendLink: mutation('ConsoleResendLink', 'resendLink', 'ResendLinkInput', 'data { id email }', false),
  reminderPreview: `query ConsoleReminderPreview($input: ReminderInput!) {
    result: reminderPreview(input: $input) { ${union('QueryReminderPreviewSuccess', 'data { recipients sample subject text groups { audience recipients } }', false)} }
  }`,
  sendReminders: mutation('ConsoleSendReminders', 'sendReminders', 'ReminderInput', 'data { queued }', false),

  issuePortalToken: mutation(
    'ConsoleIssuePortalToken',
    'issuePortalToken',
    'IssuePortalTokenInput',
    'data { secret token { id name previousValidUntil } }',
    true,
  ),
  rotatePortalToken: mutation(
    'ConsoleRotatePortalToken',
    'rotatePortalToken',
    'RotatePortalTokenInput',
    'data { secret token { id name previousValidUntil } }',
    true,
  ),
  revokePortalToken: mutation('ConsoleRevokePortalToken', 'revokePortalToken', 'PortalTokenIdInput', 'data { id state }', true),
  allowPortalOperations: mutation(
    'ConsoleAllowPortalOperations',
    'allowPortalOperations',
    'AllowPortalOperationsInput',
    'data { operations { name hash } token { id operationsCount } }',
    true,
  ),
  clearPortalOperations: mutation('ConsoleClearPortalOperations', 'clearPortalOperations', 'PortalTokenIdInput', 'data { id operationsCount }', true),

  setTaskStatus: mutation(
    'ConsoleSetTaskStatus',
    'setTaskStatus',
    'SetTaskStatusInput',
    'data { id status statusChangedAt statusChangedBy overdue }',
    true,
  ),
  reportTaskProgress: mutation('ConsoleReportTaskProgress', 'reportTaskProgress', 'ReportTaskProgressInput', 'data { id status }', true),
  addOwnerContact: mutation('ConsoleAddOwnerContact', 'addOwnerContact', 'AddOwnerContactInput', 'data { id email }', true),
  removeOwnerContact: `mutation ConsoleRemoveOwnerContact($id: ID!) {
    result: removeOwnerContact(input: { id: $id }) { ${union('MutationRemoveOwnerContactSuccess', 'data { id email }', false)} }
  }`,
  matchTaskOwner: mutation('ConsoleMatchTaskOwner', 'matchTaskOwner', 'MatchTaskOwnerInput', 'data { id matched }', true),
  taskReminderPreview: `query ConsoleTaskReminderPreview($input: TaskReminderInput!) {
    result: taskReminderPreview(input: $input) { ${union('QueryTaskReminderPreviewSuccess', `data { withinDays mails { ${TASK_REMINDER_MAIL} } }`, true)} }
  }`,
  sendTaskReminders: mutation('ConsoleSendTaskReminders', 'sendTaskReminders', 'TaskReminderInput', 'data { queued }', true),
} as const;
