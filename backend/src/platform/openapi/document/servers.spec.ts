import { declareServers } from './servers';
import type { Document } from './walk';

describe('declareServers', () => {
  it('points at the serving host only, so the served and committed documents are identical', () => {
    const document = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, servers: [] } as Document;
    declareServers(document);
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });
});
