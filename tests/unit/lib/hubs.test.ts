import { describe, expect, it } from 'vitest';
import { hubIds } from '../../../src/lib/hubs.ts';

const ref = (id: string) => ({ id });

describe('hubIds', () => {
  it('has a hub for every country and topic of a document or of one of its sections', () => {
    const hubs = hubIds([
      { countries: [ref('russia')], topics: [ref('trade')], sections: [{ countries: [ref('japan')], topics: [ref('energy'), ref('trade')] }] },
      { countries: [ref('russia'), ref('china')], topics: [] },
    ]);
    expect([...hubs.countries].sort()).toEqual(['china', 'japan', 'russia']);
    expect([...hubs.topics].sort()).toEqual(['energy', 'trade']);
  });

  it('has no hub for a country or topic nothing is tagged with', () => {
    const hubs = hubIds([{ countries: [], topics: [], sections: [{ countries: [], topics: [] }] }]);
    expect(hubs.countries.size + hubs.topics.size).toBe(0);
  });
});
