import PeopleIcon from '@mui/icons-material/People';
import { RespondentList } from './RespondentList.tsx';
import { RespondentShow } from './RespondentShow.tsx';

export default {
  list: RespondentList,
  show: RespondentShow,
  icon: PeopleIcon,
  recordRepresentation: 'email',
};
