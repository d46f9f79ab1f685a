//! The corpus-wide naming pass against a file of name variants that must be
//! one actor and namesakes that must stay apart (tests/data/name_variants.tsv,
//! built from the spellings issue #20 found split in the bulk corpus).

use polgraph::naming::CorpusNames;
use polgraph::{ActorType, Lexicon};

const CASES: &str = include_str!("data/name_variants.tsv");

#[test]
fn variants_merge_and_namesakes_stay_apart() {
    let rows: Vec<Vec<&str>> = CASES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    let mut names = CorpusNames::default();
    let mut mentions: Vec<(&str, usize)> = Vec::new();
    for row in &rows {
        match row.as_slice() {
            ["seen", name, docs] => {
                let docs = docs.parse::<usize>().unwrap();
                for _ in 0..docs {
                    names.observe(name, ActorType::Person);
                }
                mentions.push((name, docs));
            }
            // A bare surname in a "same" line is a name the corpus gives alone.
            ["same", rest @ ..] => {
                for name in rest.iter().filter(|n| !n.contains(' ')) {
                    names.observe(name, ActorType::Person);
                    mentions.push((name, 1));
                }
            }
            ["apart", _, _] => {}
            other => panic!("bad line: {other:?}"),
        }
    }
    let names = names.resolve(
        &Lexicon::builtin(),
        mentions.iter().map(|&(n, m)| (n, ActorType::Person, m)),
    );
    let named = |n: &str| names.canonical(n, ActorType::Person).unwrap().0;
    let (mut same, mut apart) = (0, 0);
    for row in &rows {
        match row.as_slice() {
            ["same", first, rest @ ..] => {
                for n in std::iter::once(first).chain(rest) {
                    assert_eq!(named(n), *first, "{n} should be {first}");
                }
                same += 1;
            }
            ["apart", a, b] => {
                assert_ne!(named(a), named(b), "{a} and {b} should stay two actors");
                apart += 1;
            }
            _ => {}
        }
    }
    assert!(same >= 15 && apart >= 15, "{same} merges, {apart} pairs kept apart");
}
