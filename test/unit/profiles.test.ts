/** Templates are data: every built-in profile is valid against the shipped schema. */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { parseConfigText } from '../../server/src/core/config-file';
import { OUTCOMES, SECTION_ROLES } from '../../server/src/core/model';
import { BUILTIN_PROFILE_JSON, ProfileRegistry } from '../../server/src/core/profiles/builtin';
import { detectProfile } from '../../server/src/core/profiles/detect';
import schema from '../../server/src/core/profiles/profile.schema.json';
import { LineIndex } from '../../server/src/core/text/lines';

describe('profiles', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  for (const p of BUILTIN_PROFILE_JSON) {
    it(`${p.id}.json is valid against profile.schema.json and compiles`, () => {
      assert.ok(validate(p), JSON.stringify(validate.errors));
      assert.doesNotThrow(() => new ProfileRegistry().get(p.id));
    });
  }

  it('the schema enums are the model enums', () => {
    assert.deepEqual(schema.definitions.role.enum, [...SECTION_ROLES]);
    assert.deepEqual(schema.definitions.outcome.enum, [...OUTCOMES]);
  });

  it('inherits from generic what a profile does not say', () => {
    const r = new ProfileRegistry().get('rudersdal');
    assert.ok(r.headerFields.some((f) => f.label === 'Mødedato'));
    assert.equal(r.marker, 'ANBEFALES');
  });

  it('falls back to generic for a document in no known template', () => {
    const d = detectProfile(new LineIndex('Dagsorden\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt\n').lines, new ProfileRegistry());
    assert.equal(d.profile.id, 'generic');
  });

  it('a workspace profile can extend a built-in one and be selected', () => {
    const { config, problems } = parseConfigText(JSON.stringify({
      profile: 'egedal',
      profiles: [{ id: 'egedal', name: 'Egedal', extends: 'generic', exemptItems: ['^eventuelt$'] }],
    }));
    assert.deepEqual(problems, []);
    assert.equal(config.profile, 'egedal');
    assert.equal(new ProfileRegistry(config.profiles).get('egedal').exemptItems.length, 1);
  });

  it('reports an invalid workspace profile and an unknown profile name', () => {
    const { config, problems } = parseConfigText(JSON.stringify({ profile: 'nowhere', profiles: [{ id: 'Bad Id', name: 1 }] }));
    assert.equal(problems.length, 2);
    assert.equal(config.profile, undefined);
    assert.equal(config.profiles, undefined);
  });
});
