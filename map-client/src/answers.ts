// The API's answers as its OpenAPI document describes them: generated/api-schema.ts is written by
// scripts/openapi-types.sh (openapi-typescript), never by hand; a test fails when it falls behind the API.

import type { components } from './generated/api-schema';

type Schemas = components['schemas'];

/** The schema of one answer (or part of one), by its name in the document. */
export type Answer<Name extends keyof Schemas> = Schemas[Name];

/**
 * A GeoJSON answer: the envelope of @types/geojson (the document's generic envelope says only "a string" for `type`),
 * with the document's feature properties and the collection's foreign members (`truncated`, ...).
 */
export type GeoJsonAnswer<Collection extends keyof Schemas, G extends GeoJSON.Geometry, Properties extends keyof Schemas> =
  GeoJSON.FeatureCollection<G, Answer<Properties>> & Omit<Answer<Collection>, 'type' | 'features'>;
