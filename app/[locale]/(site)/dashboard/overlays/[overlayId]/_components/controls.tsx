'use client';

// The overlay editor's form controls: each is a labelled native input (keyboard and screen-reader
// friendly as is) with an optional hint and an error, both tied to the input with aria-describedby.
// Ids come from the setting's path (fieldId), so the error summary can link to the field.
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { fieldId, formatWordList, parseWordList } from '@/lib/overlays/editor';

const inputClass = 'min-h-11 w-full min-w-0 rounded-lg border border-line bg-panel-2 px-3 py-2 aria-[invalid=true]:border-accent';

type Described = { path: string; hint?: ReactNode; error?: string };

function describedBy(path: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(path)}-hint` : null, error ? `${fieldId(path)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({ path, hint, error }: Described) {
  return (
    <>
      {hint && (
        <span id={`${fieldId(path)}-hint`} className="text-xs text-muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${fieldId(path)}-error`} className="text-xs font-semibold text-accent">
          {error}
        </span>
      )}
    </>
  );
}

/** What every labelled field shares: the label above its control, then the hint and the error. */
function LabelledField({ path, label, hint, error, labelClass = 'font-medium', children }: Described & { label: ReactNode; labelClass?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={fieldId(path)} className={labelClass}>
        {label}
      </label>
      {children}
      <HintAndError path={path} hint={hint} error={error} />
    </div>
  );
}

/** A number typed as text (so "", "-" or "1." can be typed on the way); invalid text reports NaN. */
function readNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

type NumberProps = Described & { label: ReactNode; value: number; onChange: (value: number) => void; min?: number; max?: number; step?: number; suffix?: string; compact?: boolean };

export function NumberField({ path, label, value, onChange, min, max, step = 1, suffix, hint, error, compact }: NumberProps) {
  const [text, setText] = useState(() => (Number.isNaN(value) ? '' : String(value)));
  // The value can change from outside (a tier row removed above, "Discard changes"): show it then.
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(readNumber(text), value)) setText(Number.isNaN(value) ? '' : String(value));
  }
  return (
    <LabelledField path={path} label={label} hint={hint} error={error} labelClass={compact ? 'sr-only' : 'font-medium'}>
      <span className="flex items-center gap-2">
        <input
          id={fieldId(path)}
          type="number"
          inputMode={step % 1 === 0 && (min ?? 0) >= 0 ? 'numeric' : 'decimal'}
          value={text}
          min={min}
          max={max}
          step={step}
          onChange={(e) => {
            setText(e.currentTarget.value);
            onChange(readNumber(e.currentTarget.value));
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(path, hint, error)}
          className={`${inputClass} tabular-nums ${compact ? '' : 'sm:max-w-48'}`}
        />
        {suffix && <span className="shrink-0 text-sm text-muted">{suffix}</span>}
      </span>
    </LabelledField>
  );
}

type RangeProps = Described & { label: ReactNode; value: number; onChange: (value: number) => void; min: number; max: number; step: number; format: (value: number) => string };

/** A slider with its value shown beside it (arrow keys move it one step). */
export function RangeField({ path, label, value, onChange, min, max, step, format, hint, error }: RangeProps) {
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <span className="flex items-center gap-3">
        <input
          id={fieldId(path)}
          type="range"
          min={min}
          max={max}
          step={step}
          value={Number.isFinite(value) ? value : min}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
          aria-valuetext={format(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(path, hint, error)}
          className="h-11 min-w-0 flex-1 accent-accent"
        />
        <output htmlFor={fieldId(path)} className="w-14 shrink-0 text-right tabular-nums">
          {format(value)}
        </output>
      </span>
    </LabelledField>
  );
}

type TextProps = Described & { label: ReactNode; value: string; onChange: (value: string) => void; maxLength?: number; placeholder?: string; type?: 'text' | 'password' };

export function TextField({ path, label, value, onChange, maxLength, placeholder, hint, error, type = 'text' }: TextProps) {
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <input
        id={fieldId(path)}
        type={type}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        maxLength={maxLength}
        placeholder={placeholder}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(path, hint, error)}
        className={inputClass}
      />
    </LabelledField>
  );
}

type SelectProps = Described & { label: ReactNode; value: string; options: readonly { value: string; label: string; lang?: string }[]; onChange: (value: string) => void };

/** A native drop-down, for choices too many (or too long) for ChoiceField's buttons. */
export function SelectField({ path, label, value, options, onChange, hint, error }: SelectProps) {
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <select id={fieldId(path)} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(path, hint, error)} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

type ToggleProps = Described & { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void };

/** A checkbox presented as a switch; Space toggles it. */
export function ToggleField({ path, label, checked, onChange, hint, error }: ToggleProps) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={fieldId(path)} className="flex min-h-11 cursor-pointer items-center justify-between gap-3">
        <span className="font-medium">{label}</span>
        <span className="relative inline-flex shrink-0 items-center">
          <input
            id={fieldId(path)}
            type="checkbox"
            role="switch"
            checked={checked}
            onChange={(e) => onChange(e.currentTarget.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(path, hint, error)}
            className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
          />
          <span aria-hidden className="h-6 w-11 rounded-full bg-line transition-colors peer-checked:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-2" />
          <span aria-hidden className="absolute left-0.5 size-5 rounded-full bg-white transition-transform peer-checked:translate-x-5" />
        </span>
      </label>
      <HintAndError path={path} hint={hint} error={error} />
    </div>
  );
}

type ColourProps = Described & { label: ReactNode; value: string; onChange: (value: string) => void };

/** A colour picker and the same colour as text (#rrggbb), for pasting a brand colour. */
export function ColourField({ path, label, value, onChange, hint, error }: ColourProps) {
  const t = useTranslations('overlayEditor');
  const valid = /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <span className="flex items-center gap-2">
        <input type="color" value={valid ? value.toLowerCase() : '#000000'} onChange={(e) => onChange(e.currentTarget.value)} aria-label={t('controls.pickColour')} className="h-11 w-14 shrink-0 cursor-pointer rounded-lg border border-line bg-panel-2 p-1" />
        <input
          id={fieldId(path)}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value.trim())}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(path, hint, error)}
          className={`${inputClass} font-mono sm:max-w-36`}
        />
      </span>
    </LabelledField>
  );
}

type ChoiceProps<T extends string> = Described & { label: ReactNode; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void };

/** A segmented choice: native radios in a fieldset (arrow keys move between options). */
export function ChoiceField<T extends string>({ path, label, value, options, onChange, hint, error }: ChoiceProps<T>) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm" aria-describedby={describedBy(path, hint, error)}>
      <legend className="mb-1 font-medium">{label}</legend>
      <div id={fieldId(path)} tabIndex={-1} className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-accent has-[:checked]:bg-accent/10 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-2">
            <input type="radio" name={fieldId(path)} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} className="sr-only" />
            {option.label}
          </label>
        ))}
      </div>
      <HintAndError path={path} hint={hint} error={error} />
    </fieldset>
  );
}

type WordListProps = Described & { label: ReactNode; value: readonly string[]; onChange: (value: string[]) => void; errors?: [string, string][] };

/** One word per line. The text is kept as typed (blank lines too); the list sent is cleaned. */
export function WordListField({ path, label, value, onChange, hint, error, errors = [] }: WordListProps) {
  const t = useTranslations('overlayEditor');
  const [text, setText] = useState(() => formatWordList(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (parseWordList(text).join('\n') !== value.join('\n')) setText(formatWordList(value));
  }
  // "blockedWords.3: Use at most 40 characters." → name the word itself.
  const messages = [error, ...errors.map(([field, message]) => {
    const index = Number(field.split('.').at(-1));
    const word = value[index];
    return word === undefined ? message : t('controls.wordError', { word: word.length > 24 ? `${word.slice(0, 24)}…` : word, message });
  })].filter((m): m is string => Boolean(m));
  const combined = messages.length ? messages.join(' ') : undefined;
  return (
    <LabelledField path={path} label={label} hint={hint} error={combined}>
      <textarea
        id={fieldId(path)}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          onChange(parseWordList(e.currentTarget.value));
        }}
        rows={4}
        spellCheck={false}
        autoCapitalize="none"
        aria-invalid={combined ? true : undefined}
        aria-describedby={describedBy(path, hint, combined)}
        className={`${inputClass} resize-y font-mono`}
      />
    </LabelledField>
  );
}

/** A titled group of fields. */
export function FieldGroup({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 border-t border-line pt-4 first:border-t-0 first:pt-0">
      <legend className="float-left mb-1 w-full">
        <span className="block font-semibold">{title}</span>
        {description && <span className="block text-xs font-normal text-muted">{description}</span>}
      </legend>
      {children}
    </fieldset>
  );
}
