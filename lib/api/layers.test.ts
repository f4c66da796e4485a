// The import directions of eslint.layers.mjs, shown to bite: the same rules the project's ESLint config
// uses, run over files that import the wrong way (and the right way).
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { layerRules } from '@/eslint.layers.mjs';

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, ...layerRules] });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers enforced by the linter', () => {
  it('refuses reverse imports', async () => {
    expect(await lint('lib/stats/reverse.ts', "import { GET } from '@/app/api/health/route';\nexport { GET };\n")).toEqual([expect.stringContaining('Only Next.js imports app/')]);
    expect(await lint('lib/stats/reverse.ts', "import { Fanout } from '@/worker/fanout';\nexport { Fanout };\n")).toEqual([expect.stringContaining('Only the worker imports worker/')]);
    expect(await lint('app/x/page.tsx', "import { MailCatcher } from '@/tools/infra/mail-catcher';\nexport { MailCatcher };\n")).toEqual([expect.stringContaining('does not import tools/')]);
    expect(await lint('components/ui/x.tsx', "import { GET } from '@/app/api/health/route';\nexport { GET };\n")).toEqual([expect.stringContaining('Components do not import routes')]);
    expect(await lint('lib/games/x.ts', "import { readSettings } from '@/lib/overlays/settings';\nexport { readSettings };\n")).toEqual([expect.stringContaining('lib/overlays builds on lib/games')]);
    expect(await lint('lib/tiktok/x.ts', "import { lookupAccount } from '@/lib/stats/lookup';\nexport { lookupAccount };\n")).toEqual([expect.stringContaining('lib/stats builds on lib/tiktok')]);
    expect(await lint('worker/x.ts', "import { ensureServices } from '@/tools/infra/services';\nexport { ensureServices };\n")).toEqual([expect.stringContaining('does not import tools/')]);
  });

  it('lets the allowed directions and the tests through', async () => {
    expect(await lint('app/x/page.tsx', "import { db } from '@/lib/db';\nexport { db };\n")).toEqual([]);
    expect(await lint('lib/overlays/x.ts', "import { readGameConfig } from '@/lib/games/config';\nexport { readGameConfig };\n")).toEqual([]);
    expect(await lint('worker/cli/x.ts', "import { ensureServices } from '@/tools/infra/services';\nexport { ensureServices };\n")).toEqual([]);
    expect(await lint('lib/stats/x.test.ts', "import { GET } from '@/app/api/health/route';\nexport { GET };\n")).toEqual([]);
  });
});
