// The first request's outcome read into what the page shows, or why it cannot.
import { describe, expect, it } from 'vitest';
import { readLoad, type LoadData } from '../../admin/src/form/lib/load.ts';
import { initialCompletion } from '../../admin/src/form/lib/model.ts';
import { apiCampaign, campaign2021 } from './definitions.ts';

const data: LoadData = {
  viewer: { email: 'official@altai.example' },
  campaign: apiCampaign('nok-2021.json'),
  myResponse: null,
  allRegions: [{ code: 'RU-ALT', name: 'Алтайский край' }],
  measureTypeGroups: [],
};

describe('loading the questionnaire', () => {
  it('gives the questionnaire, the e-mail, the lists and an unanswered draft before the first save', () => {
    expect(readLoad({ kind: 'ok', data })).toEqual({
      kind: 'loaded',
      loaded: { campaign: campaign2021, email: 'official@altai.example', regions: data.allRegions, measureTypeGroups: [] },
      response: { version: 0, status: 'DRAFT', submittedAt: null, completion: initialCompletion(campaign2021), answers: {} },
    });
  });

  it("gives the person's stored response", () => {
    const myResponse = {
      version: 2,
      status: 'SUBMITTED' as const,
      submittedAt: '2021-11-18T11:05:00Z',
      completion: initialCompletion(campaign2021),
      answers: [],
    };
    const result = readLoad({ kind: 'ok', data: { ...data, myResponse } });
    expect(result.kind === 'loaded' && result.response).toMatchObject({ version: 2, status: 'SUBMITTED' });
  });

  it('fails for nobody signed in, an unknown campaign, no connection or a server error', () => {
    expect(readLoad({ kind: 'ok', data: { ...data, viewer: null } })).toEqual({ kind: 'unauthenticated' });
    expect(readLoad({ kind: 'unauthenticated', message: 'x' })).toEqual({ kind: 'unauthenticated' });
    expect(readLoad({ kind: 'ok', data: { ...data, campaign: null } })).toEqual({ kind: 'notFound' });
    expect(readLoad({ kind: 'network' })).toEqual({ kind: 'network' });
    expect(readLoad({ kind: 'error', message: 'Сервер недоступен.' })).toEqual({ kind: 'error', message: 'Сервер недоступен.' });
  });
});
