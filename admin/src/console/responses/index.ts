import DescriptionIcon from '@mui/icons-material/Description';
import { ResponseList } from './ResponseList.tsx';
import { ResponseShow } from './ResponseShow.tsx';

export default {
  list: ResponseList,
  show: ResponseShow,
  icon: DescriptionIcon,
  recordRepresentation: 'respondentEmail',
};
