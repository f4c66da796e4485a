'use client';

// Channels (add, test, turn off and on, delete; the last error and when) and, per account, which events
// notify. Every form is a plain labelled form, usable with a keyboard and on a phone.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { useDisplay } from '@/components/site/display';
import { Card, EmptyState, Notice } from '@/components/ui/card';
import { CHANNEL_KINDS, type ChannelKind, type ChannelView, type RuleView } from '@/lib/notifications/types';
import { fetchJson } from '@/lib/query-client';
import { ChannelLabel } from '@/components/ui/channel-label';

type Member = { userId: string; email: string; you: boolean };

const message = (error: Error | null) => error?.message.replace(/^\w+: /, '') ?? null;

/** A channel kind's name, as the badge and the kind picker show it. */
function useKindLabel() {
  const t = useTranslations('notifications');
  return (kind: ChannelKind) => {
    switch (kind) {
      case 'EMAIL':
        return t('kinds.email');
      case 'DISCORD':
        return t('kinds.discord');
      case 'TELEGRAM':
        return t('kinds.telegram');
      case 'WEBHOOK':
        return t('kinds.webhook');
    }
  };
}

export function NotificationSettings({ channels, rules, members }: { channels: ChannelView[]; rules: RuleView[]; members: Member[] }) {
  const t = useTranslations('notifications');
  return (
    <>
      <Card title={t('channels.title')}>
        {channels.length === 0 ? (
          <EmptyState title={t('channels.emptyTitle')}>{t('channels.empty')}</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-line" data-testid="channels">
            {channels.map((channel) => (
              <ChannelRow key={channel.id} channel={channel} />
            ))}
          </ul>
        )}
      </Card>
      <AddChannel members={members} />
      <Rules rules={rules} />
    </>
  );
}

function ChannelRow({ channel }: { channel: ChannelView }) {
  const router = useRouter();
  const t = useTranslations('notifications');
  const display = useDisplay();
  // In the reader's zone and language, like every time on the dashboard.
  const when = (iso: string | null) => (iso ? display.date(iso, 'dateTime') : '');
  const kindLabel = useKindLabel();
  const [confirming, setConfirming] = useState(false);
  const test = useMutation({ mutationFn: () => fetchJson<{ ok: boolean; error: string | null }>(`/api/notifications/channels/${channel.id}/test`, { method: 'POST' }), onSettled: () => router.refresh() });
  const toggle = useMutation({ mutationFn: () => fetchJson(`/api/notifications/channels/${channel.id}`, { method: 'PATCH', body: JSON.stringify({ enabled: !channel.enabled }) }), onSuccess: () => router.refresh() });
  const remove = useMutation({ mutationFn: () => fetchJson(`/api/notifications/channels/${channel.id}`, { method: 'DELETE' }), onSuccess: () => router.refresh() });
  return (
    <li className="flex flex-col gap-2 py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-semibold">
            {channel.name} <span className="rounded-full border border-line px-2 py-0.5 text-xs font-normal text-muted">{kindLabel(channel.kind)}</span>
            {!channel.enabled && <span className="ml-1 text-xs text-amber-200">{t('channel.off')}</span>}
          </p>
          <p className="truncate text-xs text-muted">{channel.target}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => test.mutate()} disabled={test.isPending || !channel.enabled} className="rounded-md border border-line px-3 py-1 hover:bg-panel-2 disabled:opacity-60">
            {test.isPending ? t('channel.sending') : t('channel.test')}
          </button>
          <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending} className="rounded-md border border-line px-3 py-1 hover:bg-panel-2">
            {channel.enabled ? t('channel.turnOff') : t('channel.turnOn')}
          </button>
          {confirming ? (
            <>
              <button type="button" onClick={() => remove.mutate()} className="rounded-md bg-accent-strong px-3 py-1 font-semibold">
                {t('channel.deleteNamed', { name: channel.name })}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md px-2 py-1 text-muted">
                {t('channel.cancel')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-line px-3 py-1 hover:bg-panel-2">
              {t('channel.delete')}
            </button>
          )}
        </div>
      </div>
      {test.data?.ok && <Notice>{t('channel.testSent', { kind: channel.kind === 'EMAIL' ? 'email' : 'other' })}</Notice>}
      {channel.lastError ? (
        <p role="status" className="rounded-md border border-accent/50 bg-accent/10 px-2 py-1 text-xs" data-testid="channel-error">
          {t('channel.lastError', { hasTime: channel.lastErrorAt ? 'yes' : 'no', time: when(channel.lastErrorAt), error: channel.lastError })}
        </p>
      ) : (
        channel.lastSentAt && <p className="text-xs text-muted">{t('channel.lastSent', { time: when(channel.lastSentAt) })}</p>
      )}
      {channel.signingSecret && (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer">{t('channel.secretSummary')}</summary>
          <code className="mt-1 block break-all rounded bg-panel-2 p-2">{channel.signingSecret}</code>
          <p className="mt-1">{t.rich('channel.secretHelp', { code: (chunks) => <code>{chunks}</code> })}</p>
        </details>
      )}
      {(toggle.error ?? remove.error) && (
        <p role="alert" className="text-accent">
          {message(toggle.error ?? remove.error)}
        </p>
      )}
    </li>
  );
}

function AddChannel({ members }: { members: Member[] }) {
  const router = useRouter();
  const t = useTranslations('notifications');
  const kindLabel = useKindLabel();
  const kindId = useId();
  const ids = { name: useId(), user: useId(), url: useId(), bot: useId(), chat: useId() };
  const [kind, setKind] = useState<ChannelKind>('EMAIL');
  const [fields, setFields] = useState({ name: '', userId: members.find((m) => m.you)?.userId ?? members[0]?.userId ?? '', url: '', botToken: '', chatId: '' });
  const set = (key: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () => {
      const base = { kind, ...(fields.name.trim() ? { name: fields.name.trim() } : {}) };
      const body = kind === 'EMAIL' ? { ...base, userId: fields.userId } : kind === 'TELEGRAM' ? { ...base, botToken: fields.botToken, chatId: fields.chatId } : { ...base, url: fields.url };
      return fetchJson('/api/notifications/channels', { method: 'POST', body: JSON.stringify(body) });
    },
    onSuccess: () => {
      setFields((f) => ({ ...f, name: '', url: '', botToken: '', chatId: '' }));
      router.refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate();
  };
  const input = 'rounded-lg border border-line bg-panel-2 px-3 py-2';
  return (
    <Card title={t('add.title')}>
      <form onSubmit={submit} className="flex flex-col gap-3 text-sm" noValidate>
        <label htmlFor={kindId} className="flex flex-col gap-1">
          {t('add.kind')}
          <select id={kindId} value={kind} onChange={(e) => setKind(e.currentTarget.value as ChannelKind)} className={input}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'EMAIL' && (
          <label htmlFor={ids.user} className="flex flex-col gap-1">
            {t('add.sendTo')}
            <select id={ids.user} value={fields.userId} onChange={(e) => set('userId')(e.currentTarget.value)} className={input}>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {t('add.member', { email: m.email, you: m.you ? 'yes' : 'no' })}
                </option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'DISCORD' || kind === 'WEBHOOK') && (
          <label htmlFor={ids.url} className="flex flex-col gap-1">
            {kind === 'DISCORD' ? t('add.discordUrl') : t('add.webhookUrl')}
            <input id={ids.url} value={fields.url} onChange={(e) => set('url')(e.currentTarget.value)} placeholder={kind === 'DISCORD' ? 'https://discord.com/api/webhooks/…' : 'https://example.com/livelens-hook'} className={input} autoComplete="off" />
            {kind === 'DISCORD' && <span className="text-xs text-muted">{t('add.discordHelp')}</span>}
            {kind === 'WEBHOOK' && <span className="text-xs text-muted">{t('add.webhookHelp')}</span>}
          </label>
        )}
        {kind === 'TELEGRAM' && (
          <>
            <label htmlFor={ids.bot} className="flex flex-col gap-1">
              {t('add.botToken')}
              <input id={ids.bot} value={fields.botToken} onChange={(e) => set('botToken')(e.currentTarget.value)} placeholder="123456789:AA…" className={input} autoComplete="off" />
              <span className="text-xs text-muted">{t('add.botHelp')}</span>
            </label>
            <label htmlFor={ids.chat} className="flex flex-col gap-1">
              {t('add.chatId')}
              <input id={ids.chat} value={fields.chatId} onChange={(e) => set('chatId')(e.currentTarget.value)} placeholder={t('add.chatPlaceholder')} className={input} autoComplete="off" />
            </label>
          </>
        )}
        <label htmlFor={ids.name} className="flex flex-col gap-1">
          {t('add.name')} <span className="text-muted">{t('add.optional')}</span>
          <input id={ids.name} value={fields.name} maxLength={60} onChange={(e) => set('name')(e.currentTarget.value)} className={input} />
        </label>
        <button type="submit" disabled={create.isPending} className="self-start rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
          {t('add.submit')}
        </button>
        {create.error && (
          <p role="alert" className="text-accent">
            {message(create.error)}
          </p>
        )}
      </form>
    </Card>
  );
}

function Rules({ rules }: { rules: RuleView[] }) {
  const t = useTranslations('notifications');
  return (
    <Card title={t('rules.title')}>
      {rules.length === 0 ? (
        <EmptyState title={t('rules.emptyTitle')}>{t('rules.empty')}</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {rules.map((rule) => (
            <RuleRow key={rule.accountId} rule={rule} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function RuleRow({ rule }: { rule: RuleView }) {
  const router = useRouter();
  const t = useTranslations('notifications');
  const [draft, setDraft] = useState(rule);
  const factorId = useId();
  const cooldownId = useId();
  const save = useMutation({ mutationFn: (next: RuleView) => fetchJson('/api/notifications/rules', { method: 'PUT', body: JSON.stringify({ accountId: next.accountId, wentLive: next.wentLive, liveEnded: next.liveEnded, giftSpike: next.giftSpike, spikeFactor: next.spikeFactor, spikeCooldownMinutes: next.spikeCooldownMinutes }) }), onSuccess: () => router.refresh() });
  const change = (patch: Partial<RuleView>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    save.mutate(next);
  };
  const box = (key: 'wentLive' | 'liveEnded' | 'giftSpike', label: string) => (
    <label className="flex min-h-10 items-center gap-2">
      <input type="checkbox" checked={draft[key]} onChange={(e) => change({ [key]: e.currentTarget.checked })} className="size-4 accent-accent" />
      {label}
    </label>
  );
  return (
    <li className="flex flex-col gap-2 py-3 text-sm">
      <p className="font-semibold">
        <ChannelLabel channel={rule} />
      </p>
      <div className="flex flex-wrap gap-x-5">
        {box('wentLive', t('rules.wentLive'))}
        {box('liveEnded', t('rules.liveEnded'))}
        {box('giftSpike', t('rules.giftSpike'))}
      </div>
      {draft.giftSpike && (
        <div className="flex flex-wrap gap-3">
          <label htmlFor={factorId} className="flex items-center gap-2">
            {t.rich('rules.factor', {
              input: () => <input id={factorId} type="number" min={1.5} max={100} step={0.5} value={draft.spikeFactor} onChange={(e) => setDraft({ ...draft, spikeFactor: Number(e.currentTarget.value) })} onBlur={() => save.mutate(draft)} className="w-20 rounded-md border border-line bg-panel-2 px-2 py-1" />,
            })}
          </label>
          <label htmlFor={cooldownId} className="flex items-center gap-2">
            {t.rich('rules.cooldown', {
              input: () => <input id={cooldownId} type="number" min={1} max={1440} value={draft.spikeCooldownMinutes} onChange={(e) => setDraft({ ...draft, spikeCooldownMinutes: Number(e.currentTarget.value) })} onBlur={() => save.mutate(draft)} className="w-20 rounded-md border border-line bg-panel-2 px-2 py-1" />,
            })}
          </label>
        </div>
      )}
      {save.error && (
        <p role="alert" className="text-accent">
          {message(save.error)}
        </p>
      )}
    </li>
  );
}
