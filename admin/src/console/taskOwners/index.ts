import ContactMailIcon from '@mui/icons-material/ContactMail';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('TaskOwnerList'),
  show: lazyScreen('TaskOwnerShow'),
  icon: ContactMailIcon,
  recordRepresentation: 'name',
};
