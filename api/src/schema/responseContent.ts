// The fields of an answer in words and of a measure, for the coordinators' ResponseRecord
// (responseAdmin.ts) and the portals' PortalResponse (portalAnswers.ts) alike (services/responseContent.ts).
import type { builder } from '../builder.ts';
import type { AnswerInWords, MeasureInWords } from '../services/responseContent.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Fields<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

export function answerInWordsFields(t: Fields<AnswerInWords>) {
  return {
    questionCode: t.exposeString('questionCode'),
    number: t.exposeString('number', { nullable: true }),
    label: t.exposeString('label'),
    value: t.expose('value', { type: 'JSON', description: 'As stored (option codes).' }),
    text: t.exposeString('text', { description: 'As people read it: option labels, region names; several joined with «; ».' }),
  };
}

/** Resolved from MeasureInWords, so a record that adds fields to it (MeasureRecord: questionCode) has them too. */
export function measureInWordsFields<Shape extends MeasureInWords>(t: Fields<Shape>) {
  const text = (resolve: (measure: MeasureInWords) => string | null) => t.string({ nullable: true, resolve });
  return {
    position: t.int({ resolve: (measure: MeasureInWords) => measure.position }),
    typeCode: text((measure) => measure.typeCode),
    typeName: text((measure) => measure.typeName),
    groupName: text((measure) => measure.groupName),
    title: text((measure) => measure.title),
    description: text((measure) => measure.description),
    result: text((measure) => measure.result),
    year: t.int({ nullable: true, resolve: (measure: MeasureInWords) => measure.year }),
  };
}
