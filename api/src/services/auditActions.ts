// Every action and subject type the API writes to the audit log, as one list: `recordAudit` takes
// only these, and the console's labels (admin/src/console/labels.ts) are typed against them, so an
// action without a Russian label is a type error (and test/console/auditLabels.test.ts checks it).
// No imports: the console's bundle reads this file's types only.

export const auditActions = [
  'campaign.window.open',
  'campaign.window.close',
  'campaign.window.move',
  'campaign.window.extend_region',
  'campaign.reminders.send',
  'campaign.expectedRegions',
  'campaign.definition.import',
  'campaign.definition.edit',
  'analytics.publish',
  'response.reopen',
  'respondent.revoke',
  'respondent.resend_link',
  'practice.create',
  'practice.update',
  'practice.delete',
  'plan.target.actual',
  'authority.update',
  'portalToken.issue',
  'portalToken.rotate',
  'portalToken.revoke',
  'portalToken.allowOperations',
  'portalToken.clearOperations',
  'task.status',
  'task.report',
  'taskOwner.contact.add',
  'taskOwner.contact.remove',
  'taskOwner.match',
  'taskReminders.send',
] as const;

export type AuditAction = (typeof auditActions)[number];

export const auditSubjectTypes = [
  'Campaign',
  'Region',
  'Response',
  'User',
  'Practice',
  'PlanTarget',
  'Authority',
  'PortalToken',
  'TaskOccurrence',
  'TaskOwner',
] as const;

export type AuditSubjectType = (typeof auditSubjectTypes)[number];
