// The measure-type taxonomy must say exactly what seed 000 says (issue 14, point 6).
// test/fixtures/seed000-measure-types.txt is a verbatim excerpt of /work/shared/seeds/000_7ae6ccb747ab0b3d.txt,
// lines 217–235 (section 13, «Возможные типы мероприятий:» to «иное»), copied byte for byte so the
// product never reads the seeds folder. In it a group is «▪ **name**», a type is «- label. *help*», and
// «иное» is a group whose only type gives its help in parentheses: «▪ **иное** (help)».
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureTypeGroups } from '../../api/src/reference/measureTypes.ts';

interface SeedType {
  label: string;
  help: string;
}
interface SeedGroup {
  label: string;
  types: SeedType[];
}

function parseExcerpt(text: string): SeedGroup[] {
  const groups: SeedGroup[] = [];
  for (const line of text.split('\n')) {
    const group = /^▪ \*\*(.+?)\*\*(?: \((.+)\))?$/.exec(line);
    if (group) {
      const label = group[1] ?? '';
      const help = group[2];
      groups.push({ label, types: help === undefined ? [] : [{ label, help }] });
      continue;
    }
    const type = /^- (.+?)\. \*(.+)\*$/.exec(line);
    if (type) {
      const current = groups.at(-1);
      if (!current) throw new Error(`a type before any group: ${line}`);
      current.types.push({ label: type[1] ?? '', help: type[2] ?? '' });
      continue;
    }
    if (line.startsWith('▪') || line.startsWith('- ')) throw new Error(`unread line: ${line}`);
  }
  return groups;
}

// The seed lists the types inside a sentence («Возможные типы мероприятий: ▪ организационные меры …»),
// so they begin in lower case; the product shows them as choices, which begin with a capital like
// every choice of the questionnaires. That first letter is the only difference allowed.
const asChoice = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

const seed = parseExcerpt(readFileSync(new URL('../fixtures/seed000-measure-types.txt', import.meta.url), 'utf8'));

describe('measure types equal seed 000', () => {
  it('reads four groups and eight types from the excerpt', () => {
    expect(seed.map((group) => group.types.length)).toEqual([2, 2, 3, 1]);
  });

  it('has the same groups in the same order, named as the seed names them', () => {
    expect(measureTypeGroups.map((group) => group.name)).toEqual(seed.map((group) => asChoice(group.label)));
  });

  it.each(seed.flatMap((group, g) => group.types.map((type, t) => ({ g, t, ...type }))))(
    'type $label: label and help character for character',
    ({ g, t, label, help }) => {
      const ours = measureTypeGroups[g]?.types[t];
      expect(ours?.name).toBe(asChoice(label));
      expect(ours?.help).toBe(help);
    },
  );

  it('has no type the seed does not list', () => {
    expect(measureTypeGroups.flatMap((group) => group.types).length).toBe(seed.flatMap((group) => group.types).length);
  });
});
