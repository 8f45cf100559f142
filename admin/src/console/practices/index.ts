import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('PracticeList'),
  show: lazyScreen('PracticeShow'),
  create: lazyScreen('PracticeCreate'),
  edit: lazyScreen('PracticeEdit'),
  icon: LightbulbIcon,
  recordRepresentation: (record: { region?: { name: string }; form?: { name: string } }) =>
    `${record.region?.name ?? ''}: ${record.form?.name ?? ''}`,
};
