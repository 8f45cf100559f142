import MailIcon from '@mui/icons-material/Mail';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('OutboxMailList'),
  icon: MailIcon,
  recordRepresentation: 'to',
};
