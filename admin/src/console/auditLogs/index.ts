import HistoryIcon from '@mui/icons-material/History';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('AuditLogList'),
  show: lazyScreen('AuditLogShow'),
  icon: HistoryIcon,
  recordRepresentation: (record: { action: string; subjectId: string }) => `${record.action} ${record.subjectId}`,
};
