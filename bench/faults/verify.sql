-- What the fault scripts check once the dust has settled, against the ledger of acknowledged writes (load.mjs):
-- psql -f verify.sql <ledger.csv. Each line: kind|count|what. Every "lost" and "half" count must be 0.
-- Only the items the load made are judged (slug charge-…): the demo content was made by other means.
\set ON_ERROR_STOP 1
create temp table ack (id uuid, version int, action text, title text);
\copy ack from pstdin with (format csv)

create temp view load_items as
  select d.id, (d.data ->> 'version')::int as version, d.data ->> 'status' as status,
         (d.data ->> 'publishedVersion')::int as published_version
  from vivapolis.mt_doc_article d where d.data ->> 'slug' like 'charge-%';

select 'info', count(*), 'acknowledged writes in the ledger' from ack;
select 'info', count(*), 'items the load made, in the database' from load_items;

-- Lost: an acknowledged write the database does not have as it was acknowledged.
select 'lost', count(*), 'acknowledged writes whose item is missing or older than the acknowledged version'
  from ack a where not exists (select 1 from load_items i where i.id = a.id and i.version >= a.version);
select 'lost', count(*), 'acknowledged writes without their revision (with the acknowledged title)'
  from ack a where not exists (select 1 from vivapolis.mt_doc_contentrevision r
                               where r.id = a.id || ':' || a.version and r.data -> 'content' ->> 'title' = a.title);
select 'lost', count(*), 'acknowledged publications without a public copy'
  from ack a where a.action = 'published'
   and not exists (select 1 from vivapolis.mt_doc_articledelivery p where p.id = a.id);

-- Half-written: one part of a change committed without the others (they share one transaction).
select 'half', count(*), 'items whose current version has no revision'
  from load_items i where not exists (select 1 from vivapolis.mt_doc_contentrevision r where r.id = i.id || ':' || i.version);
select 'half', count(*), 'revisions newer than their item'
  from vivapolis.mt_doc_contentrevision r join load_items i on i.id = (r.data ->> 'itemId')::uuid
 where (r.data ->> 'version')::int > i.version;
select 'half', count(*), 'revisions of items that do not exist'
  from vivapolis.mt_doc_contentrevision r
 where r.data ->> 'slug' like 'charge-%'
   and not exists (select 1 from vivapolis.mt_doc_article d where d.id = (r.data ->> 'itemId')::uuid);
select 'half', count(*), 'items whose event stream does not hold one event per version'
  from load_items i where i.version <> (select count(*) from vivapolis.mt_events e where e.stream_id = i.id);
select 'half', count(*), 'published items without a public copy, or public copies of items never published'
  from load_items i
 where (i.published_version is not null) <> exists (select 1 from vivapolis.mt_doc_articledelivery p where p.id = i.id);
