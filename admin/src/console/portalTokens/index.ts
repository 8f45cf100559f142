import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('PortalTokenList'),
  show: lazyScreen('PortalTokenShow'),
  create: lazyScreen('PortalTokenCreate'),
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
};
