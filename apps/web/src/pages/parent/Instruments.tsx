import { allPages, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDay, useI18n } from '../../i18n';
import { Empty, Loaded, useLoad } from '../../ui';
import { useChildren } from './children';

type Loan = Schema<'instrument-loan.LoanDto'>;

/** Today in the area's time zone (YYYY-MM-DD), to tell a loan past its due day. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * The instruments the family's children have on loan (instrument-loan answers a guardian their own
 * children's): what it is, the agreement the family accepted, and when it is due back.
 */
export function ParentInstruments() {
  const { t } = useI18n();
  const children = useChildren();
  const loans = useLoad(() => allPages('/api/instrument-loan/loans', { state: 'active' }), []);
  return (
    <>
      <h1>{t('loans.title')}</h1>
      <p>{t('loans.intro')}</p>
      <Loaded value={loans}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('loans.none')}</Empty>
          ) : (
            <ul className="cards">
              {list.map((loan) => (
                <LoanCard
                  key={loan.id}
                  loan={loan}
                  childName={children.state === 'ready' ? children.data.find((kid) => kid.pupilId === loan.pupilId)?.name : undefined}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
      <ReturnedLoans names={children.state === 'ready' ? children.data : []} />
    </>
  );
}

/** Instruments the children had and gave back: what, when it came back, and in what state. */
function ReturnedLoans({ names }: { names: { pupilId: string; name: string }[] }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const loans = useLoad(() => allPages('/api/instrument-loan/loans', { state: 'returned' }, 2), []);
  const dayOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: me.area.timeZone }).format(new Date(iso));
  return (
    <section aria-labelledby="returned-heading">
      <h2 id="returned-heading">{t('loans.returnedTitle')}</h2>
      <Loaded value={loans}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('loans.noneReturned')}</Empty>
          ) : (
            <ul className="cards plain" data-testid="returned-loans">
              {list.map((loan) => {
                const name = names.find((kid) => kid.pupilId === loan.pupilId)?.name;
                return (
                  <li key={loan.id} className="card" data-loan-id={loan.id}>
                    <h3>
                      {t('instrumentType', { type: loan.instrument.type })}
                      {loan.instrument.size && <span className="muted"> · {t('loans.size', { size: loan.instrument.size })}</span>}
                    </h3>
                    {name && <p>{t('loans.for', { name })}</p>}
                    <p data-testid="returned-on">
                      {t('loans.returnedOn', {
                        from: formatDay(language, dayOf(loan.startedAt)),
                        to: loan.returnedAt ? formatDay(language, dayOf(loan.returnedAt)) : '',
                      })}
                    </p>
                    <p className="muted">{t('loans.label', { tag: loan.instrument.assetTag })}</p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function LoanCard({ loan, childName }: { loan: Loan; childName: string | undefined }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const overdue = loan.overdueAt !== null || loan.dueOn < today(me.area.timeZone);
  const agreedOn = new Intl.DateTimeFormat('en-CA', { timeZone: me.area.timeZone }).format(new Date(loan.agreement.agreedAt));
  const startedOn = new Intl.DateTimeFormat('en-CA', { timeZone: me.area.timeZone }).format(new Date(loan.startedAt));
  return (
    <li className="card" data-loan-id={loan.id}>
      <h2>
        {t('instrumentType', { type: loan.instrument.type })}
        {loan.instrument.size && <span className="muted"> · {t('loans.size', { size: loan.instrument.size })}</span>}
      </h2>
      {childName && <p>{t('loans.for', { name: childName })}</p>}
      <p data-testid="due-back">
        <span className={overdue ? 'badge badge-bad' : 'badge badge-good'}>
          {overdue
            ? t('loans.overdue', { date: formatDay(language, loan.dueOn) })
            : t('loans.dueBack', { date: formatDay(language, loan.dueOn) })}
        </span>
      </p>
      <p className="muted">
        {t('loans.since', { date: formatDay(language, startedOn) })} · {t('loans.label', { tag: loan.instrument.assetTag })}
      </p>
      {loan.accessories.length > 0 && <p>{t('loans.accessories', { items: loan.accessories.join(', ') })}</p>}
      <p data-testid="agreement">
        {t('loans.agreement', {
          name: loan.agreement.agreedByName,
          date: formatDay(language, agreedOn),
          version: loan.agreement.termsVersion,
        })}
      </p>
    </li>
  );
}
