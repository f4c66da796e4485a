import { Card } from '@/components/ui/card';
import { SearchBox } from '@/components/lookup/search-box';

export function NoSuchAccount() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8">
      <Card>
        <h1 className="text-xl font-bold">No such TikTok account</h1>
        <p className="mt-2 text-muted">TikTok says this account does not exist or is not available. Check the spelling, or look up another one.</p>
      </Card>
      <SearchBox size="small" autoFocus />
    </div>
  );
}
