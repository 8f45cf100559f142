import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('CampaignList'),
  show: lazyScreen('CampaignShow'),
  icon: AssignmentIcon,
  recordRepresentation: 'title',
};
