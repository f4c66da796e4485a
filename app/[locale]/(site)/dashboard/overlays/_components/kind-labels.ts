// Each overlay kind's name and one-line description in the dashboard's language (lib/overlays/settings.ts
// keeps the English OVERLAY_KIND_LABELS for code outside the dashboard). Works in server and client components.
import { useTranslations } from 'next-intl';
import type { OverlayKind } from '@/lib/overlays/settings';

export type KindLabel = { name: string; description: string };

export function useKindLabels(): Record<OverlayKind, KindLabel> {
  const t = useTranslations('overlayEditor');
  return {
    GIFT_ALERTS: { name: t('kinds.giftAlerts.name'), description: t('kinds.giftAlerts.description') },
    LEADERBOARD: { name: t('kinds.leaderboard.name'), description: t('kinds.leaderboard.description') },
    GOAL: { name: t('kinds.goal.name'), description: t('kinds.goal.description') },
    CHAT: { name: t('kinds.chat.name'), description: t('kinds.chat.description') },
    VIEWER_COUNT: { name: t('kinds.viewerCount.name'), description: t('kinds.viewerCount.description') },
    ACTIVITY: { name: t('kinds.activity.name'), description: t('kinds.activity.description') },
    QA_GAME: { name: t('kinds.qaGame.name'), description: t('kinds.qaGame.description') },
    TOP_GIFTER: { name: t('kinds.topGifter.name'), description: t('kinds.topGifter.description') },
    TIMER: { name: t('kinds.timer.name'), description: t('kinds.timer.description') },
    WHEEL: { name: t('kinds.wheel.name'), description: t('kinds.wheel.description') },
  };
}
