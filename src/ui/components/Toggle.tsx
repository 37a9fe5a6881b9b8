interface Props {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off setting: a checkbox announced as a switch, with what turning it on does. */
export function Toggle({ id, label, description, checked, onChange }: Props) {
  return (
    <div className="toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        aria-describedby={`${id}-description`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-description`}>
        {description}
      </p>
    </div>
  );
}
