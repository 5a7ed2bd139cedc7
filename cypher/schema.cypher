// kb schema — constraints and indexes. Idempotent: every statement is IF NOT EXISTS.
// Apply with `kb schema apply` (or paste into the Neo4j Browser).
//
// The model (see README "Graph model"):
//   (:Page {id, source, path, content_hash, published, outlet})-[:CONTAINS {date, article_id}]->(:Article)
//   (:Article {id, title, kicker, subtitle, published, published_inferred, published_basis, source, outlet,
//              start, end, kind, dateline, reprint_source, page_id, text, held})
//   (:Article)-[:REPORTS {date, article_id}]->(:Event {id, type, trigger, date, end_date, date_precision, name,
//              summary, planned, lead, article_id, published, evidence, evidence_start, evidence_end})
//   (:Person {id, name, scope, scope_name})-[:PARTICIPATED_IN {role, titles, date, article_id, evidence_start, evidence_end}]->(:Event)
//   (:Event)-[:VISITED {order, date, name, article_id, evidence_start, evidence_end}]->(:Place|:Organization)
//   (:Event)-[:IN {date, article_id, evidence_start, evidence_end}]->(:Place)
//   (:Person)-[:HELD {post, title, first_seen, last_seen, article_id, last_article_id, article_ids, mentions}]->(:Organization)
//   (:Person)-[:WROTE {role, title, date, article_id, evidence_start, evidence_end}]->(:Article)
//   (:Place {id, name, code, level, scope})-[:PART_OF {date, article_id, last_seen, last_article_id}]->(:Place)
//   (:Organization {id, name, scope, aliases, kind})-[:LOCATED_IN {date, article_id, last_seen, last_article_id}]->(:Place)
// Every relationship carries its date and the article it comes from (article_id). Relationships tied to
// one article (CONTAINS, REPORTS, PARTICIPATED_IN, VISITED, IN, WROTE): date = the event's date (else the
// issue date). Aggregated ones, one per pair, seen in many articles: PART_OF/LOCATED_IN keep the first
// sighting (date, article_id) and the last (last_seen, last_article_id); HELD (one per person,
// organisation and post) keeps first_seen/article_id, last_seen/last_article_id, mentions (how many
// articles) and article_ids (the first 100 articles; count with `mentions`, not size(article_ids)).
// Sites: a site is an Organization unless the gazetteer resolved it to a Place. Event.lead is the lead's
// name; the lead also has PARTICIPATED_IN {role: 'lead'}. Article.held lists the HELD keys the article
// fed (for reloads), Article.entities the persons, organisations and places it names, Article.links the PART_OF/LOCATED_IN sightings (P|place|parent, L|org|place). Text: Article.text (kb load --no-text leaves it out).
// Ids are stable (kb/ids.py): content hashes of (source, offsets) for articles; (article id, type, lead,
// date, evidence offsets) for events; normalised name + scope for persons and organisations, where
// scope is the region (GB/T 2260 code of the prefecture, or of the province for province-level bodies)
// of the person's organisation, else of the outlet (person identity rule: kb.ids.person_scope); places
// are `place:<GB/T 2260 code>` when known, else name + scope. Dates are Neo4j `date` values.

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
CREATE INDEX page_content_hash IF NOT EXISTS FOR (n:Page) ON (n.content_hash);

CREATE FULLTEXT INDEX names IF NOT EXISTS
FOR (n:Person|Organization|Place|Event|Article) ON EACH [n.name, n.title, n.summary]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// the post register (kb/posts): (:Post)<-[:HELD_POST {id, from, to, certainty, …}]-(:Person), and
// mentions resolved by post and date (MENTIONED_IN / PARTICIPATED_IN {resolved_by: 'post+date'})
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE INDEX post_post IF NOT EXISTS FOR (n:Post) ON (n.post);
CREATE INDEX post_base IF NOT EXISTS FOR (n:Post) ON (n.base);
CREATE INDEX held_post_id IF NOT EXISTS FOR ()-[r:HELD_POST]-() ON (r.id);
CREATE INDEX mentioned_in_id IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() ON (r.id);
CREATE INDEX participated_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.id);
CREATE INDEX participated_in_resolved IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.resolved_by);

// article bodies, for `kb search` (cypher/search_text.cypher)
CREATE FULLTEXT INDEX article_text IF NOT EXISTS
FOR (n:Article) ON EACH [n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
