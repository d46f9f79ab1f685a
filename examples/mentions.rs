//! Prints the mentions of one sentence as the rule passes see them, for
//! debugging a rule: `cargo run --example mentions -- "Labour MPs met Blair."`.
use polgraph::Lexicon;
use polgraph::mentions::{find_mentions, mention_text, tag_tokens};
use polgraph::resolve::{Stage, resolve_names, resolve_references};
use polgraph::text::Tokenized;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let lex = Lexicon::builtin();
    let mut t = Tokenized::new(&text);
    tag_tokens(&mut t, &lex);
    let mut mentions = find_mentions(&t, &lex);
    let mut ents = resolve_names(&t, &lex, &mut mentions, 0);
    resolve_references(&t, &lex, &mut mentions, &mut ents, Stage::Pronouns);
    resolve_references(&t, &lex, &mut mentions, &mut ents, Stage::Descriptions);
    resolve_references(&t, &lex, &mut mentions, &mut ents, Stage::Late);
    for m in &mentions {
        let ent = m.entity.map(|e| ents.list[e].name.as_str()).unwrap_or("-");
        println!(
            "{}..{} {:?} {:?} modifier={} possessive={} -> {ent}",
            m.first,
            m.last,
            mention_text(&t, m),
            m.kind,
            m.modifier,
            m.possessive
        );
    }
}
