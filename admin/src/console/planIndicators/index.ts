import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('PlanIndicatorList'),
  show: lazyScreen('PlanIndicatorShow'),
  icon: TrackChangesIcon,
  recordRepresentation: (record: { number: number; name: string }) => `${record.number}. ${record.name}`,
};
