import { useI18n } from '../../i18n';
import type { Schema } from '../../api/client';
import { Field, fieldError, SelectField } from '../../ui';

interface AreaEmailFieldsProps {
  areas: Schema<'AreaDto'>[];
  area: string;
  email: string;
  error: unknown;
  onAreaChange: (slug: string) => void;
  onEmailChange: (email: string) => void;
}

/** Which programme area and which email: how a person is found, on signing in and on asking for a reset link. */
export function AreaEmailFields({ areas, area, email, error, onAreaChange, onEmailChange }: AreaEmailFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t('area')}
        error={fieldError(error, 'area')}
        name="area"
        value={area}
        onChange={onAreaChange}
        required
        none={t('chooseArea')}
      >
        {areas.map((item) => (
          <option key={item.id} value={item.slug}>
            {item.name}
          </option>
        ))}
      </SelectField>
      <Field label={t('email')} error={fieldError(error, 'email')}>
        {(props) => (
          <input
            {...props}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(event) => onEmailChange(event.target.value)}
            required
          />
        )}
      </Field>
    </>
  );
}
