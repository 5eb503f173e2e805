/**
 * Where a write landed, read from a `Location` however the server spells it: relative as in a transaction
 * response, or absolute as in the header of a create (R4 http.html#create), with or without its version.
 */
import { describe, expect, it } from 'vitest';
import { landingOf, locationAddress, statusLine } from '../../src/fhir/landing.ts';

describe('the record a Location names', () => {
  it('reads relative and absolute locations alike, with the version when given', () => {
    expect(locationAddress('Condition/123/_history/2')).toEqual({
      resourceType: 'Condition',
      id: '123',
      address: 'Condition/123',
      versionId: '2',
    });
    expect(locationAddress('https://ehr.example/fhir/r4/Condition/123/_history/2')).toEqual(
      locationAddress('Condition/123/_history/2')
    );
    expect(locationAddress('https://ehr.example/fhir/DocumentReference/eAbc-1.2')).toEqual({
      resourceType: 'DocumentReference',
      id: 'eAbc-1.2',
      address: 'DocumentReference/eAbc-1.2',
    });
  });

  it('names nothing when the location holds no Type/id', () => {
    expect(locationAddress('')).toBeUndefined();
    expect(locationAddress('https://ehr.example/fhir')).toBeUndefined();
    expect(locationAddress('https://ehr.example/fhir/_history/2')).toBeUndefined();
  });

  it('places an empty 201 by its absolute Location, but only for the type that was written', () => {
    const response = { status: 201, body: undefined, location: 'https://ehr.example/fhir/Goal/9/_history/1' };
    expect(landingOf('Goal', response)).toEqual({ address: 'Goal/9', versionId: '1', status: '201 Created' });
    expect(landingOf('Condition', response)).toBeUndefined();
  });

  it('says statuses as a transaction response does', () => {
    expect([201, 200].map(statusLine)).toEqual(['201 Created', '200 OK']);
  });
});
