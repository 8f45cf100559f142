import DescriptionIcon from '@mui/icons-material/Description';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('ResponseList'),
  show: lazyScreen('ResponseShow'),
  icon: DescriptionIcon,
  recordRepresentation: 'respondentEmail',
};
