// The overlay editor's sentences (lib/overlays/editor.ts's EditorWords) in the page's language, from the
// `overlayEditor` catalogue. Numbers are formatted by the messages ({n, number} and plurals) in the
// page's locale.
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { EditorWords, FieldName } from '@/lib/overlays/editor';

type EditorTranslator = ReturnType<typeof useTranslations<'overlayEditor'>>;

/** The words for a translator of the `overlayEditor` namespace (a hook's, or createTranslator's in tests). */
export function editorWords(t: EditorTranslator, locale: string): EditorWords {
  const or = new Intl.ListFormat(locale, { type: 'disjunction' });
  // "a, b and c", with the language's own separators (Intl's would glue Thai "และ" and Chinese "和" to a number).
  const list = (parts: readonly string[]): string => {
    const [first = '', ...rest] = parts;
    if (rest.length === 0) return first;
    if (rest.length === 1) return t('plain.listPair', { first, second: rest[0] ?? '' });
    return t('plain.listMore', { first, rest: list(rest) });
  };
  const field = (name: FieldName): string => {
    switch (name) {
      case 'name':
        return t('fields.name');
      case 'blockedWords':
        return t('fields.blockedWords');
      case 'filterMatch':
        return t('fields.filterMatch');
      case 'language':
        return t('fields.language');
      case 'speechVoice':
        return t('fields.speechVoice');
      case 'speechRate':
        return t('fields.speechRate');
      case 'speechVolume':
        return t('fields.speechVolume');
      case 'speechDetect':
        return t('fields.speechDetect');
      case 'accent':
        return t('fields.accent');
      case 'scale':
        return t('fields.scale');
      case 'minDiamonds':
        return t('fields.minDiamonds');
      case 'durationSeconds':
        return t('fields.durationSeconds');
      case 'sound':
        return t('fields.sound');
      case 'volume':
        return t('fields.volume');
      case 'speech':
        return t('fields.speech');
      case 'template':
        return t('fields.template');
      case 'title':
        return t('fields.title');
      case 'size':
        return t('fields.size');
      case 'resetEachLive':
        return t('fields.resetEachLive');
      case 'showOvertakes':
        return t('fields.showOvertakes');
      case 'metric':
        return t('fields.metric');
      case 'target':
        return t('fields.target');
      case 'maxMessages':
        return t('fields.maxMessages');
      case 'hideAfterSeconds':
        return t('fields.hideAfterSeconds');
      case 'showModeratorBadge':
        return t('fields.showModeratorBadge');
      case 'label':
        return t('fields.label');
      case 'maxItems':
        return t('fields.maxItems');
      case 'follows':
        return t('fields.follows');
      case 'shares':
        return t('fields.shares');
      case 'gifts':
        return t('fields.gifts');
      case 'joins':
        return t('fields.joins');
      case 'countdownSeconds':
        return t('fields.countdownSeconds');
      case 'obsScene':
        return t('board.scene');
      case 'obsUrl':
        return t('board.obsUrl');
      case 'obsPassword':
        return t('board.obsPassword');
      case 'likesPerPointFollower':
        return t('fields.likesPerPointFollower');
      case 'likesPerPointNonFollower':
        return t('fields.likesPerPointNonFollower');
      case 'giftTiers':
        return t('fields.giftTiers');
      case 'giftId':
        return t('fields.giftId');
      case 'showAvatar':
        return t('fields.showAvatar');
      case 'startMinutes':
        return t('fields.startMinutes');
      case 'secondsPerDiamond':
        return t('fields.secondsPerDiamond');
      case 'likesPerStep':
        return t('fields.likesPerStep');
      case 'secondsPerLikeStep':
        return t('fields.secondsPerLikeStep');
      case 'secondsPerFollow':
        return t('fields.secondsPerFollow');
      case 'capMinutes':
        return t('fields.capMinutes');
      case 'maxSpinsPerGift':
        return t('fields.maxSpinsPerGift');
      case 'spinSeconds':
        return t('fields.spinSeconds');
      case 'resultSeconds':
        return t('fields.resultSeconds');
    }
  };
  return {
    enterNumber: () => t('issues.enterNumber'),
    wholeNumber: () => t('issues.wholeNumber'),
    atLeast: (min) => t('issues.atLeast', { min }),
    moreThan: (min) => t('issues.moreThan', { min }),
    atMost: (max) => t('issues.atMost', { max }),
    lessThan: (max) => t('issues.lessThan', { max }),
    maxCharacters: (max) => t('issues.maxCharacters', { max }),
    notEmpty: () => t('issues.notEmpty'),
    maxEntries: (max) => t('issues.maxEntries', { max }),
    keepOneRow: () => t('issues.keepOneRow'),
    pickOneOf: (options) => t('issues.pickOneOf', { options: or.format(options) }),
    invalid: () => t('issues.invalid'),
    colourFormat: () => t('issues.colourFormat'),
    obsUrlFormat: () => t('issues.obsUrlFormat'),
    tiersClash: () => t('issues.tiersClash'),
    chooseGift: () => t('issues.chooseGift'),
    segmentLabel: () => t('issues.segmentLabel'),
    chooseGifts: () => t('issues.chooseGifts'),
    unreachable: () => t('request.unreachable'),
    signedOut: () => t('request.signedOut'),
    overlayGone: () => t('request.overlayGone'),
    field,
    giftTier: (index) => t('fields.giftTier', { index }),
    giftTierFrom: (index) => t('fields.giftTierFrom', { index }),
    giftTierMultiplier: (index) => t('fields.giftTierMultiplier', { index }),
    blockedWord: (index) => t('fields.blockedWord', { index }),
    wheelSegment: (index) => t('fields.wheelSegment', { index }),
    wheelRule: (index) => t('fields.wheelRule', { index }),
    rulesLikes: (follower, others) => t('plain.likes', { follower, others }),
    rulesGifts: (tiers) => t('plain.gifts', { tiers }),
    tierFirstRange: (multiplier, from, to) => t('plain.tierFirstRange', { multiplier, from, to }),
    tierFirstExact: (multiplier, diamonds) => t('plain.tierFirstExact', { multiplier, diamonds }),
    tierFirstUp: (multiplier, from) => t('plain.tierFirstUp', { multiplier, from }),
    tierRange: (multiplier, from, to) => t('plain.tierRange', { multiplier, from, to }),
    tierExact: (multiplier, diamonds) => t('plain.tierExact', { multiplier, diamonds }),
    tierUp: (multiplier, from) => t('plain.tierUp', { multiplier, from }),
    list,
    rulesBelowLowest: (diamonds) => t('plain.belowLowest', { diamonds }),
    rulesStreak: () => t('plain.streak'),
    rulesExample: (likes, likePoints, giftPoints) => t('plain.example', { likes, likePoints, giftPoints }),
  };
}

/** The editor's words in the page's language, for lib/overlays/editor.ts's text functions. */
export function useEditorWords(): EditorWords {
  const t = useTranslations('overlayEditor');
  const locale = useLocale();
  return useMemo(() => editorWords(t, locale), [t, locale]);
}
