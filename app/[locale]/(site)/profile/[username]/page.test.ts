// The profile page's 404s: a missing or invalid handle must come back as content plus the 404 marker,
// never as a thrown notFound(), which Next 16 turns into an empty HTML shell (vercel/next.js#98954).
// What the server then sends (status 404, the message in the HTML) is checked end to end in
// e2e/not-found.spec.ts.
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const readProfilePage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/stats/lookup', () => ({ readProfilePage }));
vi.mock('next-intl/server', () => ({ setRequestLocale: vi.fn(), getTranslations: vi.fn() }));

const { default: ProfilePage } = await import('./page');
const { NotFoundStatus } = await import('./_components/not-found-status');
const { LookingUp } = await import('./_components/missing-profile');
const { LookupProblem } = await import('./_components/lookup-problem');

/** The component types a server component returned, one level deep (a fragment's children). */
function renderedTypes(node: ReactNode): unknown[] {
  if (!isValidElement(node)) return [];
  const { children } = (node as ReactElement<{ children?: ReactNode }>).props;
  const list: ReactNode[] = Array.isArray(children) ? (children as ReactNode[]) : [children];
  return [node.type, ...list.filter(isValidElement).map((child) => child.type)];
}

const render = (username: string) => ProfilePage({ params: Promise.resolve({ locale: 'en', username }) });

beforeEach(() => readProfilePage.mockReset());

describe('the profile page answers 404 without throwing', () => {
  it('renders the lookup’s first state (no fetch) and the 404 marker for a handle nothing is stored for', async () => {
    readProfilePage.mockResolvedValue({ kind: 'missing', handle: 'nobody.here' });
    const types = renderedTypes(await render('nobody.here'));
    // Not MissingProfile: its effect would look the handle up, and again once not-found.tsx takes over.
    expect(types).toContain(LookingUp);
    expect(types).toContain(NotFoundStatus);
  });

  it('renders the explanation and the 404 marker for an invalid handle', async () => {
    readProfilePage.mockResolvedValue({ kind: 'invalid', error: 'bad' });
    const types = renderedTypes(await render('..bad..handle..'));
    expect(types).toContain(LookupProblem);
    expect(types).toContain(NotFoundStatus);
  });

  it('the marker throws notFound() only inside its Suspense boundary', () => {
    const boundary = NotFoundStatus();
    const child = (boundary.props as { children: ReactElement }).children;
    expect(typeof child.type).toBe('function');
    let thrown: unknown;
    try {
      (child.type as () => never)();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
  });
});
