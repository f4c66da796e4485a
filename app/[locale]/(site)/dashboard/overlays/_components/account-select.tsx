'use client';

import { usePlatformName } from '@/components/ui/channel-label';
import { channelOptionText, type ChannelNaming } from '@/lib/platforms/naming';

// The account an overlay is made for, in the create and import forms: "@handle — nickname" for TikTok,
// "nickname (Bilibili)" for a Bilibili channel.
export type AccountOption = ChannelNaming & { id: string };

type Props = { id: string; label: string; accounts: AccountOption[]; value: string; onChange: (accountId: string) => void };

export function AccountSelect({ id, label, accounts, value, onChange }: Props) {
  const platformName = usePlatformName();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} className="min-h-11 rounded-lg border border-line bg-panel-2 px-3 sm:max-w-sm">
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {channelOptionText(a, platformName(a.platform))}
          </option>
        ))}
      </select>
    </div>
  );
}
