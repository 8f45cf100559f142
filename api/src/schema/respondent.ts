// Respondents in the coordinators' console (ra-data-graphql-simple: allRespondents, _allRespondentsMeta,
// Respondent) and the actions on a person: revoke access, send a fresh personal link.
import { builder } from '../builder.ts';
import { type Context, signedIn } from '../context.ts';
import { ActionRefusedError, NotFoundError, WindowClosedError } from '../services/errors.ts';
import { countRespondents, lastActivityOf, listRespondents, resendLink, revokeRespondent, type RespondentRow } from '../services/respondents.ts';
import { guarded, listArgs, ListMetadata, listOrder, metaArgs, paging, parseId } from './lists.ts';

export const CampaignProgressStatus = builder.enumType('CampaignProgressStatus', {
  values: {
    NOT_STARTED: { description: 'Registered, nothing saved yet.' },
    DRAFT: { description: 'Filling in.' },
    SUBMITTED: { description: 'Sent.' },
  },
});

export const Respondent = builder.objectRef<RespondentRow>('Respondent').implement({
  description: 'A regional official who answers the questionnaires.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.createdAt }),
    disabledAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.disabledAt }),
    lastActivity: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'The latest save of the campaign’s questionnaire or sign-in with its personal link; without a campaign, of any questionnaire or sign-in.',
      args: { campaignCode: t.arg.string() },
      resolve: (row, args) => lastActivityOf(row, args.campaignCode),
    }),
    progress: t.int({
      description: 'Completion of the questionnaire of a campaign, in percent (0 when not started).',
      args: { campaignCode: t.arg.string({ required: true }) },
      resolve: (row, args) => row.responses.get(args.campaignCode)?.completion ?? 0,
    }),
    status: t.field({
      type: CampaignProgressStatus,
      args: { campaignCode: t.arg.string({ required: true }) },
      resolve: (row, args) => row.responses.get(args.campaignCode)?.status ?? 'NOT_STARTED',
    }),
    regionId: t.id({
      nullable: true,
      description: 'The region the questionnaire of the campaign speaks for.',
      args: { campaignCode: t.arg.string({ required: true }) },
      resolve: (row, args) => row.responses.get(args.campaignCode)?.regionId ?? null,
    }),
  }),
});

const RespondentFilter = builder.inputType('RespondentFilter', {
  fields: (t) => ({
    q: t.string({ description: 'Part of the e-mail address.' }),
    campaignCode: t.string({
      description: 'Only the respondents of this campaign (registered for it or answering it); `status` and `regionId` refer to it.',
    }),
    status: t.field({ type: CampaignProgressStatus }),
    regionId: t.id(),
    ids: t.idList(),
  }),
});

const sortFields: Record<string, (order: 'asc' | 'desc') => object> = {
  email: (order) => ({ email: order }),
  createdAt: (order) => ({ createdAt: order }),
};

type FilterArg = {
  q?: string | null;
  campaignCode?: string | null;
  status?: 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | null;
  regionId?: string | number | null;
  ids?: (string | number)[] | null;
};
const toFilter = (filter: FilterArg | null | undefined) =>
  filter
    ? {
        ...filter,
        regionId: filter.regionId ? (parseId(filter.regionId, 'int', 'filter.regionId') as number) : null,
        ids: filter.ids?.map(String) ?? null,
      }
    : null;

builder.queryFields((t) => ({
  allRespondents: t.field({
    type: [Respondent],
    authScopes: { coordinator: true },
    args: listArgs(t.arg, RespondentFilter, sortFields),
    resolve: (_root, args, context) => {
      const orderBy = listOrder(sortFields, 'createdAt')(args.sortField, args.sortOrder);
      return guarded(() => listRespondents(context.prisma, toFilter(args.filter), paging(args), orderBy as never));
    },
  }),
  _allRespondentsMeta: t.field({
    type: ListMetadata,
    authScopes: { coordinator: true },
    args: metaArgs(t.arg, RespondentFilter),
    resolve: async (_root, args, context) => ({ count: await guarded(() => countRespondents(context.prisma, toFilter(args.filter))) }),
  }),
  Respondent: t.field({
    type: Respondent,
    nullable: true,
    authScopes: { coordinator: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) =>
      (await listRespondents(context.prisma, { ids: [String(args.id)] }, { skip: 0, take: 1 }, [{ id: 'asc' }]))[0] ?? null,
  }),
}));

const reload = async (context: Context, id: string) =>
  (await listRespondents(context.prisma, { ids: [id] }, { skip: 0, take: 1 }, [{ id: 'asc' }]))[0]!;

const RevokeInput = builder.inputType('RevokeRespondentInput', {
  fields: (t) => ({ userId: t.id({ required: true }), reason: t.string() }),
});

const ResendInput = builder.inputType('ResendLinkInput', {
  fields: (t) => ({ userId: t.id({ required: true }), campaignCode: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  revokeRespondent: t.field({
    type: Respondent,
    description: "Ends a person's access: disabled, personal links revoked, sessions ended.",
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError, ActionRefusedError] },
    args: { input: t.arg({ type: RevokeInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await revokeRespondent(context.prisma, signedIn(context), { userId: String(input.userId), reason: input.reason });
      return reload(context, String(input.userId));
    },
  }),
  resendLink: t.field({
    type: Respondent,
    description: 'Sends the person a fresh personal link for a campaign (older links stop working once it has left).',
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError, ActionRefusedError, WindowClosedError] },
    args: { input: t.arg({ type: ResendInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await resendLink(context.prisma, signedIn(context), { userId: String(input.userId), campaignCode: input.campaignCode });
      return reload(context, String(input.userId));
    },
  }),
}));
