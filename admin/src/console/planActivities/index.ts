import EventNoteIcon from '@mui/icons-material/EventNote';
import { PlanActivityList } from './PlanActivityList.tsx';
import { PlanActivityShow } from './PlanActivityShow.tsx';

export default {
  list: PlanActivityList,
  show: PlanActivityShow,
  icon: EventNoteIcon,
  recordRepresentation: (record: { number: string; title: string }) => `${record.number}. ${record.title}`,
};
