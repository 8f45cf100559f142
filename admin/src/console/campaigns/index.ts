import AssignmentIcon from '@mui/icons-material/Assignment';
import { CampaignList } from './CampaignList.tsx';
import { CampaignShow } from './CampaignShow.tsx';

export default {
  list: CampaignList,
  show: CampaignShow,
  icon: AssignmentIcon,
  recordRepresentation: 'title',
};
