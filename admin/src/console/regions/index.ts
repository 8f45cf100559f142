import MapIcon from '@mui/icons-material/Map';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('RegionList'),
  show: lazyScreen('RegionShow'),
  icon: MapIcon,
  recordRepresentation: 'name',
};
