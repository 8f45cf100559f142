import EventBusyIcon from '@mui/icons-material/EventBusy';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('TaskOccurrenceList'),
  show: lazyScreen('TaskOccurrenceShow'),
  icon: EventBusyIcon,
  recordRepresentation: (record: { item: { number: string }; dueOn: string | null }) =>
    `п. ${record.item.number}${record.dueOn ? `, срок ${record.dueOn.slice(8, 10)}.${record.dueOn.slice(5, 7)}.${record.dueOn.slice(0, 4)}` : ''}`,
};
