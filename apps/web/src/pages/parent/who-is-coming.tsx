import type { ReactNode } from 'react';
import { Field } from '../../ui';

/**
 * Which of the family's children a booking or reply is for: one checkbox a child, the API's message
 * for `pupilIds` under them, and `empty` in place of the boxes when there is no child to choose.
 */
export function ChildrenChoice({
  legend,
  kids,
  chosen,
  onChange,
  error,
  empty,
}: {
  legend: string;
  kids: readonly { pupilId: string; name: string }[];
  chosen: readonly string[];
  onChange: (pupilIds: string[]) => void;
  error?: string;
  empty?: ReactNode;
}) {
  const toggle = (pupilId: string) => onChange(chosen.includes(pupilId) ? chosen.filter((id) => id !== pupilId) : [...chosen, pupilId]);
  return (
    <fieldset className={error ? 'field-invalid' : undefined}>
      <legend>{legend}</legend>
      {kids.length === 0 && empty}
      {kids.map((kid) => (
        <label key={kid.pupilId} className="choice">
          <input
            type="checkbox"
            name="pupilIds"
            value={kid.pupilId}
            checked={chosen.includes(kid.pupilId)}
            onChange={() => toggle(kid.pupilId)}
          />
          <span>{kid.name}</span>
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** How many people (adults, other children, places): whole numbers from `min` to 20, the phone's number keypad. */
export function PeopleCount({
  label,
  hint,
  name,
  min = 0,
  value,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  name: string;
  min?: number;
  value: number;
  onChange: (count: number) => void;
  error?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <input
          {...props}
          name={name}
          type="number"
          inputMode="numeric"
          min={min}
          max={20}
          value={value}
          onChange={(event) => onChange(Number(event.target.value))}
        />
      )}
    </Field>
  );
}
