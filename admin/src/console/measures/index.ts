import ChecklistIcon from '@mui/icons-material/Checklist';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('MeasureList'),
  show: lazyScreen('MeasureShow'),
  icon: ChecklistIcon,
  recordRepresentation: (record: { title?: string | null; position?: number }) => record.title || `Мероприятие № ${(record.position ?? 0) + 1}`,
};
