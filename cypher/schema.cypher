// kb schema — constraints and indexes. Idempotent: every statement is IF NOT EXISTS.
// Apply with `kb schema apply` (or paste into the Neo4j Browser).
//
// The model (see README "Graph model"):
//   (:Page {id, source, content_hash, published, outlet})-[:CONTAINS]->(:Article)
//   (:Article {id, title, kicker, subtitle, published, published_inferred, source, outlet, start, end})
//   (:Article)-[:REPORTS {date, article_id}]->(:Event {id, type, trigger, date, end_date, date_precision, name, summary, planned})
//   (:Person {id, name, scope})-[:PARTICIPATED_IN {role, date, article_id}]->(:Event)
//   (:Event)-[:VISITED {order, date, name, article_id}]->(:Place|:Organization)
//   (:Event)-[:IN {date, article_id}]->(:Place)
//   (:Person)-[:HELD {post, title, first_seen, last_seen, article_ids}]->(:Organization)
//   (:Person)-[:WROTE {role, date, article_id}]->(:Article)
//   (:Place {id, name, code, level})-[:PART_OF]->(:Place)
//   (:Organization {id, name, aliases, kind})-[:LOCATED_IN {date, article_id}]->(:Place)
// Ids are stable: content hashes of (source, offsets) for articles and events; normalised name + scope
// for persons, organisations and places. Dates are Neo4j `date` values.

CREATE CONSTRAINT page_id IF NOT EXISTS FOR (n:Page) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;

CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_type_date IF NOT EXISTS FOR (n:Event) ON (n.type, n.date);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX place_code IF NOT EXISTS FOR (n:Place) ON (n.code);
CREATE INDEX page_source IF NOT EXISTS FOR (n:Page) ON (n.source);

CREATE FULLTEXT INDEX names IF NOT EXISTS
FOR (n:Person|Organization|Place|Event|Article) ON EACH [n.name, n.title, n.summary]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
