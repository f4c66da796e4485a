'use client';

/** A small set of mutually exclusive choices as toggle buttons (for state that lives in the browser only). */
export function ChoiceTabs<V extends string>({ label, options, value, onChange }: { label: string; options: readonly { value: V; label: string }[]; value: V; onChange: (value: V) => void }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap self-start rounded-lg border border-line p-1">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
          className={`whitespace-nowrap rounded-md px-3 py-1 text-sm font-semibold ${option.value === value ? 'bg-panel-2 text-white ring-1 ring-accent-2/60' : 'text-muted hover:text-white'}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
