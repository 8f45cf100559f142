import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('PlanActivityList'),
  show: lazyScreen('PlanActivityShow'),
  icon: EventNoteIcon,
  recordRepresentation: (record: { number: string; title: string }) => `${record.number}. ${record.title}`,
};
