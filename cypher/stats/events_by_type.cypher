// events_by_type — events per type, how many of them have no date of their own.
//
// Columns: type, events, undated, undated_share.
MATCH (e:Event)
WITH e.type AS type, count(e) AS events, count(CASE WHEN e.date IS NULL THEN 1 END) AS undated
RETURN type, events, undated, round(toFloat(undated) / events, 3) AS undated_share
ORDER BY events DESC, type;
