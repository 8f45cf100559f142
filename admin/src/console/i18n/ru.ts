// The console's Russian: react-admin's own messages plus the names of our resources and fields.
import russianMessages from 'ra-language-russian';

const ra = (russianMessages as any).ra;

export const ru = {
  ...russianMessages,
  ra: {
    ...ra,
    page: {
      ...ra.page,
      show: '%{name} «%{recordRepresentation}»',
      edit: '%{name} «%{recordRepresentation}»',
    },
    auth: {
      ...ra.auth,
      username: 'Электронная почта',
      auth_check_error: 'Войдите, чтобы продолжить работу',
      sign_in_error: 'Не удалось войти. Проверьте адрес и пароль.',
    },
  },
  console: {
    title: 'Консоль координатора',
    dashboard: {
      menu: 'Ход опроса',
      campaign: 'Опрос',
    },
  },
  resources: {
    Respondent: {
      name: 'Респондент |||| Респонденты',
      fields: {
        email: 'Электронная почта',
        status: 'Статус',
        progress: 'Заполнено',
        lastActivity: 'Последняя активность',
        createdAt: 'Зарегистрирован',
        disabledAt: 'Заблокирован',
        q: 'Поиск по адресу',
      },
    },
    ResponseRecord: {
      name: 'Анкета |||| Анкеты',
      fields: {
        respondentEmail: 'Респондент',
        regionName: 'Субъект РФ',
        campaignCode: 'Опрос',
        status: 'Статус',
        completion: 'Заполнено',
        updatedAt: 'Изменена',
        submittedAt: 'Отправлена',
        q: 'Поиск по адресу',
      },
    },
    OutboxMail: {
      // The menu says «Письма»; the list's title is «Отправленные письма».
      name: 'Письмо |||| Письма',
      fields: {
        to: 'Кому',
        template: 'Шаблон',
        subject: 'Тема',
        status: 'Состояние',
        attempts: 'Попыток',
        createdAt: 'Создано',
        sentAt: 'Отправлено',
        lastError: 'Последняя ошибка',
        q: 'Поиск по адресу',
      },
    },
    AuditLog: {
      name: 'Журнал действий |||| Журнал действий',
      fields: {
        at: 'Время',
        actorEmail: 'Кто',
        action: 'Действие',
        subjectType: 'Тип объекта',
        subjectId: 'Объект',
        before: 'Было',
        after: 'Стало',
        reason: 'Причина',
        change: 'Было → стало',
      },
    },
    Region: {
      name: 'Субъект РФ |||| Субъекты РФ',
      fields: {
        position: '№',
        code: 'Код (ISO 3166-2)',
        name: 'Наименование',
        federalDistrict: 'Федеральный округ',
        federalDistrictName: 'Федеральный округ',
        aliases: 'Другие написания',
        q: 'Поиск',
      },
    },
    Practice: {
      name: 'Лучшая практика |||| Лучшие практики',
      fields: {
        text: 'Описание практики',
        source: 'Источник',
        createdAt: 'Добавлена',
        region: 'Субъект РФ',
        regionId: 'Субъект РФ',
        sphere: 'Сфера',
        sphereId: 'Сфера',
        form: 'Форма реализации',
        formId: 'Форма реализации',
        group: 'Группа',
        q: 'Поиск по тексту',
      },
    },
    PlanIndicator: {
      name: 'Целевой показатель |||| Целевые показатели',
      fields: {
        number: '№',
        name: 'Показатель',
        unit: 'Единица',
        baseYear: 'Базовый год',
        baseValue: 'Базовое значение',
        plan: 'План',
        targets: 'Цели и факт по годам',
        year: 'Год',
        target: 'Цель',
        actual: 'Факт',
      },
    },
    PlanActivity: {
      name: 'Мероприятие плана |||| Мероприятия плана',
      fields: {
        number: '№',
        title: 'Мероприятие',
        form: 'Форма реализации',
        schedule: 'Срок',
        owners: 'Ответственные',
        level: 'Уровень',
        plan: 'План',
        parent: 'Входит в',
        items: 'Подпункты',
        q: 'Поиск',
        topLevelOnly: 'Только мероприятия верхнего уровня',
      },
    },
    Campaign: {
      name: 'Опрос |||| Опросы',
      fields: {
        code: 'Код',
        title: 'Название',
        year: 'Год',
        state: 'Состояние',
        windowState: 'Приём ответов',
        opensAt: 'Открытие',
        closesAt: 'Закрытие',
      },
    },
    Sphere: { name: 'Сфера |||| Сферы', fields: { name: 'Наименование' } },
  },
};
