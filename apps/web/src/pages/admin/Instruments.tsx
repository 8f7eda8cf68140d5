import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty } from '../../ui';
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
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('instruments')}>
            <table>
              <caption>{t('instruments')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assetTag')}</th>
                  <th scope="col">{t('type')}</th>
                  <th scope="col">{t('size')}</th>
                  <th scope="col">{t('condition')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
      </CursorListView>
    </>
  );
}
