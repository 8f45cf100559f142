// Named answers to the 2021 questionnaire (seed 000), shared by engine and API tests.

export const section1 = {
  respondent_name: 'Иванова Анна Петровна',
  respondent_position: 'Специалист',
  region: 'RU-ALT',
  authority_name: 'Министерство социальной защиты Алтайского края',
  respondent_powers: ['bus_gov_publication', 'bus_gov_accuracy'],
};
/** Section 2 with 4 of its 5 required items answered (3.3 left blank): the seed's 80%. */
export const section2at80 = {
  opinion_forms: ['paper_questionnaire', 'bus_gov_rating'],
  legislation_changes: 'no_changes_needed',
  manager_competence: 'rather_agree',
  staff_competence: 'agree',
};
export const measure = (n: number) => ({
  type: 'material_base',
  title: `Мероприятие ${n}`,
  description: `Описание мероприятия ${n}`,
  result: 'Повышение доступности услуг',
  year: 2021,
});
