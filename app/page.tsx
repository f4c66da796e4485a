const FEATURES = [
  { title: 'Public lookup', text: 'Followers, likes, engagement, estimated earnings and a 0–100 rating for any TikTok handle.' },
  { title: 'Streamer dashboard', text: 'Viewers, likes and gifts as they happen, with streaks counted right and every live kept.' },
  { title: 'OBS overlays', text: 'Gift alerts, leaderboards, goals, chat and a Q&A game, straight into a browser source.' },
  { title: 'Growth reports', text: 'A written, number-backed guide to grow reach and LIVE income for any account.' },
];

export default function HomePage() {
  return (
    <div className="flex flex-col gap-10">
      <section className="flex flex-col gap-4 pt-6 text-center sm:pt-12">
        <h1 className="text-4xl font-extrabold tracking-tight sm:text-5xl">
          See what happens on <span className="text-accent">TikTok LIVE</span>
        </h1>
        <p className="mx-auto max-w-2xl text-lg text-muted">
          LiveLens watches live rooms, counts every gift exactly and turns it into statistics, reports and overlays.
        </p>
      </section>
      <section aria-label="Features" className="grid gap-4 sm:grid-cols-2">
        {FEATURES.map((feature) => (
          <article key={feature.title} className="rounded-xl border border-line bg-panel p-5">
            <h2 className="font-semibold">{feature.title}</h2>
            <p className="mt-1 text-sm text-muted">{feature.text}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
