import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import { PlanIndicatorList } from './PlanIndicatorList.tsx';
import { PlanIndicatorShow } from './PlanIndicatorShow.tsx';

export default {
  list: PlanIndicatorList,
  show: PlanIndicatorShow,
  icon: TrackChangesIcon,
  recordRepresentation: (record: { number: number; name: string }) => `${record.number}. ${record.name}`,
};
