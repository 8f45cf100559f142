import GavelIcon from '@mui/icons-material/Gavel';
import { lazyScreen } from '../lazyScreen.ts';

export default {
  list: lazyScreen('ProtocolList'),
  show: lazyScreen('ProtocolShow'),
  icon: GavelIcon,
  recordRepresentation: (record: { number: string; date: string }) =>
    `№ ${record.number} от ${record.date.slice(8, 10)}.${record.date.slice(5, 7)}.${record.date.slice(0, 4)}`,
};
