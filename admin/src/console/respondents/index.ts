import PeopleIcon from '@mui/icons-material/People';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('RespondentList'),
  show: lazyScreen('RespondentShow'),
  icon: PeopleIcon,
  recordRepresentation: 'email',
};
