import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { PracticeCreate } from './PracticeCreate.tsx';
import { PracticeEdit } from './PracticeEdit.tsx';
import { PracticeList } from './PracticeList.tsx';
import { PracticeShow } from './PracticeShow.tsx';

export default {
  list: PracticeList,
  show: PracticeShow,
  create: PracticeCreate,
  edit: PracticeEdit,
  icon: LightbulbIcon,
  recordRepresentation: (record: { region?: { name: string }; form?: { name: string } }) =>
    `${record.region?.name ?? ''}: ${record.form?.name ?? ''}`,
};
