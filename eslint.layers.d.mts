// Types of eslint.layers.mjs for the test that runs its rules (lib/api/layers.test.ts).
import type { Linter } from 'eslint';

export declare const layerRules: Linter.Config[];
