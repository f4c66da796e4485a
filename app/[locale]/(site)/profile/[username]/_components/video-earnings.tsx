// What a video may bring in, shown as two separate figures: TikTok's Creator Rewards for one video, and
// the price a brand pays for one sponsored video. They used to be added into one "Earnings / video",
// which put a sponsor's rate for a whole follower tier under the name of earnings (issue 19).
// lib/stats/estimates.ts computes both; the rates and their sources are in lib/stats/constants.ts.
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useDisplay } from '@/components/site/display';
import { StatTile } from '@/components/ui/card';
import { CREATOR_REWARDS_MIN_FOLLOWERS } from '@/lib/stats/constants';
import type { PerVideoEarnings } from '@/lib/stats/estimates';
import { formatCompact, formatMoney, formatMoneyRange, MISSING_VALUE } from '@/lib/stats/format';
import { bandLabel } from '@/components/stats/rating-notes';

const strong = (chunks: ReactNode) => <strong className="text-white">{chunks}</strong>;

function useTierLabel(): (tier: NonNullable<PerVideoEarnings['sponsoredTier']>) => string {
  const t = useTranslations('profile');
  const locale = useLocale();
  return (tier) =>
    bandLabel(tier.minFollowers, tier.maxFollowers, locale, {
      under: (to) => t('ratingNotes.bandUnder', { to }),
      over: (from) => t('ratingNotes.bandOver', { from }),
    });
}

/** The two tiles of the statistics card; "—" when the account has no videos to estimate from. */
export function VideoEarningTiles({ perVideo }: { perVideo: PerVideoEarnings | null }) {
  const t = useTranslations('profile');
  const locale = useLocale();
  const { money } = useDisplay();
  const tierLabel = useTierLabel();
  const rewards = !perVideo ? MISSING_VALUE : perVideo.creatorRewardsEligible ? formatMoneyRange(perVideo.creatorRewards, money) : MISSING_VALUE;
  const rewardsHint = perVideo && !perVideo.creatorRewardsEligible ? t('creatorRewardsIneligibleHint', { min: formatCompact(CREATOR_REWARDS_MIN_FOLLOWERS, locale) }) : t('estimate');
  const tier = perVideo?.sponsoredTier ?? null;
  return (
    <>
      <StatTile label={t('creatorRewardsPerVideo')} value={rewards} hint={rewardsHint} />
      <StatTile
        label={t('sponsoredPrice')}
        value={perVideo && tier ? formatMoneyRange(perVideo.sponsoredPost, money) : MISSING_VALUE}
        hint={tier ? t('sponsoredTierHint', { band: tierLabel(tier) }) : t('sponsoredNoTierHint')}
      />
    </>
  );
}

/** The two list items of "How these numbers are estimated": each estimate's formula and source. */
export function VideoEarningNotes({ perVideo }: { perVideo: PerVideoEarnings | null }) {
  const t = useTranslations('profile');
  const locale = useLocale();
  const { money } = useDisplay();
  const tierLabel = useTierLabel();
  const minFollowers = formatCompact(CREATOR_REWARDS_MIN_FOLLOWERS, locale);
  let rewards: ReactNode;
  if (!perVideo) rewards = t.rich('howCreatorRewardsNone', { strong });
  else {
    const views = formatCompact(Math.round(perVideo.viewsPerVideo), locale);
    const rpm = formatMoneyRange(perVideo.rpmUsd, money);
    const basis =
      perVideo.basis === 'views'
        ? t('viewsFromViews')
        : t('viewsFromLikes', { likes: formatCompact(Math.round(perVideo.viewsPerVideo / perVideo.viewsPerLike), locale), ratio: perVideo.viewsPerLike });
    rewards = perVideo.creatorRewardsEligible
      ? t.rich('howCreatorRewards', { strong, views, rpm, result: formatMoneyRange(perVideo.creatorRewards, money), basis, min: minFollowers })
      : t.rich('howCreatorRewardsIneligible', { strong, views, rpm, basis, min: minFollowers });
  }
  const tier = perVideo?.sponsoredTier ?? null;
  const sponsored =
    perVideo && tier
      ? t.rich('howSponsored', {
          strong,
          band: tierLabel(tier),
          range: formatMoneyRange(tier.usd, money),
          likely: formatMoney(perVideo.sponsoredPost.mid, money),
        })
      : t.rich('howSponsoredNone', { strong });
  return (
    <>
      <li>{rewards}</li>
      <li>{sponsored}</li>
    </>
  );
}
