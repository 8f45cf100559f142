// The spheres of social services whose quality НОК assesses.
export interface SphereData {
  code: string;
  name: string;
  /** Forms used in source documents (seed 003's column headings). */
  aliases: string[];
}

export const spheres: SphereData[] = [
  { code: 'health', name: 'Здравоохранение', aliases: ['здравоохранение', 'охрана здоровья'] },
  { code: 'education', name: 'Образование', aliases: ['образование'] },
  { code: 'social', name: 'Социальное обслуживание', aliases: ['соц.обслуживание', 'соц. обслуживание', 'социальное обслуживание'] },
  { code: 'culture', name: 'Культура', aliases: ['культура'] },
  { code: 'sport', name: 'Физическая культура и спорт', aliases: ['спорт', 'физическая культура и спорт'] },
];
