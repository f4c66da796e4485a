// Issue 19 §5: when a page fails, the error boundaries say so in the reader's language with a way back
// ("Try again", which renders the segment again, and the home page), and keep one main landmark: the
// site's (app/[locale]/(site)/error.tsx, inside the layout's <main>), the language layout's
// (app/[locale]/error.tsx, which brings its own) and the document's (app/global-error.tsx, which brings
// <html> itself). A profile shows a loading state while its data loads. (The not-found pages are
// checked in a browser by e2e/not-found.spec.ts.)
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import GlobalError from '../global-error';
import SiteError from './(site)/error';
import ProfileLoading from './(site)/profile/[username]/loading';
import LocaleError from './error';

const boom = Object.assign(new Error('boom'), { digest: '1' });
const reset = () => undefined;

async function render(locale: Locale, element: ReactElement): Promise<string> {
  const props = { locale, messages: await loadMessages(locale), timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, element));
}

const mains = (html: string) => html.match(/<main\b/g)?.length ?? 0;

describe('error pages', () => {
  it('the site’s says what happened and offers "Try again" and the home page, inside the layout’s main', async () => {
    const html = await render('en', createElement(SiteError, { error: boom, reset }));
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<h1[^>]*>Something went wrong<\/h1>/);
    expect(html).toMatch(/<button type="button"[^>]*>Try again<\/button>/);
    expect(html).toMatch(/<a [^>]*href="\/"[^>]*>Home page<\/a>/);
    expect(html).not.toContain('boom'); // the error's own message is for the logs, not the reader
    expect(mains(html)).toBe(0);
  });

  it('the language layout’s brings its one main, in the page’s language', async () => {
    const html = await render('ru', createElement(LocaleError, { error: boom, reset }));
    const ru = (await loadMessages('ru')).notFound.error;
    expect(html).toContain(`>${ru.title}</h1>`);
    expect(html).toContain(`>${ru.retry}</button>`);
    expect(html).toContain(`>${ru.home}</a>`);
    expect(mains(html)).toBe(1);
  });

  it('the document’s brings <html> with its language, its texts and one main, with no provider above it', () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: boom, reset }));
    expect(html).toMatch(/^<html lang="en">/);
    expect(html).toMatch(/<h1[^>]*>Something went wrong<\/h1>/);
    expect(html).toContain('>Try again</button>');
    expect(html).toMatch(/<a [^>]*href="\/"[^>]*>Home page<\/a>/);
    expect(mains(html)).toBe(1);
  });

  it('a profile shows an announced loading state while its data loads', async () => {
    const html = await render('th', createElement(ProfileLoading));
    expect(html).toContain('role="status"');
    expect(html).toContain(`<span class="sr-only">${(await loadMessages('th')).notFound.loading}</span>`);
  });
});
