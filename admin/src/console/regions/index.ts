import MapIcon from '@mui/icons-material/Map';
import { RegionList } from './RegionList.tsx';
import { RegionShow } from './RegionShow.tsx';

export default {
  list: RegionList,
  show: RegionShow,
  icon: MapIcon,
  recordRepresentation: 'name',
};
