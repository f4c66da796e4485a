// The host panel's words for failed requests (lib/games/host-view.ts's GameErrorWords) in the page's
// language, from the `games` catalogue.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { explainError, type GameErrorWords } from '@/lib/games/host-view';

type GamesTranslator = ReturnType<typeof useTranslations<'games'>>;

/** The words for a translator of the `games` namespace (a hook's, or createTranslator's in tests). */
export function gameErrorWords(t: GamesTranslator): GameErrorWords {
  return {
    unreachable: () => t('errors.unreachable'),
    signedOut: () => t('errors.signedOut'),
    rateLimited: (message) => t('errors.rateLimited', { message }),
    serverError: () => t('errors.serverError'),
  };
}

/** explainError in the page's language. */
export function useExplainError(): (error: { message: string; status?: number } | null) => string | null {
  const t = useTranslations('games');
  return useMemo(() => {
    const words = gameErrorWords(t);
    return (error) => explainError(error, words);
  }, [t]);
}
