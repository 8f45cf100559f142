import ChecklistIcon from '@mui/icons-material/Checklist';
import { MeasureList } from './MeasureList.tsx';
import { MeasureShow } from './MeasureShow.tsx';

export default {
  list: MeasureList,
  show: MeasureShow,
  icon: ChecklistIcon,
  recordRepresentation: (record: { title?: string | null; position?: number }) => record.title || `Мероприятие № ${(record.position ?? 0) + 1}`,
};
