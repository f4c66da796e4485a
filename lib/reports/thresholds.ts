// The cut-offs the report's guide uses to pick its advice. None is a TikTok-published rate: each
// comment says whether it is a TikTok rule, an industry rule of thumb, or LiveLens's own choice, so
// it can be checked and changed in one place. Engagement benchmarks per band live in
// `@/lib/stats/constants` (TYPICAL_ENGAGEMENT_PERCENT) with their sources.

// Posts a week a growing account should aim for.
// Source: industry rule of thumb — posting-frequency guides from social-media scheduling vendors
// (Hootsuite, Buffer, Later, 2023–2025) commonly recommend 3–5 TikTok posts a week for accounts that
// want to grow, with consistency valued over bursts. Not a TikTok figure.
export const RECOMMENDED_POSTS_PER_WEEK = Object.freeze({ min: 3, max: 5 });

// Engagement relative to the band's typical value, below or above which the advice changes.
// Source: LiveLens's own cut-offs. "Less than half of typical" is where the rating's fixed scale
// (typical = 50 points) would score under 25; "1.5× typical" marks an audience that clearly responds.
export const LOW_ENGAGEMENT_RATIO = 0.5;
export const HIGH_ENGAGEMENT_RATIO = 1.5;

// Weekly follower growth, in percent of followers, treated as healthy.
// Source: industry rule of thumb — growth guides (2023–2025) cite roughly 4–5% a month as healthy
// steady growth for small and mid-sized accounts, i.e. about 1% a week. Rough by nature.
export const HEALTHY_WEEKLY_GROWTH_PERCENT = 1;

// Followers TikTok requires before an account can go LIVE (plus age 18+).
// Source: TikTok Help Center, "LIVE eligibility" (checked 2024–2025); a few regions and invited
// creators differ, so the guide says "generally".
export const LIVE_MIN_FOLLOWERS = 1_000;

// LIVEs a week for an account that is not streaming yet, and for one that wants steady gift income.
// Source: industry rule of thumb — TikTok LIVE agency and creator guides (2023–2025) advise a fixed
// schedule of at least 3 LIVEs a week once established, starting smaller (2 a week) to build the habit.
export const STARTER_LIVES_PER_WEEK = 2;
export const RECOMMENDED_LIVES_PER_WEEK = 3;

// Shortest LIVE worth planning, in hours.
// Source: industry rule of thumb — the same LIVE guides recommend at least an hour (TikTok's LIVE tips
// say viewers keep arriving while a LIVE is recommended, so short LIVEs end as the audience builds).
export const MIN_HOURS_PER_LIVE = 1;

// Share of diamonds from the single biggest gifter above which income depends on one person.
// Source: LiveLens's own cut-off, borrowed from the customer-concentration rule of thumb in small
// business finance (one customer above roughly a third to 40% of revenue is a risk).
export const TOP_GIFTER_CONCENTRATION_PERCENT = 40;
