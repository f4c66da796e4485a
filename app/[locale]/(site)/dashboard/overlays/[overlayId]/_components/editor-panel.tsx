// One of the editor's panels beside the settings form (the timer's and the wheel's host controls, the
// settings file): a section named by its heading, with an optional line saying what it is for.
import type { ReactNode } from 'react';

type Props = {
  /** Names the heading `${id}-title`, which labels the section. */
  id: string;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
};

export function EditorPanel({ id, title, description, children }: Props) {
  const titleId = `${id}-title`;
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id={titleId} className="font-semibold">
        {title}
      </h2>
      {description && <p className="text-sm text-muted">{description}</p>}
      {children}
    </section>
  );
}
