import { describe, expect, it } from 'vitest';
import { hubIds, hubSections } from '../../../src/lib/hubs.ts';

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

  it('makes no hub from back matter, and lists only the other sections', () => {
    const sections = [
      { countries: [ref('japan')], topics: [ref('trade')] },
      { role: 'references' as const, countries: [ref('peru')], topics: [ref('energy')] },
    ];
    const hubs = hubIds([{ countries: [], topics: [], sections }]);
    expect([...hubs.countries, ...hubs.topics]).toEqual(['japan', 'trade']);
    expect(hubSections(sections)).toEqual([sections[0]]);
  });

  it('has no hub for a country or topic nothing is tagged with', () => {
    const hubs = hubIds([{ countries: [], topics: [], sections: [{ countries: [], topics: [] }] }]);
    expect(hubs.countries.size + hubs.topics.size).toBe(0);
  });
});
