'use client';

// A handle's validation failure (lib/tiktok/handle.ts) in the page's language.
import { useTranslations } from 'next-intl';
import { HANDLE_EXAMPLE_LINK, HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH, type HandleFailure } from '@/lib/tiktok/handle';

export function useHandleError(): (failure: HandleFailure) => string {
  const t = useTranslations('handle');
  return (failure) => {
    switch (failure.code) {
      case 'tooShort':
        return t('tooShort', { min: HANDLE_MIN_LENGTH });
      case 'tooLong':
        return t('tooLong', { max: HANDLE_MAX_LENGTH });
      case 'notTikTokLink':
      case 'notProfileLink':
        return t(failure.code, { example: HANDLE_EXAMPLE_LINK });
      case 'invalidCharacter': {
        const character = failure.character ?? '';
        if (character === ' ') return t('invalidSpace');
        if (character === '@') return t('invalidAt');
        if (/[\p{C}\p{Z}]/u.test(character)) return t('invalidInvisible', { code: codePointOf(character) });
        return t('invalidCharacter', { character });
      }
      case 'empty':
      case 'inputTooLong':
      case 'endsWithDot':
        return t(failure.code);
    }
  };
}

function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
