import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { PracticeList } from './PracticeList.tsx';
import { PracticeShow } from './PracticeShow.tsx';

export default {
  list: PracticeList,
  show: PracticeShow,
  icon: LightbulbIcon,
  recordRepresentation: (record: { region?: { name: string }; form?: { name: string } }) => `${record.region?.name ?? ''}: ${record.form?.name ?? ''}`,
};
