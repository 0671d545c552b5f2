import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { starterFiles } from '../../packages/cli/src/init/templates.js';
import { configSchema, RULES } from '../../packages/language/src/index.js';
import { REPO } from './run-cli.js';

const published = JSON.parse(readFileSync(join(REPO, 'schemas', 'kpispec.schema.json'), 'utf8')) as Record<string, any>;
const validate = new Ajv({ strict: true, allErrors: true }).compile(published);

describe('schemas/kpispec.schema.json', () => {
    it('is the schema the configuration loader validates with (regenerate: node schemas/generate.mjs after a build)', () => {
        expect(published).toEqual(configSchema());
    });

    it('offers every configurable rule id (not parse errors), with its title, for completion in editors', () => {
        const rules = published['properties'].rules.properties as Record<string, { description: string }>;
        expect(Object.keys(rules)).toEqual(RULES.map(r => r.id).filter(id => !id.startsWith('syntax/')));
        expect(rules['target/below-contract']!.description).toBe('目标值弱于合同约定 / Target weaker than the contract (default: error)');
    });

    it('accepts the starter kpispec.json and the example in docs/cli.md, and rejects a wrong one', () => {
        expect(validate(JSON.parse(starterFiles('zh').find(f => f.name === 'kpispec.json')!.text))).toBe(true);
        const docs = readFileSync(join(REPO, 'docs', 'cli.md'), 'utf8');
        const example = /## Configuration: kpispec\.json\n\n```json\n([\s\S]*?)```/.exec(docs)![1]!;
        expect(validate(JSON.parse(example)), JSON.stringify(validate.errors)).toBe(true);
        expect(validate({ rules: { 'target/below-contract': 'warning' } })).toBe(false);
        expect(validate({ profiles: { mine: { reverse: 'exponential' } } })).toBe(false);
    });
});
