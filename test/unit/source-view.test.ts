/** The read-only view of a published file: its URI's path both ways, and the core's list of published names equal to the readers'. */
import * as assert from 'node:assert/strict';
import { isPublishedName, originalPathOf, PUBLISHED_EXTENSIONS as CORE_EXTENSIONS, sourceViewPath } from '../../server/src/core/protocol';
import { formatOfName, PUBLISHED_EXTENSIONS } from '../../server/src/readers/index';

describe('published file views', () => {
  it('names the same published extensions as the readers', () => {
    assert.deepEqual([...CORE_EXTENSIONS].sort(), [...PUBLISHED_EXTENSIONS].sort());
    for (const ext of CORE_EXTENSIONS) assert.notEqual(formatOfName(`x${ext}`), 'text', ext);
  });

  it('maps a published file to its view and back, in any case', () => {
    for (const file of ['/arkiv/2024/Referat 03.PDF', '/a/b.docx', '/a/b.htm', '/a/side.html']) {
      assert.equal(isPublishedName(file), true, file);
      assert.equal(sourceViewPath(file), `${file}.referat`);
      assert.equal(originalPathOf(sourceViewPath(file)), file);
    }
  });

  it('is no view for other paths', () => {
    assert.equal(originalPathOf('/a/minutes.referat'), null);
    assert.equal(originalPathOf('/a/minutes.txt.referat'), null);
    assert.equal(originalPathOf('/a/b.pdf'), null);
    assert.equal(isPublishedName('/a/b.txt'), false);
  });
});
