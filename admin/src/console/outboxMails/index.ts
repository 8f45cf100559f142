import MailIcon from '@mui/icons-material/Mail';
import { OutboxMailList } from './OutboxMailList.tsx';

export default {
  list: OutboxMailList,
  icon: MailIcon,
  recordRepresentation: 'to',
};
