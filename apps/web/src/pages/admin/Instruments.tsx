import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, TableFrame } from '../../ui';
import { CursorListView, useCursorList } from '../../cursor-list';
import { conditionWords, statusWords, typeWords } from '../instrument-words';

export function AdminInstruments() {
  const { t } = useI18n();
  const instruments = useCursorList('/api/instrument-loan/instruments', {}, 100);
  return (
    <>
      <h1>{t('instruments')}</h1>
      <CursorListView list={instruments} showCount empty={<Empty>{t('noInstruments')}</Empty>}>
        {(items) => (
          <TableFrame
            label={t('instruments')}
            caption={t('instruments')}
            columns={[t('assetTag'), t('type'), t('size'), t('condition'), t('status')]}
          >
            {items.map((instrument) => (
              <tr key={instrument.id}>
                <td>
                  <Link to={`/instruments/${instrument.id}`}>{instrument.assetTag}</Link>
                </td>
                <td>{typeWords(t, instrument.type)}</td>
                <td>{instrument.size ?? '–'}</td>
                <td>{conditionWords(t, instrument.condition)}</td>
                <td>{statusWords(t, instrument.status)}</td>
              </tr>
            ))}
          </TableFrame>
        )}
      </CursorListView>
    </>
  );
}
