import { useState } from 'react';

/** The type a connect form is for: picked already when there is only one to choose from. */
export function useTypeChoice<T extends { type: string }>(types: T[]) {
  const [type, setType] = useState(types.length === 1 ? (types[0]?.type ?? '') : '');
  return { type, setType, selected: types.find((t) => t.type === type) };
}
