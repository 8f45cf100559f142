// Imports every type (each file registers itself on the builder) and builds the schema.
import { builder } from '../builder.ts';
import './errors.ts';
import './region.ts';
import './sphere.ts';
import './authority.ts';
import './measureType.ts';
import './campaign.ts';
import './section.ts';
import './question.ts';
import './response.ts';
import './viewer.ts';
import './plan.ts';
import './practice.ts';
import './coordinator.ts';
import './dashboard.ts';
import './auditLog.ts';
import './respondent.ts';
import './responseAdmin.ts';
import './analytics.ts';
import './reminder.ts';
import './measure.ts';
import './campaignDefinition.ts';
import './portal.ts';
import './protocol.ts';
import './taskOccurrence.ts';
import './taskOwner.ts';

export const schema = builder.toSchema({ sortSchema: false });
