import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('AuthorityList'),
  show: lazyScreen('AuthorityShow'),
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
