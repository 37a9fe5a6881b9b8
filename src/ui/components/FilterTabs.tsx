interface Tab<K extends string> {
  key: K;
  label: string;
  count: number | undefined;
}

interface Props<K extends string> {
  label: string;
  tabs: Tab<K>[];
  current: K;
  onSelect: (key: K) => void;
}

/** Toggle buttons over a list ("Out of sync 3"): one is pressed, each shows how many rows it has. */
export function FilterTabs<K extends string>({ label, tabs, current, onSelect }: Props<K>) {
  return (
    <div className="filter-tabs" role="group" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          className="filter-tab"
          aria-pressed={tab.key === current}
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
          {tab.count !== undefined && <span className="filter-tab-count">{tab.count}</span>}
        </button>
      ))}
    </div>
  );
}
