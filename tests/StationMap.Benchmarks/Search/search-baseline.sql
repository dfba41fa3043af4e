-- B of scripts/bench.sh search: the same queries answered by PostgreSQL, pg_trgm GIN indexes on the four fields and
-- ILIKE (what a server without our index would run). One query of bench_search_queries per transaction, ranked as
-- near to our rule as SQL says simply: a name that begins with the query first, then the nearest (with a position)
-- or the shortest name, then id. The text is not normalised the way ours is, so some answers differ; this measures
-- the cost.
\set i random(1, :queries)
SELECT core AS q, lat AS qlat, lon AS qlon FROM bench_search_queries WHERE i = :i \gset
SELECT s.id
FROM station s
WHERE s.retired_at IS NULL
  AND (s.name ILIKE '%' || :q || '%' OR s.address ILIKE '%' || :q || '%'
       OR s.district ILIKE '%' || :q || '%' OR s.host ILIKE '%' || :q || '%')
ORDER BY (s.name ILIKE :q || '%') DESC,
         CASE WHEN :qlat = '' THEN length(s.name)::float8
              ELSE ST_Distance(s.location::geography, ST_SetSRID(ST_MakePoint(nullif(:qlon, '')::float8, nullif(:qlat, '')::float8), 4326)::geography) END,
         s.id
LIMIT 10;
