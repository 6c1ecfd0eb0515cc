//! The relations graph: actors (the first three letters of their codes: countries and groups)
//! as nodes, signed weighted edges from what they did to each other, and alignment blocs found
//! by structural balance: the partition that leaves the least frustrated weight (positive
//! edges between blocs plus negative edges within them), by a deterministic local search.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use dyad_doc::Record;
use serde::Serialize;

use crate::actors::actor_of;
use crate::{Result, Store};

/// An actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphNode {
    pub code: String,
    /// Events the actor took part in with another actor.
    pub events: i64,
    /// Index into [`Graph::blocs`].
    pub bloc: usize,
}

/// A signed, weighted, undirected edge between two actors (`a` < `b`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    pub a: String,
    pub b: String,
    pub events: i64,
    /// Events of quad classes 1–2.
    pub cooperation: i64,
    /// Events of quad classes 3–4.
    pub conflict: i64,
    /// Events the two did together, as joint sources of one event ("criticism from Armenia
    /// and Iran", "Israel's support alongside Turkey").
    pub joint: i64,
    /// The sum of the events' Goldstein scores (positive for cooperation, negative for
    /// conflict), plus the strength of every joint event (its Goldstein magnitude, at least
    /// 1: acting on the same side is alignment whatever the act); the edge's signed weight.
    pub weight: f64,
}

/// A bloc: actor codes, sorted.
pub type Bloc = Vec<String>;

/// The relations graph with its blocs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Alignment blocs, largest first.
    pub blocs: Vec<Bloc>,
    /// Weight left frustrated by the blocs (0 when the graph is perfectly balanced).
    pub frustration: f64,
}

/// Builds the graph of the whole store (events neither negated nor hypothetical).
pub fn graph(store: &Store) -> Result<Graph> {
    let mut st = store.connection().prepare(
        "SELECT source_actor, target_actor, count(*), sum(quad <= 2), sum(goldstein)
         FROM events
         WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL
           AND source_actor != target_actor AND negated = 0 AND hypothetical = 0
         GROUP BY source_actor, target_actor",
    )?;
    let mut pairs: BTreeMap<(String, String), GraphEdge> = BTreeMap::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(2)?;
        let coop: i64 = r.get(3)?;
        let w: f64 = r.get(4)?;
        let e = edge_entry(&mut pairs, r.get(0)?, r.get(1)?);
        e.events += n;
        e.cooperation += coop;
        e.conflict += n - coop;
        e.weight += w;
    }
    // Joint sources, written at ingest (a store made before that table has none).
    let has_joint: bool = store.connection().query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'joint_sources'",
        [],
        |r| r.get(0),
    )?;
    if has_joint {
        let mut st = store
            .connection()
            .prepare("SELECT a, b, count(*), sum(strength) FROM joint_sources GROUP BY a, b")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let e = edge_entry(&mut pairs, r.get(0)?, r.get(1)?);
            e.joint += r.get::<_, i64>(2)?;
            e.weight += r.get::<_, f64>(3)?;
        }
    }
    Ok(from_edges(pairs.into_values().collect()))
}

/// Pairs of top-level actors (`a` < `b`) that are joint sources of one event of the record
/// (events of one sentence with the same code and target but several source actors, neither
/// negated nor hypothetical: "criticism from Armenia and Iran", "Israel's support alongside
/// Turkey"), each with the strength of the act: its Goldstein magnitude, at least 1, since
/// acting on the same side is alignment whatever the act.
pub(crate) fn joint_sources(rec: &Record) -> Vec<(String, String, f64)> {
    type Key<'r> = (usize, &'r str, Option<String>);
    let mut groups: BTreeMap<Key<'_>, (BTreeSet<String>, f64)> = BTreeMap::new();
    for e in &rec.events {
        if e.negated || e.hypothetical {
            continue;
        }
        let (Some(sentence), Some(source)) = (e.sentence, e.source.as_deref().and_then(actor_of))
        else {
            continue;
        };
        let target = e.target.as_deref().and_then(actor_of);
        let g = groups
            .entry((sentence, e.cameo.as_str(), target))
            .or_default();
        g.0.insert(source);
        g.1 = g.1.max(e.goldstein.abs());
    }
    let mut out = Vec::new();
    for (sources, strength) in groups.into_values() {
        let sources: Vec<String> = sources.into_iter().collect();
        for (i, a) in sources.iter().enumerate() {
            for b in &sources[i + 1..] {
                out.push((a.clone(), b.clone(), strength.max(1.0)));
            }
        }
    }
    out
}

/// The edge between `s` and `t` (in either order), created empty if new.
fn edge_entry(
    pairs: &mut BTreeMap<(String, String), GraphEdge>,
    s: String,
    t: String,
) -> &mut GraphEdge {
    let (a, b) = if s < t { (s, t) } else { (t, s) };
    pairs.entry((a.clone(), b.clone())).or_insert(GraphEdge {
        a,
        b,
        events: 0,
        joint: 0,
        cooperation: 0,
        conflict: 0,
        weight: 0.0,
    })
}

impl Graph {
    /// The graph of the edges with at least `min_events` events, its blocs found anew.
    pub fn with_min_events(&self, min_events: i64) -> Graph {
        if min_events <= 1 {
            return self.clone();
        }
        from_edges(
            self.edges
                .iter()
                .filter(|e| e.events + e.joint >= min_events)
                .cloned()
                .collect(),
        )
    }
}

/// The graph of the given edges, with its blocs.
pub(crate) fn from_edges(edges: Vec<GraphEdge>) -> Graph {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for e in &edges {
        *counts.entry(&e.a).or_default() += e.events + e.joint;
        *counts.entry(&e.b).or_default() += e.events + e.joint;
    }
    let codes: Vec<String> = counts.keys().map(|c| c.to_string()).collect();
    let index: BTreeMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let weighted: Vec<(usize, usize, f64)> = edges
        .iter()
        .map(|e| (index[e.a.as_str()], index[e.b.as_str()], e.weight))
        .collect();
    let labels = balance_partition(codes.len(), &weighted);
    let frustration = frustration(&labels, &weighted);
    let blocs_count = labels.iter().max().map_or(0, |m| m + 1);
    let mut blocs: Vec<Bloc> = vec![Vec::new(); blocs_count];
    for (i, l) in labels.iter().enumerate() {
        blocs[*l].push(codes[i].clone());
    }
    let nodes = codes
        .iter()
        .enumerate()
        .map(|(i, c)| GraphNode {
            code: c.clone(),
            events: counts[c.as_str()],
            bloc: labels[i],
        })
        .collect();
    Graph {
        nodes,
        edges,
        blocs,
        frustration,
    }
}

/// Frustrated weight of a partition.
fn frustration(labels: &[usize], edges: &[(usize, usize, f64)]) -> f64 {
    edges
        .iter()
        .map(|&(a, b, w)| match (labels[a] == labels[b], w > 0.0) {
            (false, true) => w,
            (true, false) => -w,
            _ => 0.0,
        })
        .sum()
}

/// Bloc labels (0 = largest bloc) that maximise the weight inside blocs, which is the same as
/// minimising frustration. Greedy placement by decreasing strength, then single-node moves
/// until none improves; ties go to the lower index, so the result is deterministic.
pub(crate) fn balance_partition(n: usize, edges: &[(usize, usize, f64)]) -> Vec<usize> {
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for &(a, b, w) in edges {
        if a != b {
            adj[a].push((b, w));
            adj[b].push((a, w));
        }
    }
    let strength: Vec<f64> = adj
        .iter()
        .map(|l| l.iter().map(|(_, w)| w.abs()).sum())
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| strength[y].total_cmp(&strength[x]).then(x.cmp(&y)));

    const NONE: usize = usize::MAX;
    let mut label = vec![NONE; n];
    let mut blocs = 0usize;
    // Sum of v's edge weights into each bloc (ignoring v itself).
    let scores = |v: usize, label: &[usize], blocs: usize| -> Vec<f64> {
        let mut s = vec![0.0; blocs];
        for &(u, w) in &adj[v] {
            if label[u] != NONE {
                s[label[u]] += w;
            }
        }
        s
    };
    for &v in &order {
        let s = scores(v, &label, blocs);
        match best(&s) {
            Some((b, score)) if score > 0.0 => label[v] = b,
            _ => {
                label[v] = blocs;
                blocs += 1;
            }
        }
    }
    const EPS: f64 = 1e-9;
    for _ in 0..100 {
        let mut moved = false;
        for &v in &order {
            let s = scores(v, &label, blocs);
            let here = s[label[v]];
            let (to, gain) = match best(&s) {
                Some((b, score)) if score > 0.0 => (b, score),
                // Alone in a new bloc scores 0.
                _ => (blocs, 0.0),
            };
            if to != label[v] && gain > here + EPS {
                if to == blocs {
                    blocs += 1;
                }
                label[v] = to;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    // Relabel: larger blocs first, then by their first node.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); blocs];
    for (v, &l) in label.iter().enumerate() {
        members[l].push(v);
    }
    members.retain(|m| !m.is_empty());
    members.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    let mut out = vec![0; n];
    for (i, m) in members.iter().enumerate() {
        for &v in m {
            out[v] = i;
        }
    }
    out
}

/// The highest score and its bloc (the lowest index among equals).
fn best(scores: &[f64]) -> Option<(usize, f64)> {
    scores
        .iter()
        .copied()
        .enumerate()
        .fold(None, |acc, (i, s)| match acc {
            Some((_, b)) if b >= s => acc,
            _ => Some((i, s)),
        })
}

/// Writes the graph as GraphML (nodes with their bloc, edges with their counts and weight).
pub fn write_graphml(g: &Graph, mut out: impl Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#
    )?;
    for (id, on, ty) in [
        ("bloc", "node", "int"),
        ("events", "node", "long"),
        ("weight", "edge", "double"),
        ("cooperation", "edge", "long"),
        ("conflict", "edge", "long"),
        ("count", "edge", "long"),
        ("joint", "edge", "long"),
    ] {
        let name = if id == "count" { "events" } else { id };
        writeln!(
            out,
            r#"  <key id="{id}" for="{on}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="relations" edgedefault="undirected">"#)?;
    for n in &g.nodes {
        writeln!(
            out,
            r#"    <node id="{}"><data key="bloc">{}</data><data key="events">{}</data></node>"#,
            xml_escape(&n.code),
            n.bloc,
            n.events
        )?;
    }
    for e in &g.edges {
        writeln!(
            out,
            r#"    <edge source="{}" target="{}"><data key="weight">{}</data><data key="cooperation">{}</data><data key="conflict">{}</data><data key="count">{}</data><data key="joint">{}</data></edge>"#,
            xml_escape(&e.a),
            xml_escape(&e.b),
            e.weight,
            e.cooperation,
            e.conflict,
            e.events,
            e.joint
        )?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}

fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            _ => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: &str, b: &str, w: f64) -> GraphEdge {
        GraphEdge {
            a: a.into(),
            b: b.into(),
            events: 1,
            joint: 0,
            cooperation: i64::from(w > 0.0),
            conflict: i64::from(w <= 0.0),
            weight: w,
        }
    }

    #[test]
    fn min_events_drops_thin_edges_and_their_lone_nodes() {
        let mut strong = edge("AAA", "BBB", 3.0);
        strong.events = 3;
        let g = from_edges(vec![strong.clone(), edge("AAA", "CCC", -4.0)]);
        assert_eq!(g.with_min_events(1), g);
        let thick = g.with_min_events(2);
        assert_eq!(thick.edges, vec![strong]);
        let codes: Vec<&str> = thick.nodes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["AAA", "BBB"]);
        assert_eq!(thick.blocs, vec![vec!["AAA", "BBB"]]);
    }

    #[test]
    fn balanced_triangle_splits_the_enemy_off() {
        let g = from_edges(vec![
            edge("AAA", "BBB", 3.0),
            edge("AAA", "CCC", -4.0),
            edge("BBB", "CCC", -2.0),
        ]);
        assert_eq!(g.blocs, vec![vec!["AAA", "BBB"], vec!["CCC"]]);
        assert_eq!(g.frustration, 0.0);
    }

    #[test]
    fn unbalanced_triangle_leaves_least_frustration() {
        // All enemies: any partition frustrates nothing if every node stands alone.
        let g = from_edges(vec![
            edge("AAA", "BBB", -1.0),
            edge("AAA", "CCC", -1.0),
            edge("BBB", "CCC", -1.0),
        ]);
        assert_eq!(g.blocs.len(), 3);
        assert_eq!(g.frustration, 0.0);
        // Friends with one strong feud: the feud is the cheaper edge to frustrate.
        let g = from_edges(vec![
            edge("AAA", "BBB", 5.0),
            edge("BBB", "CCC", 5.0),
            edge("AAA", "CCC", -1.0),
        ]);
        assert_eq!(g.blocs, vec![vec!["AAA", "BBB", "CCC"]]);
        assert_eq!(g.frustration, 1.0);
    }

    #[test]
    fn graphml_is_escaped() {
        let g = from_edges(vec![edge("A&B", "CCC", 1.0)]);
        let mut buf = Vec::new();
        write_graphml(&g, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains(r#"<node id="A&amp;B">"#));
        assert!(s.contains("<graphml"));
    }
}
