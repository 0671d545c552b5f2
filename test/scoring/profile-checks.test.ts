import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../packages/language/src/config/configuration.js';
import { buildWorkspace } from '../support/workspace.js';

const hotline = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'english', 'hotline.kpi'), 'utf8');

describe('checks score by the profile the configuration selects', () => {
    it('weighs the english case against hubei-2020: execution 20 and output 40, benefit 30 + satisfaction 10 = 40', async () => {
        const ws = await buildWorkspace({ 'hotline.kpi': hotline }, 'en');
        const profileWeights = () => ws.diagnostics('hotline.kpi').filter(d => d.code === 'score/profile-weights').map(d => d.message);
        expect(profileWeights()).toEqual([]);

        ws.services.kpi.Configuration.get = () => ({ ...defaultConfig(), profile: 'hubei-2020' });
        await ws.edit('hotline.kpi', hotline);
        expect(profileWeights()).toEqual([
            'Level-1 weight of execution is 10; profile hubei-2020 sets 20',
            'Level-1 weight of output is 50; profile hubei-2020 sets 40',
        ]);
    });

    it('says nothing of level-1 sums while the project or a row\'s indicator is not found: their families are unknown, not empty', async () => {
        const hubei = async (text: string) => {
            const ws = await buildWorkspace({ 'hotline.kpi': text }, 'en');
            ws.services.kpi.Configuration.get = () => ({ ...defaultConfig(), profile: 'hubei-2020' });
            await ws.edit('hotline.kpi', text);
            return ws.diagnostics('hotline.kpi').filter(d => d.code === 'score/profile-weights').length;
        };
        const assessment = hotline.slice(hotline.indexOf('assessment '));
        expect(assessment).not.toBe(hotline);
        expect(await hubei(hotline)).toBe(2);
        // The assessment alone: its project is in a file not opened.
        expect(await hubei(assessment)).toBe(0);
    });

    it('takes a custom profile from the configuration', async () => {
        const ws = await buildWorkspace({ 'hotline.kpi': hotline }, 'en');
        const strict = { ...defaultConfig(), profile: 'strict', profiles: { strict: { deviationAbove: 1.1 } as never } };
        ws.services.kpi.Configuration.get = () => strict;
        await ws.edit('hotline.kpi', hotline);
        // 89.19% of ≥80% is 111%: a deviation reason is now due
        expect(ws.diagnostics('hotline.kpi').filter(d => d.code === 'assessment/missing-deviation').map(d => d.message))
            .toEqual(['Actual 89.19% is 111.49% of the target ≥80% (≥110%); give a deviation reason']);
    });
});
