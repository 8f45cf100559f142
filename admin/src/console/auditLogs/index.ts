import HistoryIcon from '@mui/icons-material/History';
import { AuditLogList } from './AuditLogList.tsx';
import { AuditLogShow } from './AuditLogShow.tsx';

export default {
  list: AuditLogList,
  show: AuditLogShow,
  icon: HistoryIcon,
  recordRepresentation: (record: { action: string; subjectId: string }) => `${record.action} ${record.subjectId}`,
};
