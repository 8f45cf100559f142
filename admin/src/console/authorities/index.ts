import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { AuthorityList } from './AuthorityList.tsx';
import { AuthorityShow } from './AuthorityShow.tsx';

export default {
  list: AuthorityList,
  show: AuthorityShow,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
