import { useEffect, useState } from 'react';

interface Props {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  /** Called 300 ms after the last keystroke, so each letter does not start a request. */
  onSearch: (value: string) => void;
}

export function SearchField({ id, label, placeholder, value, onSearch }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = window.setTimeout(() => onSearch(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <div className="filter filter-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="search"
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}
