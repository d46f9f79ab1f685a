//! An SVG drawing made without Graphviz, for machines without `dot` (most
//! laptops) and for `--renderer native`.
//!
//! The layout is ForceAtlas2 (the `fa2` crate, by the author of sigma.js and
//! graphology: Gephi's layout), run a fixed number of rounds from a circle,
//! single-threaded, so the same graph always gives the same drawing. The
//! crate has no "prevent overlap" setting, so a short pass of our own then
//! pushes apart labels that still overlap (graphology's noverlap does the
//! same). Shapes and colours are the DOT output's ([`node_style`],
//! [`relation_colour`]), with a legend of both.

use super::{node_style, relation_colour};
use crate::graph::ActorGraph;
use crate::model::{ActorType, Modality, Relation};
use std::fmt::Write as _;

/// Font size of actor labels, in pixels; label widths are estimated from it.
const FONT: f64 = 12.0;
/// Average width of a character at [`FONT`] (Helvetica, mixed case).
const CHAR_WIDTH: f64 = 6.6;
const NODE_HEIGHT: f64 = 24.0;
/// Space kept between two labels' boxes.
const GAP: f64 = 8.0;
/// Wanted length of an edge between centres, in pixels, before overlaps.
const EDGE_LENGTH: f64 = 110.0;
const MARGIN: f64 = 20.0;

/// A node's box on the drawing.
#[derive(Debug, Clone, Copy)]
struct Placed {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// Where every actor of `g` goes, indexed like `g.actor_ids()`.
fn layout(g: &ActorGraph) -> Vec<Placed> {
    let ids = g.actor_ids();
    let n = ids.len();
    let index = |a| ids.binary_search(&a).expect("an actor of this graph");
    let mut data = fa2::FA2Data::<f64>::with_node_capacity(n);
    for _ in 0..n {
        data.add_node();
    }
    data.apply_circular_layout();
    // One attraction per connected pair, however many relations join it.
    let mut pairs: Vec<(usize, usize)> = g
        .edges()
        .iter()
        .map(|e| {
            let (a, b) = (index(e.source_id), index(e.target_id));
            (a.min(b), a.max(b))
        })
        .filter(|(a, b)| a != b)
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    for &(a, b) in &pairs {
        data.add_edge(a, b);
    }
    // (Stronger gravity than the crate's default keeps small components near
    // the main one instead of at the far corners.)
    let mut fa = fa2::FA2Settings::from_graph_order(n).gravity(1.0).build(data);
    fa.run(if n <= 150 { 600 } else { 300 });
    let raw: Vec<(f64, f64)> = fa.data().positions().collect();

    // Scale so that the mean edge is EDGE_LENGTH long.
    let mean = if pairs.is_empty() {
        1.0
    } else {
        pairs
            .iter()
            .map(|&(a, b)| ((raw[a].0 - raw[b].0).powi(2) + (raw[a].1 - raw[b].1).powi(2)).sqrt())
            .sum::<f64>()
            / pairs.len() as f64
    };
    let scale = if mean > 1e-9 { EDGE_LENGTH / mean } else { 1.0 };
    let mut placed: Vec<Placed> = ids
        .iter()
        .zip(&raw)
        .map(|(&a, &(x, y))| Placed {
            x: x * scale,
            y: y * scale,
            w: g.actor(a).name.chars().count() as f64 * CHAR_WIDTH + 24.0,
            h: NODE_HEIGHT,
        })
        .collect();
    separate(&mut placed);
    placed
}

/// Pushes apart boxes that overlap (with [`GAP`] to spare), each pair along
/// the axis where it overlaps least, until none do or the rounds run out.
fn separate(p: &mut [Placed]) {
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let (a, b) = (p[i], p[j]);
                let dx = b.x - a.x;
                let dy = b.y - a.y;
                let ox = (a.w + b.w) / 2.0 + GAP - dx.abs();
                let oy = (a.h + b.h) / 2.0 + GAP - dy.abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                // (Identical centres part by index, so the result is fixed.)
                if ox < oy {
                    let s = if dx >= 0.0 { 1.0 } else { -1.0 } * ox / 2.0;
                    p[i].x -= s;
                    p[j].x += s;
                } else {
                    let s = if dy >= 0.0 { 1.0 } else { -1.0 } * oy / 2.0;
                    p[i].y -= s;
                    p[j].y += s;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// Text for the drawing: XML-escaped, and the Unicode line and paragraph
/// separators folded to spaces (the drawing is also inlined in the HTML
/// report, beside a script).
fn xml(s: &str) -> String {
    super::xml_text(s).replace(['\u{2028}', '\u{2029}'], " ")
}

/// The graph drawn as SVG: actors as labelled shapes (person ellipse,
/// organization box, place hexagon), relations as arrows coloured by
/// relation, dashed when planned and dotted when uncertain, thicker the more
/// sentences state them, each with its evidence as a tooltip; a legend.
pub fn render(g: &ActorGraph) -> String {
    let ids = g.actor_ids();
    let placed = layout(g);
    let index = |a| ids.binary_search(&a).expect("an actor of this graph");
    let relations: Vec<Relation> = {
        let mut r: Vec<Relation> = g.edges().iter().map(|e| e.edge.relation).collect();
        r.sort_unstable();
        r.dedup();
        r
    };
    // The drawing's bounds, with room for the legend on the right.
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (i, p) in placed.iter().enumerate() {
        let (l, t, r, b) = (p.x - p.w / 2.0, p.y - p.h / 2.0, p.x + p.w / 2.0, p.y + p.h / 2.0);
        if i == 0 {
            (x0, y0, x1, y1) = (l, t, r, b);
        } else {
            (x0, y0, x1, y1) = (x0.min(l), y0.min(t), x1.max(r), y1.max(b));
        }
    }
    let legend_w = 170.0;
    let legend_h = 24.0 + 18.0 * (3 + relations.len()) as f64 + 36.0;
    let width = (x1 - x0) + 2.0 * MARGIN + legend_w + MARGIN;
    let height = ((y1 - y0) + 2.0 * MARGIN).max(legend_h + 2.0 * MARGIN);
    let (ox, oy) = (MARGIN - x0, MARGIN - y0);

    let mut s = String::with_capacity(1024 + 400 * g.edge_count() + 300 * ids.len());
    let _ = write!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\">\n\
         <title>polgraph: {} actors, {} relations</title>\n<defs>\n",
        ids.len(),
        g.edge_count()
    );
    for r in &relations {
        let _ = writeln!(
            s,
            "<marker id=\"arrow-{r}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" \
             markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            relation_colour(*r)
        );
    }
    s.push_str("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<g class=\"edges\">\n");
    // Edges: from box edge to box edge; two edges between one pair bend apart.
    let mut seen: std::collections::HashMap<(usize, usize), usize> = std::collections::HashMap::new();
    for e in g.edges() {
        let (a, b) = (index(e.source_id), index(e.target_id));
        if a == b {
            continue;
        }
        let nth = seen.entry((a.min(b), a.max(b))).or_insert(0);
        let bend = *nth as f64 * 18.0 * if (*nth).is_multiple_of(2) { 1.0 } else { -1.0 };
        *nth += 1;
        let (p, q) = (placed[a], placed[b]);
        let (sx, sy) = clip(p, q.x, q.y);
        let (tx, ty) = clip(q, p.x, p.y);
        let (mx, my) = ((sx + tx) / 2.0, (sy + ty) / 2.0);
        let len = ((tx - sx).powi(2) + (ty - sy).powi(2)).sqrt().max(1e-9);
        let (cx, cy) = (mx - (ty - sy) / len * bend, my + (tx - sx) / len * bend);
        let colour = relation_colour(e.edge.relation);
        let dash = match e.edge.modality {
            Modality::Fact => "",
            Modality::Planned => " stroke-dasharray=\"6 4\"",
            Modality::Negated | Modality::Hypothetical => " stroke-dasharray=\"2 3\"",
        };
        let arrow = if e.edge.relation.is_symmetric() {
            String::new()
        } else {
            format!(" marker-end=\"url(#arrow-{})\"", e.edge.relation)
        };
        let tip = e
            .edge
            .evidence
            .iter()
            .map(|ev| format!("{}: {}", ev.doc, ev.sentence))
            .collect::<Vec<_>>()
            .join("\n");
        let label = match e.edge.modality {
            Modality::Fact => e.edge.relation.to_string(),
            m => format!("{} ({m})", e.edge.relation),
        };
        let _ = writeln!(
            s,
            "<g class=\"edge\" data-source=\"{}\" data-target=\"{}\" data-relation=\"{}\"><title>{} {} {} (×{})\n{}</title>\
             <path d=\"M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"{colour}\" \
             stroke-width=\"{:.1}\"{dash}{arrow}/></g>",
            xml(&e.source.name),
            xml(&e.target.name),
            e.edge.relation,
            xml(&e.source.name),
            xml(&label),
            xml(&e.target.name),
            e.edge.weight,
            xml(&tip),
            sx + ox,
            sy + oy,
            cx + ox,
            cy + oy,
            tx + ox,
            ty + oy,
            1.0 + (e.edge.weight as f64).ln()
        );
    }
    s.push_str("</g>\n<g class=\"nodes\">\n");
    for (i, &a) in ids.iter().enumerate() {
        let node = g.actor(a);
        let p = placed[i];
        let (x, y) = (p.x + ox, p.y + oy);
        let (_, fill) = node_style(node.actor_type);
        let shape = shape_svg(node.actor_type, x, y, p.w, p.h, fill);
        let _ = writeln!(
            s,
            "<g class=\"node\" data-actor=\"{}\"><title>{} ({}), mentions: {}</title>{shape}\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" text-anchor=\"middle\">{}</text></g>",
            xml(&node.name),
            xml(&node.name),
            node.actor_type,
            node.mentions,
            y + FONT * 0.35,
            xml(&node.name)
        );
    }
    s.push_str("</g>\n");
    // The legend, right of the drawing.
    let lx = (x1 - x0) + 2.0 * MARGIN;
    let mut ly = MARGIN;
    let _ = writeln!(
        s,
        "<g class=\"legend\"><rect x=\"{lx:.1}\" y=\"{ly:.1}\" width=\"{legend_w}\" height=\"{legend_h:.1}\" \
         fill=\"white\" stroke=\"#999\"/>"
    );
    ly += 18.0;
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"12\" font-weight=\"bold\">Legend</text>",
        lx + 8.0
    );
    for ty in [ActorType::Person, ActorType::Organization, ActorType::Place] {
        ly += 18.0;
        let (_, fill) = node_style(ty);
        let _ = writeln!(
            s,
            "{}<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{ty}</text>",
            shape_svg(ty, lx + 22.0, ly - 4.0, 26.0, 13.0, fill),
            lx + 44.0,
            ly
        );
    }
    for r in &relations {
        ly += 18.0;
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"2\"/>\
             <text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"11\">{r}</text>",
            lx + 9.0,
            ly - 4.0,
            lx + 35.0,
            ly - 4.0,
            relation_colour(*r),
            lx + 44.0
        );
    }
    ly += 24.0;
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"10\" fill=\"#555\">dashed: planned; dotted: uncertain</text></g>\n</svg>",
        lx + 8.0
    );
    s
}

/// Where the segment from a box's centre towards (x, y) leaves the box.
fn clip(p: Placed, x: f64, y: f64) -> (f64, f64) {
    let (dx, dy) = (x - p.x, y - p.y);
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return (p.x, p.y);
    }
    let tx = if dx.abs() > 1e-9 {
        (p.w / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        (p.h / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    (p.x + dx * t, p.y + dy * t)
}

/// An actor's shape centred on (x, y): ellipse, box or hexagon.
fn shape_svg(ty: ActorType, x: f64, y: f64, w: f64, h: f64, fill: &str) -> String {
    let stroke = "stroke=\"#555\"";
    match ty {
        ActorType::Person => format!(
            "<ellipse cx=\"{x:.1}\" cy=\"{y:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{fill}\" {stroke}/>",
            w / 2.0,
            h / 2.0
        ),
        ActorType::Organization => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\" {stroke}/>",
            x - w / 2.0,
            y - h / 2.0
        ),
        ActorType::Place => {
            let (hw, hh, c) = (w / 2.0, h / 2.0, h / 2.0);
            format!(
                "<polygon points=\"{:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1}\" \
                 fill=\"{fill}\" {stroke}/>",
                x - hw,
                x - hw + c,
                y - hh,
                x + hw - c,
                y - hh,
                x + hw,
                x + hw - c,
                y + hh,
                x - hw + c,
                y + hh
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_boxes_are_pushed_apart() {
        let mut p = vec![
            Placed {
                x: 0.0,
                y: 0.0,
                w: 100.0,
                h: 24.0,
            };
            5
        ];
        for (i, q) in p.iter_mut().enumerate() {
            q.x += i as f64 * 0.5;
        }
        separate(&mut p);
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let (a, b) = (p[i], p[j]);
                let apart =
                    (b.x - a.x).abs() >= (a.w + b.w) / 2.0 - 1e-6 || (b.y - a.y).abs() >= (a.h + b.h) / 2.0 - 1e-6;
                assert!(apart, "{i} {j}: {a:?} {b:?}");
            }
        }
    }

    #[test]
    fn clipping_ends_an_edge_on_the_box() {
        let p = Placed {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 20.0,
        };
        assert_eq!(clip(p, 200.0, 0.0), (50.0, 0.0));
        assert_eq!(clip(p, 0.0, -100.0), (0.0, -10.0));
    }
}
