//! Resolution: one entity per real actor within a document (across
//! documents, [`crate::naming`] gives each actor one canonical name).
//!
//! Within a document, in two steps. [`resolve_names`] binds names: lexicon
//! surfaces to their entry, full names to a person (merging "Donald Trump" and
//! "Donald J. Trump"), bare surnames and "Mr Blair" to the person with that
//! surname mentioned last. Affiliations then record each person's titles, and
//! [`resolve_references`] binds pronouns to the salient person, and descriptions
//! ("the U.S. envoy", "the Kremlin leader") to the person whose titles fit them;
//! an indefinite description ("an aide to Putin told Interfax") is bound to the
//! person the next sentences introduce.

use crate::lexicon::{Lexicon, Sex, SurfaceKind};
use crate::mentions::{Mention, MentionKind, mention_str, mention_text_is};
use crate::model::{ActorType, Relation};
use crate::text::{Tokenized, WordList, is_closing_quote, is_opening_quote, one_of};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// What a document knows of one actor's titles: "Russian President" gives
/// (president, leads, Russia).
#[derive(Debug, Clone, PartialEq)]
pub struct TitleFact {
    /// The title's head word, lower case ("envoy", "president").
    pub head: String,
    /// The words of the post before the head, lower case ("first" of "first
    /// minister", "defence" of "defence secretary"), or empty: "the defence
    /// secretary" is not the one whose title was "justice secretary".
    pub portfolio: String,
    /// What the title implies.
    pub relation: Relation,
    /// The entity it is a title of, where the text says.
    pub qualifier: Option<usize>,
}

/// One actor within one document.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Its type.
    pub ty: ActorType,
    /// Its lexicon entry, if known.
    pub entry: Option<usize>,
    /// The country it stands for or belongs to (by canonical name).
    pub country: Option<String>,
    /// Every other way the document names it.
    pub aliases: BTreeSet<String>,
    /// Mentions bound to it.
    pub mentions: usize,
    /// Its titles, as affiliations found them.
    pub titles: Vec<TitleFact>,
}

impl Entity {
    fn named(name: String, ty: ActorType) -> Self {
        Entity {
            name,
            ty,
            entry: None,
            country: None,
            aliases: BTreeSet::new(),
            mentions: 0,
            titles: Vec::new(),
        }
    }
}

/// The entities of one document.
#[derive(Debug, Default, Clone)]
pub struct Entities {
    /// All entities, by index.
    pub list: Vec<Entity>,
    /// Entities by lower-cased name.
    by_key: FxHashMap<String, usize>,
    /// Entities of lexicon entries, by entry.
    by_entry: FxHashMap<usize, usize>,
}

impl Entities {
    fn get_or_add(&mut self, key: &str, make: impl FnOnce() -> Entity) -> usize {
        if let Some(&i) = self.by_key.get(key) {
            return i;
        }
        let i = self.list.len();
        self.list.push(make());
        self.by_key.insert(key.to_string(), i);
        i
    }

    /// The entity of a lexicon entry, added if the document has not named it.
    pub fn of_entry(&mut self, lex: &Lexicon, entry: usize) -> usize {
        if let Some(&i) = self.by_entry.get(&entry) {
            return i;
        }
        let e = lex.entry(entry);
        let i = self.list.len();
        self.list.push(Entity {
            name: e.name.clone(),
            ty: e.actor_type,
            entry: Some(entry),
            country: e.country.clone(),
            aliases: BTreeSet::new(),
            mentions: 0,
            titles: Vec::new(),
        });
        self.by_entry.insert(entry, i);
        i
    }
}

/// Verbs right after a name that show it names someone ("Obama said").
const NAME_VERBS: &[&str] = &[
    "said", "says", "has", "had", "was", "is", "told", "will", "would", "did", "does", "wrote", "added", "signed",
];

/// A body's name as a name is written: "work and pensions select
/// committee" (written so by British papers) is the "Work and Pensions
/// Select Committee", "Kent county council" "Kent County Council". Other
/// names stay as they are.
fn capitalised(name: &str, ty: ActorType) -> String {
    let body_in_lower_case = ty == ActorType::Organization
        && name
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "council" | "committee" | "subcommittee"));
    if !name.starts_with(|c: char| c.is_lowercase()) && !body_in_lower_case {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| match w {
            "and" | "of" | "on" | "for" | "the" => w.to_string(),
            _ => {
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name's last word that is not a generational suffix (the last word if all
/// are). Called for every name mention, every person entity and every
/// [`same_person`] test, so it does not allocate.
fn surname(name: &str) -> Option<&str> {
    let mut words = WordsBack(name);
    let last = words.next()?;
    if !crate::mentions::is_name_suffix(last) {
        return Some(last);
    }
    Some(words.find(|w| !crate::mentions::is_name_suffix(w)).unwrap_or(last))
}

/// A name's words from the last, as `split_whitespace().rev()` gives them.
/// Surnames and suffixes are read from the end of every name a document
/// resolves; the standard iterator decodes every character backwards and
/// was 1.7% of extraction, where names are nearly always ASCII.
struct WordsBack<'a>(&'a str);

impl<'a> WordsBack<'a> {
    /// The last word by Unicode's white space, for a name with other than
    /// ASCII at its end.
    fn next_unicode(&mut self) -> Option<&'a str> {
        let rest = self.0.trim_end();
        let start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.0 = &rest[..start];
        Some(&rest[start..]).filter(|w| !w.is_empty())
    }
}

impl<'a> Iterator for WordsBack<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // Unicode's white space in ASCII (`u8::is_ascii_whitespace` leaves
        // out the vertical tab, which `char::is_whitespace` counts).
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        let bytes = self.0.as_bytes();
        let end = bytes.iter().rposition(|&b| !space(b))? + 1;
        let start = bytes[..end]
            .iter()
            .rposition(|&b| space(b) || !b.is_ascii())
            .map_or(0, |i| i + 1);
        if start == end || (start > 0 && !bytes[start - 1].is_ascii()) {
            return self.next_unicode();
        }
        let word = &self.0[start..end];
        self.0 = &self.0[..start];
        Some(word)
    }
}

/// A name's generational suffix ("Jr.", "III"), if it has one.
fn name_suffix(name: &str) -> Option<&str> {
    WordsBack(name).next().filter(|w| crate::mentions::is_name_suffix(w))
}

/// Whether two person names are the same person: same surname and a compatible
/// first name ("Donald Trump", "Donald J. Trump", "Donald John Trump").
fn same_person(a: &str, b: &str) -> bool {
    NameParts::of(a).same(&NameParts::of(b))
}

/// The parts of a person's name that [`same_person`] compares, found once
/// for a name compared with many (the corpus pass weighs every full name of
/// a surname against every other).
#[derive(Debug, Clone, Copy)]
struct NameParts<'a> {
    first: Option<&'a str>,
    surname: Option<&'a str>,
    suffix: Option<&'a str>,
}

impl<'a> NameParts<'a> {
    /// Without allocating: this runs for every full name against every entity.
    fn of(name: &'a str) -> Self {
        NameParts {
            first: name.split_whitespace().next(),
            surname: surname(name),
            suffix: name_suffix(name),
        }
    }

    fn same(&self, other: &NameParts) -> bool {
        // "Donald Trump" and "Donald Trump Jr." are two people.
        if self.suffix != other.suffix {
            return false;
        }
        match (self.first, other.first, self.surname, other.surname) {
            (Some(fa), Some(fb), Some(la), Some(lb)) => {
                la == lb
                    && (fa == fb
                        || (fa.len() <= 2 && fb.starts_with(fa.trim_end_matches('.')))
                        || (fb.len() <= 2 && fa.starts_with(fb.trim_end_matches('.'))))
            }
            _ => false,
        }
    }
}

/// Binds every name mention to an entity. Mentions in the headline
/// (`headline_sentences`) and in other sentences set in headline case
/// (headlines of other stories scraped into the body,
/// [`Tokenized::headline_case`]) are only bound to entities the rest of the
/// text names, because headline case makes every word look like a name.
pub fn resolve_names(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention], headline_sentences: usize) -> Entities {
    let headline: Vec<bool> = (0..t.sentences.len())
        .map(|s| s < headline_sentences || t.headline_case(s))
        .collect();
    let in_headline = |m: &Mention| headline.get(m.sentence).copied().unwrap_or(false);
    let mut ents = Entities::default();
    let mut index = NameIndex::default();
    // A name lower-cased, as the key of `ents.by_key`.
    let mut key = String::new();
    // "Netanyahu, known as 'Mr Security' and 'King Bibi'": a name a
    // nickname's words introduce is the named one's, there and wherever
    // the text says it again (name → the mention it is a nickname of).
    let nicknames = introduced_nicknames(t, lex, mentions);
    // Lexicon entries and full names first, so bare surnames anywhere can find them.
    for m in mentions.iter_mut() {
        if !nicknames.is_empty() && nicknames.contains_key(mention_str(t, m).as_ref()) {
            continue;
        }
        match m.kind {
            MentionKind::Known { entry, surface } => {
                let i = ents.of_entry(lex, entry);
                if surface != SurfaceKind::Demonym && !mention_text_is(t, m, &ents.list[i].name) {
                    add_alias(&mut ents.list[i].aliases, mention_str(t, m));
                }
                m.entity = Some(i);
            }
            MentionKind::Name { ty: Some(ty) } if !in_headline(m) => {
                let text = mention_str(t, m);
                let words = text.split_whitespace().count();
                if ty == ActorType::Person && words < 2 {
                    continue;
                }
                // "Des Moines", "Santa Rosa": typed a person's by a given name
                // alone, a place the gazetteer knows is that place.
                let ty = if ty == ActorType::Person && !m.person_cue && lex.is_gazetteer_place(&text) {
                    m.kind = MentionKind::Name {
                        ty: Some(ActorType::Place),
                    };
                    ActorType::Place
                } else {
                    ty
                };
                let existing = if ty == ActorType::Person {
                    index.catch_up(&ents);
                    surname(&text).and_then(|s| {
                        index
                            .surname(&ents, s)
                            .find(|&i| same_person(&ents.list[i].name, &text))
                    })
                } else {
                    ents.by_key.get(lower(&text, &mut key)).copied()
                };
                let i = existing.unwrap_or_else(|| {
                    ents.get_or_add(lower(&text, &mut key), || Entity::named(capitalised(&text, ty), ty))
                });
                if text != ents.list[i].name {
                    add_alias(&mut ents.list[i].aliases, text);
                }
                m.entity = Some(i);
            }
            _ => {}
        }
    }
    // Then bare surnames and undecided names, in text order, the headline last so
    // that it can refer to what the body names.
    // Per entity: mentions bound so far, and 1 + the token of the latest.
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let see = |seen: &mut Vec<(usize, usize)>, e: usize, at: usize| {
        if seen.len() <= e {
            seen.resize(e + 1, (0, 0));
        }
        seen[e] = (seen[e].0 + 1, at + 1);
    };
    let mut candidates: Vec<usize> = Vec::new();
    // "the Reform leader" where the text names Reform UK, "hoped Tribune
    // would" where it names the Tribune group: a party's first word, with
    // only its country or "Party" after it in its name, is its short form,
    // and so is a group's named before a lower-case "group". (Not a
    // company's or a movement's: "Trump" of "the Never Trump Movement".)
    // The bodies named so far, the lexicon's and full names, are the ones.
    let short_forms: Vec<usize> = (0..ents.list.len())
        .filter(|&i| {
            let e = &ents.list[i];
            let party = e.entry.is_some_and(|en| lex.entry(en).kind == "party");
            e.ty == ActorType::Organization
                && e.name
                    .split_once(' ')
                    .is_some_and(|(_, rest)| rest == "group" || party && matches!(rest, "UK" | "Party" | "party"))
        })
        .collect();
    let order: Vec<usize> = {
        let (head, body): (Vec<usize>, Vec<usize>) = (0..mentions.len()).partition(|&i| in_headline(&mentions[i]));
        body.into_iter().chain(head).collect()
    };
    // "Trump, talking to reporters as he left", "Mrs Trump": the sex the
    // honorifics and following pronouns of a single-word name say across the
    // text, where they agree, so that "President Trump" is not the article's
    // only full namesake, "first lady Melania Trump".
    // (A pronoun after a name may be another's: "Richards says she must";
    // two cues, all of one sex, or an honorific, decide.)
    let mut cues: FxHashMap<String, [usize; 2]> = FxHashMap::default();
    for i in 0..mentions.len() {
        if mentions[i].entity.is_none()
            && matches!(mentions[i].kind, MentionKind::Name { .. })
            && let Some((sex, weight)) = name_cue_sex(t, lex, mentions, i)
        {
            cues.entry(mention_str(t, &mentions[i]).to_string()).or_default()[usize::from(sex == Sex::Female)] +=
                weight;
        }
    }
    let cue_sexes: FxHashMap<String, Option<Sex>> = cues
        .into_iter()
        .map(|(name, [male, female])| {
            let sex = match (male, female) {
                (m, 0) if m >= 2 => Some(Sex::Male),
                (0, f) if f >= 2 => Some(Sex::Female),
                _ => None,
            };
            (name, sex)
        })
        .collect();
    // "the Trump administration", "the Obama-era rule", "the Biden
    // campaign": a single name that an administration, a campaign or an era
    // is named after is a person's, even where the text never gives the
    // full name.
    let eponyms: FxHashSet<&str> = {
        let mut out = FxHashSet::default();
        // Found from the rare nouns backwards (a length test turns nearly
        // every token away before any comparison).
        for k in 1..t.tokens().len() {
            let raw = t.raw(k);
            if !matches!(raw.len(), 3 | 8 | 10 | 14) {
                continue;
            }
            let name = match t.word(k) {
                "administration" | "presidency" if k >= 2 && t.word(k - 1) == "'s" => k - 2,
                "administration" | "campaign" | "presidency" => k - 1,
                "era" if k >= 2 && t.raw(k - 1) == "-" && t.glued(k - 2) && t.glued(k - 1) => k - 2,
                _ => continue,
            };
            // "Renaissance-era explorer", "Confederate-era monument": an era's
            // name the text never sets off by punctuation nor has say, do or
            // be anything ("Confederate statues", "the Confederate Navy",
            // "Renaissance history") is an adjective, not a person's.
            let noun_somewhere = || {
                let raw = t.raw(name);
                (0..t.tokens().len()).any(|j| {
                    t.raw(j) == raw
                        && t.tokens().get(j + 1).is_none_or(|_| {
                            let next = t.raw(j + 1);
                            next != "-" && !next.chars().next().is_some_and(char::is_alphanumeric)
                                || one_of(t.word(j + 1), NAME_VERBS)
                        })
                })
            };
            if t.is_capitalized(name) && !lex.is_common_word(t.word(name)) && (t.word(k) != "era" || noun_somewhere()) {
                out.insert(t.raw(name));
            }
        }
        out
    };
    for i in order {
        if mentions[i].entity.is_none()
            && !nicknames.is_empty()
            && let Some(&of) = nicknames.get(mention_str(t, &mentions[i]).as_ref())
        {
            mentions[i].entity = mentions[of].entity;
        }
        let m = &mut mentions[i];
        if let Some(e) = m.entity {
            see(&mut seen, e, m.first);
            continue;
        }
        let MentionKind::Name { ty } = m.kind else { continue };
        let text = mention_str(t, m);
        // "Trump Jr." is only the Jr.; a bare "King" may be "Martin Luther King Jr.".
        let suffix = name_suffix(&text);
        index.catch_up(&ents);
        candidates.clear();
        // ("the Trump campaign", "to aid Trump": a name that a campaign or an
        // administration is named after is the principal's, not "Donald Trump
        // Jr."'s.)
        let eponym = suffix.is_none() && eponyms.contains(text.as_ref());
        if let Some(s) = surname(&text) {
            candidates.extend(index.surname(&ents, s).filter(|&i| {
                let theirs = name_suffix(&ents.list[i].name);
                suffix.is_none_or(|s| theirs == Some(s)) && !(eponym && theirs.is_some())
            }));
        }
        candidates.extend(index.name(&ents, &text));
        // In entity order, as the namesake choice below breaks ties by it.
        candidates.sort_unstable();
        candidates.dedup();
        // A full name is another person's only if the two names agree ("Jung-yoon
        // Kim" is not "Kim Jong Un", nor "Hunter Biden" "Joe Biden"); a name
        // the other's holds whole ("Jong Un" of "Kim Jong Un") may be it.
        if text.contains(' ') {
            // (A bare surname named alone so far is any of them: "President
            // Musharraf" then "Gen Pervez Musharraf".)
            // ("Steve Mnuchin" of "Steven Mnuchin": a first name the other's begins.)
            let text_key = format!(" {} ", text.to_lowercase());
            let b = NameParts::of(&text);
            let shortened = |name: &str| {
                let a = NameParts::of(name);
                a.surname == b.surname
                    && a.first
                        .zip(b.first)
                        .is_some_and(|(x, y)| x.len() >= 3 && y.len() >= 3 && (x.starts_with(y) || y.starts_with(x)))
            };
            candidates.retain(|&c| {
                let name = &ents.list[c].name;
                !name.contains(' ')
                    || same_person(name, &text)
                    || shortened(name)
                    || format!(" {} ", name.to_lowercase()).contains(&text_key)
            });
        }
        // No surname fits: "Kim" for "Kim Jong Un", where the family name comes
        // first (or a first name for a person the text already named in full).
        // Nor is a namesake whose family name this is, where the text has
        // named the other already ("Kim's commitment" after "Kim Jong Un",
        // with an "AP writer Jung-yoon Kim" to come).
        let mut unfit = false;
        if !text.contains(' ') {
            let cue_sex = cue_sexes.get(text.as_ref()).copied().flatten();
            let before = candidates.len();
            candidates.retain(|&c| sex_fits(lex, &ents.list[c], cue_sex));
            unfit = candidates.len() < before;
            let surnamed = !candidates.is_empty();
            // (A monarch's or a pope's title before a given name makes someone
            // named so: "ex-King Michael of Romania" is no Michael Ancram;
            // "Sir Edward" may be Edward Heath, "Chairman Kim" Kim Jong Un.)
            let titled = m.first > t.sentences[m.sentence].first && one_of(t.word(m.first - 1), ROYAL_TITLES);
            candidates.extend(
                index
                    .first_name(&ents, &text)
                    .filter(|_| !titled)
                    .filter(|&i| !surnamed || seen.get(i).is_some_and(|&(n, _)| n > 0)),
            );
            candidates.sort_unstable();
            candidates.dedup();
        }
        // Namesakes ("Donald Trump", "Melania Trump"): a bare surname means the
        // one the text has named most so far (a story calls its main figure by
        // surname, and others by first name or title), then the latest.
        let best = candidates
            .iter()
            .copied()
            .max_by_key(|&i| seen.get(i).copied().unwrap_or_default());
        let headline = in_headline(m);
        // "Chief Financial Officer", "Director": a single word that is a
        // common English word or a title is nobody's surname, unless an
        // honorific says so ("Lord Falconer").
        let common_word = || {
            !text.contains(' ') && {
                let lower = text.to_lowercase();
                let honorific = m.first > 0 && crate::mentions::is_plain_honorific(t, lex, m.first - 1);
                // ("President Macron", "Senator Blunt", "Foreign Secretary
                // Straw": a capitalised post said before a surname makes one
                // of an English word too.)
                let post = m.first > t.sentences[m.sentence].first
                    && t.is_capitalized(m.first - 1)
                    && one_of(t.word(m.first - 1), crate::mentions::SURNAME_POSTS);
                (lex.is_common_word(&lower) && !honorific && !post) || lex.title_at(&[lower.as_str()]).is_some()
            }
        };
        // (A word the lexicon knows, left a bare name where it stands, is no
        // short form there: "Republican Senate majority leader".)
        let short_form = || {
            let &i = short_forms.iter().find(|&&i| {
                ents.list[i]
                    .name
                    .split_once(' ')
                    .is_some_and(|(first, _)| first == text.as_ref())
            })?;
            (ty.is_none() && lex.known_at(&text, 0).is_none_or(|(end, _, _)| end != text.len())).then_some(i)
        };
        let chosen = match best {
            Some(i) => Some(i),
            None if let Some(i) = short_form() => Some(i),
            // (A name whose namesakes a pronoun ruled out is a person's too.)
            None if !headline
                && (m.person_cue || unfit || ty == Some(ActorType::Person) || eponyms.contains(text.as_ref()))
                && !common_word() =>
            {
                Some(ents.get_or_add(lower(&text, &mut key), || {
                    Entity::named(text.to_string(), ActorType::Person)
                }))
            }
            // "Tulsa", "El Paso": a name nothing else types, that a gazetteer knows.
            // "a spokesman for Crossrail": a body, if no person has that surname
            // and it is no English word, title or given name.
            None if !headline && ty.is_none() && m.body_cue && !common_word() && !lex.is_given_name(&text) => {
                Some(ents.get_or_add(lower(&text, &mut key), || {
                    Entity::named(text.to_string(), ActorType::Organization)
                }))
            }
            None if !headline && (ty.is_some() || m.place_cue || lex.is_gazetteer_place(&text)) => {
                let ty = ty.unwrap_or(ActorType::Place);
                Some(ents.get_or_add(lower(&text, &mut key), || Entity::named(capitalised(&text, ty), ty)))
            }
            None => None,
        };
        if let Some(i) = chosen {
            if text != ents.list[i].name {
                add_alias(&mut ents.list[i].aliases, text);
            }
            see(&mut seen, i, m.first);
            m.entity = Some(i);
        }
    }
    for m in mentions.iter() {
        if let Some(e) = m.entity {
            ents.list[e].mentions += 1;
        }
    }
    ents
}

/// Names a text introduces as another's nickname, each with the mention of
/// the one it names: "Netanyahu, known as 'Mr Security' and 'King Bibi'",
/// "Mohammed bin Salman, known as MBS", "Salvini, nicknamed 'the Captain'"
/// (a name only: the nickname's first word capitalised). The named one is
/// the name right before the comma, or right before "known"; a nickname of
/// no one the text names ("a man known as Jack") is left alone. Where a
/// text also names someone by the nickname's words in earnest the nickname
/// still wins; that is rare beside a construction this plain.
fn introduced_nicknames(t: &Tokenized, lex: &Lexicon, mentions: &[Mention]) -> FxHashMap<String, usize> {
    let mut out: FxHashMap<String, usize> = FxHashMap::default();
    // Nickname mention → the mention it names, for a list's next one.
    let mut named_by: FxHashMap<usize, usize> = FxHashMap::default();
    // The mention before `before` that ends right before token `end`, in
    // the sentence from token `first` (mentions are in text order).
    let ending_at = |end: usize, before: usize, first: usize| {
        mentions[..before]
            .iter()
            .rev()
            .take_while(|x| x.first >= first)
            .position(|x| x.last == end && !x.possessive)
            .map(|back| before - 1 - back)
    };
    for (mi, m) in mentions.iter().enumerate() {
        if !matches!(m.kind, MentionKind::Name { .. }) {
            continue;
        }
        let first = t.sentences[m.sentence].first;
        // An honorific, an opening quote.
        let mut k = m.first;
        if k > first && is_opening_quote(t.raw(k - 1)) {
            k -= 1;
        } else if k > first + 1 && is_opening_quote(t.raw(k - 2)) && crate::mentions::is_plain_honorific(t, lex, k - 1)
        {
            k -= 2;
        }
        if k < first + 2 {
            continue;
        }
        // The one named by the words that open at token `at`: "also known
        // as"; the named one before a comma or right before.
        let named_before = |at: usize| {
            let at = if at > first && t.word(at - 1) == "also" {
                at - 1
            } else {
                at
            };
            match at.checked_sub(1).filter(|&b| b >= first) {
                Some(b) if t.raw(b) == "," => ending_at(b, mi, first),
                Some(_) => ending_at(at, mi, first),
                None => None,
            }
        };
        let named = match t.word(k - 1) {
            // (A participle's only after a comma: "Trump dubbed Biden
            // 'Sleepy Joe'" gives Biden a nickname, not Trump.)
            "as" if t.word(k - 2) == "known" => named_before(k - 2),
            "nicknamed" | "dubbed" if t.raw(k - 2) == "," => named_before(k - 1),
            "aka" | "a.k.a." => named_before(k - 1),
            // The next of a list of nicknames ("known as 'Mr Security' and
            // 'King Bibi'").
            "and" | "or" | "," => {
                let j = if is_closing_quote(t.raw(k - 2)) { k - 2 } else { k - 1 };
                ending_at(j, mi, first).and_then(|p| named_by.get(&p).copied())
            }
            _ => None,
        };
        if let Some(named) = named {
            named_by.insert(mi, named);
            out.entry(mention_str(t, m).into_owned()).or_insert(named);
        }
    }
    out
}

/// Which entities have a given person surname, first name or (for the
/// others) name, in entity order, kept up to date as entities are added (names
/// never change): [`resolve_names`] looks a mention's candidates up instead of
/// testing every entity, a scan that was 10% of extraction.
///
/// Keys are the hashes of the words, not copies of them (a copy and a list
/// for each name of each document were a tenth of extraction's allocations):
/// a lookup checks the word of each entity it finds, so two words with one
/// hash cannot be confused.
#[derive(Default)]
struct NameIndex {
    by_surname: FxHashMap<u64, Entries>,
    by_name: FxHashMap<u64, Entries>,
    /// Persons named in more than one word, by their first word.
    by_first_name: FxHashMap<u64, Entries>,
    /// Entities indexed so far: `0..done`.
    done: usize,
}

/// Entities under one key, in entity order; most keys have one.
type Entries = smallvec::SmallVec<[usize; 2]>;

fn key_of(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// The person's first word, if the name has more than one.
fn first_name(name: &str) -> Option<&str> {
    name.split_whitespace().next().filter(|_| name.contains(' '))
}

impl NameIndex {
    fn catch_up(&mut self, ents: &Entities) {
        for i in self.done..ents.list.len() {
            let e = &ents.list[i];
            if e.ty == ActorType::Person {
                if let Some(s) = surname(&e.name) {
                    self.by_surname.entry(key_of(s)).or_default().push(i);
                }
                if let Some(first) = first_name(&e.name) {
                    self.by_first_name.entry(key_of(first)).or_default().push(i);
                }
            } else {
                self.by_name.entry(key_of(&e.name)).or_default().push(i);
            }
        }
        self.done = ents.list.len();
    }

    /// Persons with surname `s`, in entity order.
    fn surname<'a>(&'a self, ents: &'a Entities, s: &'a str) -> impl Iterator<Item = usize> + 'a {
        checked(&self.by_surname, ents, s, surname)
    }

    /// Entities other than persons named `name`, in entity order.
    fn name<'a>(&'a self, ents: &'a Entities, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        checked(&self.by_name, ents, name, whole)
    }

    /// Persons named in more than one word whose first word is `first`, in entity order.
    fn first_name<'a>(&'a self, ents: &'a Entities, first: &'a str) -> impl Iterator<Item = usize> + 'a {
        checked(&self.by_first_name, ents, first, first_name)
    }
}

/// A name as its own part, for [`checked`].
fn whole(name: &str) -> Option<&str> {
    Some(name)
}

/// The entities under `word`'s key in `map` whose name's `part` is `word`
/// itself (a key is a hash, and two words may share one), in entity order.
fn checked<'a>(
    map: &'a FxHashMap<u64, Entries>,
    ents: &'a Entities,
    word: &'a str,
    part: impl Fn(&str) -> Option<&str> + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let found = map.get(&key_of(word)).map_or(&[][..], |v| &v[..]);
    found
        .iter()
        .copied()
        .filter(move |&i| part(&ents.list[i].name) == Some(word))
}

/// Adds `alias` to `aliases`, copying it only if it is new.
fn add_alias(aliases: &mut BTreeSet<String>, alias: std::borrow::Cow<'_, str>) {
    if !aliases.contains(&*alias) {
        aliases.insert(alias.into_owned());
    }
}

/// `name` lower-cased, in `buf` (as `str::to_lowercase` gives it).
fn lower<'b>(name: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if name.is_ascii() {
        buf.push_str(name);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&name.to_lowercase());
    }
    buf
}

/// The qualifiers inside a description span: the entities it names before its
/// title ("the U.S. envoy" → United States).
pub fn qualifiers_in(mentions: &[Mention], first: usize, last: usize) -> Vec<usize> {
    mentions
        .iter()
        .filter(|m| m.first >= first && m.last <= last && !matches!(m.kind, MentionKind::Description { .. }))
        .filter_map(|m| m.entity)
        .collect()
}

/// The country an entity stands for or belongs to.
fn country_of(ents: &Entities, i: usize) -> Option<&str> {
    ents.list[i].country.as_deref()
}

/// Whether two qualifiers name the same side: the same entity, or a country and
/// a body of that country ("Russian President" fits "the Kremlin leader").
pub fn same_side(ents: &Entities, a: usize, b: usize) -> bool {
    let stands_for = |place: usize, other: usize| {
        ents.list[place].ty == ActorType::Place && country_of(ents, other) == Some(ents.list[place].name.as_str())
    };
    a == b || stands_for(a, b) || stands_for(b, a)
}

/// The words naming the post before the title's head word at `head`, in the
/// title or description that opens at `start`: up to three, not a name's nor
/// a passing word's ("former", "senior"). "first" of "Scotland's first
/// minister", "deputy prime" of "Deputy Prime Minister".
pub fn portfolio(t: &Tokenized, mentions: &[Mention], start: usize, head: usize) -> String {
    let mut words: Vec<&str> = Vec::new();
    let mut j = head;
    while j > start && words.len() < 3 {
        let w = t.word(j - 1);
        // (Mentions are in text order: only those opening before j can cover j - 1.)
        let before = mentions.partition_point(|m| m.first < j);
        let named = mentions[..before]
            .iter()
            .rev()
            .take(4)
            .any(|m| j <= m.last && !matches!(m.kind, MentionKind::Description { .. }));
        if named
            || !w.chars().all(char::is_alphabetic)
            || one_of(w, PASSING)
            || matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our")
        {
            break;
        }
        words.push(w);
        j -= 1;
    }
    words.reverse();
    words.join(" ")
}

/// Words before a title that say nothing of which post it is.
const PASSING: &[&str] = &[
    "former",
    "then",
    "ex",
    "outgoing",
    "incoming",
    "new",
    "current",
    "acting",
    "interim",
    "longtime",
    "veteran",
    "senior",
    "top",
    "influential",
    "powerful",
    "embattled",
    "beleaguered",
];

fn compatible(ents: &Entities, fact: &TitleFact, head: &str, portfolio: &str, qualifiers: &[usize]) -> bool {
    // (A post named on both sides must be the same one.)
    if !fact.portfolio.is_empty() && !portfolio.is_empty() && fact.portfolio != portfolio {
        return false;
    }
    let generic = matches!(head, "leader" | "head" | "chief" | "boss");
    let head_ok = if generic {
        fact.relation == Relation::Leads
    } else {
        fact.head == head
    };
    head_ok
        && qualifiers.iter().all(|&q| match fact.qualifier {
            Some(f) => same_side(ents, f, q),
            None => false,
        })
}

/// Which references [`resolve_references`] binds: pronouns and organization
/// descriptions need no titles and come before affiliations; person
/// descriptions match titles and come after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Pronouns, "the party", "the country".
    Pronouns,
    /// "the U.S. envoy", "an aide to Putin".
    Descriptions,
    /// Pronouns that waited for a description before them ("The home
    /// secretary said ... he wanted").
    Late,
}

/// Binds pronouns, organization descriptions and person descriptions. Returns,
/// for each indefinite description bound forward, the (mention, entity) pair, so
/// affiliations can add the title it gives ("an aide to Putin" → works_for).
pub fn resolve_references(
    t: &Tokenized,
    lex: &Lexicon,
    mentions: &mut [Mention],
    ents: &mut Entities,
    stage: Stage,
) -> Vec<(usize, usize)> {
    let mut bound = Vec::new();
    for idx in 0..mentions.len() {
        let is_description = matches!(mentions[idx].kind, MentionKind::Description { .. });
        if mentions[idx].entity.is_some()
            || is_description != (stage == Stage::Descriptions) && stage != Stage::Late
            || is_description && stage == Stage::Late
        {
            continue;
        }
        let m = mentions[idx].clone();
        let chosen = match &m.kind {
            MentionKind::Pronoun { .. } if matches!(t.word(m.first), "him" | "her") && !m.possessive => {
                object_person(t, lex, mentions, ents, idx)
            }
            MentionKind::Pronoun { .. } => salient_person(t, lex, mentions, ents, idx, stage == Stage::Pronouns),
            MentionKind::OrgDescription { kind } => mentions[..idx]
                .iter()
                .rev()
                .filter(|p| {
                    !matches!(
                        p.kind,
                        MentionKind::Known {
                            surface: SurfaceKind::Demonym,
                            ..
                        }
                    ) || *kind == "country"
                })
                .filter_map(|p| p.entity)
                .find(|&e| match kind.strip_prefix('@') {
                    // (Not a party's: "heads the committee" is no Democratic
                    // National Committee's.)
                    Some(head) => {
                        ents.list[e].ty == ActorType::Organization
                            && ents.list[e]
                                .name
                                .strip_suffix(head)
                                .is_some_and(|rest| rest.ends_with(' '))
                            && ents.list[e].entry.is_none_or(|en| lex.entry(en).kind != "party")
                    }
                    None => ents.list[e].entry.is_some_and(|en| lex.entry(en).kind == *kind),
                }),
            MentionKind::Description { head, indefinite, .. } => {
                let head_word = t.word(*head).to_string();
                let post = portfolio(t, mentions, m.first, *head);
                let quals = qualifiers_in(mentions, m.first, m.last);
                // "Witkoff, a longtime Trump ally": an apposition names its person.
                let appositive = (m.first > 0 && t.raw(m.first - 1) == ",")
                    .then(|| mentions[..idx].iter().rposition(|p| p.last == m.first - 1))
                    .flatten()
                    .filter(|&p| matches!(mentions[p].kind, MentionKind::Name { .. }))
                    .and_then(|p| mentions[p].entity)
                    .filter(|&e| ents.list[e].ty == ActorType::Person);
                if appositive.is_some() {
                    appositive
                } else if *indefinite && !matches!(head_word.as_str(), "source" | "sources") {
                    // "An aide to X told Interfax. ... Yuri Ushakov said": the next
                    // newly introduced person without a title is the aide.
                    let limit = m.sentence + 2;
                    let found = (idx + 1..mentions.len())
                        .take_while(|&j| mentions[j].sentence <= limit)
                        .find(|&j| {
                            let n = &mentions[j];
                            matches!(n.kind, MentionKind::Name { .. })
                                && !n.modifier
                                && n.entity.is_some_and(|e| {
                                    ents.list[e].ty == ActorType::Person
                                        && ents.list[e].titles.is_empty()
                                        && !mentions[..idx].iter().any(|p| p.entity == Some(e))
                                })
                        })
                        .and_then(|j| mentions[j].entity);
                    if let Some(e) = found {
                        bound.push((idx, e));
                    }
                    found
                } else {
                    let fits = |e: usize| {
                        ents.list[e].ty == ActorType::Person
                            && ents.list[e]
                                .titles
                                .iter()
                                .any(|f| compatible(ents, f, &head_word, &post, &quals))
                    };
                    // "President Trump said he would invite Russian President
                    // Putin. The president made the comments…": a description
                    // opening its sentence continues the last sentence's
                    // subject, not its latest name.
                    // (The last sentence naming anyone before, and its
                    // subject: the first actor it names that is no modifier.
                    // Before the quotation a description says: no one named
                    // inside it says it.)
                    let last_subject = subject_slot(t, &m)
                        .and_then(|slot| {
                            mentions[..idx]
                                .iter()
                                .rev()
                                .find(|p| p.last <= slot && p.sentence + 1 >= t.sentence_of(slot))
                                .map(|p| (p.sentence, slot))
                        })
                        .and_then(|(s, slot)| {
                            mentions[sentence_mentions(mentions, s)]
                                .iter()
                                .find(|p| p.last <= slot && !p.modifier && p.entity.is_some())
                                .and_then(|p| p.entity)
                                .map(|e| (s, e))
                        });
                    let previous_subject = last_subject.map(|(_, e)| e).filter(|&e| fits(e));
                    let mut best: Option<(usize, usize)> = previous_subject.map(|e| (e, usize::MAX));
                    for e in 0..ents.list.len() {
                        if !fits(e) {
                            continue;
                        }
                        let last = mentions[..idx]
                            .iter()
                            .rposition(|p| p.entity == Some(e))
                            .map_or(0, |p| p + 1);
                        if best.is_none_or(|(_, b)| last > b) {
                            best = Some((e, last));
                        }
                    }
                    // "Nigel Farage will promise … The Reform leader will give a
                    // speech": a description of a post in a body, opening its
                    // sentence, whom no title fits, continues the last
                    // sentence's subject if no title of that person's has its
                    // head or is a post (a place's post could be anyone's:
                    // "the Mexican president" after President Trump).
                    let body_post = is_body_post(ents, &quals);
                    // ("The California Republican": the party's own word is the head.)
                    let party = |q: usize| ents.list[q].entry.is_some_and(|en| lex.entry(en).kind == "party");
                    let member_of_party = mentions[idx + 1..]
                        .iter()
                        .take_while(|p| p.first < m.last)
                        .any(|p| p.first == *head && p.entity.is_some_and(party));
                    let continued = last_subject
                        .filter(|_| best.is_none() && !*indefinite && body_post)
                        .map(|(_, e)| e)
                        // (Nor anyone already heading or serving somewhere:
                        // "President Trump spoke. The Fed chairman said"; a
                        // party's member may hold any post, if not in
                        // another party: "House Majority Leader Kevin
                        // McCarthy said … The California Republican said".)
                        .filter(|&e| {
                            ents.list[e].ty == ActorType::Person
                                && !ents.list[e].titles.iter().any(|f| {
                                    if member_of_party {
                                        f.qualifier.is_some_and(|q| party(q) && !quals.contains(&q))
                                    } else {
                                        f.head == head_word
                                            || matches!(f.relation, Relation::Leads | Relation::WorksFor)
                                    }
                                })
                        });
                    best.map(|(e, _)| e).or(continued)
                }
            }
            _ => None,
        };
        if let Some(e) = chosen {
            mentions[idx].entity = Some(e);
            // Descriptions and pronouns are no aliases: "the president" is
            // Trump in one article and Macron in the next; they stay in the
            // evidence sentence.
            ents.list[e].mentions += 1;
        }
    }
    bound
}

/// Where a description standing as its sentence's subject goes on from the
/// person the text was last about: at the start of its sentence ("The Reform
/// leader will give a speech"), or where the quotation it says opens ('…
/// Badenoch clarified. "No, we're not. We're not being retrospective," the
/// Conservative leader said'). The antecedent is the subject of the last
/// sentence naming anyone before that token, the sentence ending there or
/// holding it. None where the description is no such subject.
pub(crate) fn subject_slot(t: &Tokenized, m: &Mention) -> Option<usize> {
    let s = t.sentences[m.sentence];
    let start = if m.first > s.first && t.word(m.first - 1) == "the" {
        m.first - 1
    } else {
        m.first
    };
    if start == s.first {
        return Some(start);
    }
    let says = start >= s.first + 2
        && is_closing_quote(t.raw(start - 1))
        && matches!(t.raw(start - 2), "," | "?" | "!")
        && m.last < s.last
        && matches!(
            t.word(m.last),
            "said" | "says" | "added" | "told" | "insisted" | "argued"
        );
    if !says {
        return None;
    }
    // (A straight quote closing it: the one before opened it.)
    (start.saturating_sub(400)..start - 1)
        .rev()
        .find(|&i| matches!(t.raw(i), "\"" | "\u{201c}"))
}

/// Whether a description's qualifiers make it a post in one body, perhaps
/// of a place ("The Reform UK leader", "the California Republican"): such a
/// description, opening its sentence, may continue the last sentence's
/// subject. (A place's post alone could be anyone's: "the Mexican
/// president" after President Trump.)
pub(crate) fn is_body_post(ents: &Entities, quals: &[usize]) -> bool {
    let bodies = quals
        .iter()
        .filter(|&&q| ents.list[q].ty == ActorType::Organization && !ents.list[q].name.is_empty())
        .count();
    bodies == 1 && quals.iter().all(|&q| ents.list[q].ty != ActorType::Person)
}

/// The indices of sentence `s`'s mentions. `find_mentions` returns them in
/// text order, each inside its sentence, so they are a run found by binary
/// search; scanning the whole list for every pronoun was quadratic.
fn sentence_mentions(mentions: &[Mention], s: usize) -> std::ops::Range<usize> {
    mentions.partition_point(|m| m.sentence < s)..mentions.partition_point(|m| m.sentence <= s)
}

/// The person a pronoun most likely means: the first person named earlier in its
/// own sentence, else the first person of the nearest earlier sentence naming one.
fn salient_person(
    t: &Tokenized,
    lex: &Lexicon,
    mentions: &[Mention],
    ents: &Entities,
    idx: usize,
    defer: bool,
) -> Option<usize> {
    let sentence = mentions[idx].sentence;
    // "she" is none of the men named, "he" none of the women.
    let sex = pronoun_sex(t.word(mentions[idx].first));
    let fits = |e: usize| sex_fits(lex, &ents.list[e], sex);
    let first_token = t.sentences[sentence].first;
    let own = sentence_mentions(mentions, sentence);
    let same_sentence = &mentions[own.clone()];
    let is_person = |m: &Mention| {
        !matches!(m.kind, MentionKind::Pronoun { .. })
            && m.entity
                .is_some_and(|e| ents.list[e].ty == ActorType::Person && fits(e))
    };
    // The nearest person before the pronoun that opens a clause: "while President
    // Donald Trump announced he had" → Trump; "Ushakov did not specify what day
    // Witkoff would arrive, nor did he say" → Ushakov.
    let opens_clause = |m: &Mention| {
        let mut i = m.first;
        while i > first_token {
            let w = t.word(i - 1);
            let in_modifier = same_sentence.iter().any(|o| o.modifier && o.first < i && i <= o.last);
            if t.is_capitalized(i - 1) || in_modifier || matches!(w, "the" | "a" | "an" | "former" | "'s") {
                i -= 1;
            } else {
                break;
            }
        }
        i == first_token || one_of(t.word(i - 1), CLAUSE_OPENERS)
    };
    let before: Vec<&Mention> = mentions[own.start..idx].iter().filter(|m| is_person(m)).collect();
    if let Some(m) = before.iter().rev().find(|m| opens_clause(m)).or(before.first()) {
        return m.entity;
    }
    // "The home secretary said ... he wanted": a description opening a
    // clause before the pronoun (or the sentence before), in a sentence that
    // opens with no quote, is who the pronoun means, bound only later. Wait
    // for it.
    let pending = |m: &Mention| {
        let s = t.sentences[m.sentence];
        matches!(m.kind, MentionKind::Description { indefinite: false, .. })
            && m.entity.is_none()
            && !m.modifier
            && (m.first <= s.first + 1 || opens_clause(m))
            && !is_opening_quote(t.raw(s.first))
    };
    if defer && mentions[own.start..idx].iter().any(pending) {
        return None;
    }
    if defer
        && sentence > 0
        && mentions[sentence_mentions(mentions, sentence - 1)]
            .iter()
            .find(|m| !m.modifier && m.entity.is_none_or(|e| ents.list[e].ty == ActorType::Person))
            .is_some_and(pending)
    {
        return None;
    }
    // "In his interview with CNN, Zarif said": a possessive before any name
    // points forward to the clause's subject.
    if mentions[idx].possessive {
        let comma = (mentions[idx].last..t.sentences[sentence].last)
            .take(10)
            .find(|&i| t.raw(i) == ",");
        if let Some(c) = comma
            && let Some(m) = mentions[idx + 1..]
                .iter()
                .find(|m| m.sentence == sentence && m.first > c && !m.modifier)
            && m.first <= c + 3
            && is_person(m)
        {
            return m.entity;
        }
    }
    let mut s = sentence;
    while s > 0 && sentence - s < 3 {
        s -= 1;
        if let Some(m) = mentions[sentence_mentions(mentions, s)]
            .iter()
            .find(|m| is_person(m) || matches!(m.kind, MentionKind::Pronoun { .. }) && m.entity.is_some_and(fits))
        {
            return m.entity;
        }
    }
    None
}

/// Words after which a new clause, and so a new subject, begins.
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", "and", "but", "while", "whilst", "when", "as", "that", "after", "before", "because", "although",
    "though", "since", "if", "\"", "\u{201c}", "(",
];

/// The person an object pronoun ("urged him") most likely means: the nearest
/// person named before it in its sentence other than the sentence's first (who
/// is usually the subject doing the urging), else the salient person.
fn object_person(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], ents: &Entities, idx: usize) -> Option<usize> {
    let sentence = mentions[idx].sentence;
    let sex = pronoun_sex(t.word(mentions[idx].first));
    let persons: Vec<usize> = mentions[sentence_mentions(mentions, sentence).start..idx]
        .iter()
        .filter(|m| !matches!(m.kind, MentionKind::Pronoun { .. }))
        .filter_map(|m| m.entity)
        .filter(|&e| ents.list[e].ty == ActorType::Person)
        .collect();
    match persons.first() {
        Some(&subject) => persons
            .iter()
            .rev()
            .copied()
            .find(|&e| e != subject && sex_fits(lex, &ents.list[e], sex)),
        None => salient_person(t, lex, mentions, ents, idx, false),
    }
}

/// The sex a single-word name's honorific ("Mrs Quinn", weight 2) or the
/// first pronoun after it in its sentence, a "he" or "she" before any other
/// name ("Trump, talking to reporters as he left", weight 1), says its
/// person is of. (Not "him": "Kelly had lied to him" is someone else.)
fn name_cue_sex(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], i: usize) -> Option<(Sex, usize)> {
    let m = &mentions[i];
    if m.last != m.first + 1 {
        return None;
    }
    if m.first > t.sentences[m.sentence].first && lex.honorific(t.raw(m.first - 1)).is_some() {
        return match t.word(m.first - 1).trim_end_matches('.') {
            "mr" | "sir" | "lord" => Some((Sex::Male, 2)),
            "mrs" | "ms" | "miss" | "lady" | "dame" | "baroness" => Some((Sex::Female, 2)),
            _ => None,
        };
    }
    mentions[i + 1..]
        .iter()
        .take_while(|n| n.sentence == m.sentence)
        .find(|n| !matches!(n.kind, MentionKind::Description { .. }))
        .filter(|n| matches!(n.kind, MentionKind::Pronoun { .. }) && matches!(t.word(n.first), "he" | "she"))
        .and_then(|n| pronoun_sex(t.word(n.first)))
        .map(|sex| (sex, 1))
}

/// Titles said before a given name alone: a monarch's, a prince's, a pope's.
const ROYAL_TITLES: &WordList = &WordList::new(&[
    "king", "queen", "prince", "princess", "pope", "emperor", "empress", "tsar", "czar", "sultan", "emir", "duke",
    "duchess",
]);

/// The sex a pronoun says its person is of.
fn pronoun_sex(word: &str) -> Option<Sex> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Sex::Male),
        "she" | "her" | "hers" | "herself" => Some(Sex::Female),
        _ => None,
    }
}

/// Whether a pronoun of this sex (none: "they", "it") may stand for `e`:
/// anyone whose name tells no sex, or tells the pronoun's.
fn sex_fits(lex: &Lexicon, e: &Entity, sex: Option<Sex>) -> bool {
    sex.is_none() || sex_of(lex, e).is_none_or(|x| Some(x) == sex)
}

/// A person's sex as their name tells it: an honorific the text gave them
/// ("Mrs Quinn", "Lord Falconer"), else their given name's (`name_sexes`).
/// None where neither says.
fn sex_of(lex: &Lexicon, e: &Entity) -> Option<Sex> {
    let honorific = e
        .aliases
        .iter()
        .chain([&e.name])
        .find_map(|a| match a.split_whitespace().next()? {
            "Mr" | "Mr." | "Sir" | "Lord" => Some(Sex::Male),
            "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Lady" | "Dame" | "Baroness" => Some(Sex::Female),
            _ => None,
        });
    honorific.or_else(|| lex.name_sex(e.name.split_whitespace().next()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{find_mentions, mention_text};

    proptest::proptest! {
        /// Words from the end, as the standard iterator gives them, for
        /// strings of ASCII and Unicode white space, letters and accents.
        #[test]
        fn words_back_are_split_whitespace_reversed(name in "[a-zA-Z\u{e9}\u{4e2d}. \t\n\r\u{b}\u{c}\u{a0}\u{2003}\u{3000}]{0,24}") {
            let ours: Vec<&str> = WordsBack(&name).collect();
            let standard: Vec<&str> = name.split_whitespace().rev().collect();
            proptest::prop_assert_eq!(ours, standard);
        }
    }

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let lex = Lexicon::builtin();
        let mut t = Tokenized::new(text);
        crate::mentions::tag_tokens(&mut t, &lex);
        let mut m = find_mentions(&t, &lex);
        let ents = resolve_names(&t, &lex, &mut m, 0);
        m.iter()
            .map(|m| (mention_text(&t, m), m.entity.map(|e| ents.list[e].name.clone())))
            .collect()
    }

    /// A name a text gives as another's nickname is the other's, there and
    /// later; a nickname one gives another is not the giver's.
    #[test]
    fn a_nickname_introduced_is_the_named_one_s() {
        let n = names(
            "Benjamin Netanyahu spoke. Netanyahu, known as 'Mr Security' and 'King Bibi' by his \
             supporters, left. Supporters of 'King Bibi' cheered. Clifford [Stephanie Clifford aka Stormy \
             Daniels] sued.",
        );
        let bibi = Some("Benjamin Netanyahu".to_string());
        assert_eq!(bound(&n, "King Bibi"), [bibi.clone(), bibi.clone()], "{n:?}");
        assert_eq!(bound(&n, "Security"), [bibi], "{n:?}");
        assert_eq!(
            bound(&n, "Stormy Daniels"),
            [Some("Stephanie Clifford".to_string())],
            "{n:?}"
        );
        let n = names(
            "Donald Trump met Joe Biden. Trump dubbed Biden 'Sleepy Joe'. Biden, nicknamed 'Amtrak Joe', laughed.",
        );
        let biden = Some("Joe Biden".to_string());
        assert_eq!(bound(&n, "Biden"), [biden.clone(), biden.clone()], "{n:?}");
        assert_eq!(bound(&n, "Amtrak Joe"), [biden], "{n:?}");
    }

    /// What each mention of `text` was bound to, in text order.
    fn bound(n: &[(String, Option<String>)], text: &str) -> Vec<Option<String>> {
        n.iter().filter(|(m, _)| m == text).map(|(_, e)| e.clone()).collect()
    }

    #[test]
    fn a_bare_surname_means_the_namesake_named_most() {
        let n = names("Donald Trump spoke. Then Donald Trump left. Melania Trump smiled. Trump waved.");
        assert_eq!(
            n.last().unwrap(),
            &("Trump".to_string(), Some("Donald Trump".to_string()))
        );
    }

    /// A bare surname that pronouns make a man is not the text's only full
    /// namesake, a woman; one pronoun after it alone does not decide.
    #[test]
    fn a_bare_surname_is_no_namesake_of_the_other_sex() {
        let n = names(
            "President Trump spoke. Trump, talking as he left, waved. Trump said he was fine. \
             First lady Melania Trump smiled.",
        );
        assert_eq!(n[0], ("Trump".to_string(), Some("Trump".to_string())), "{n:?}");
        let n = names("Mary Kelly spoke. Kelly said he lied. Kelly left.");
        assert!(
            n.iter().all(|(_, e)| e.as_deref() == Some("Mary Kelly") || e.is_none()),
            "{n:?}"
        );
        assert_eq!(n[1].1.as_deref(), Some("Mary Kelly"), "{n:?}");
    }

    /// Two full names that disagree are two people, whatever surname they
    /// share; a family name said alone after the one it opens is that one.
    #[test]
    fn full_names_that_disagree_stay_apart() {
        let n = names(
            "Kim Jong Un met Moon Jae-in. Kim's commitment was welcomed. \
             AP writers Jung-yoon Kim in Seoul and Mari Yamaguchi in Tokyo contributed.",
        );
        let of = |text: &str| n.iter().find(|(m, _)| m == text).and_then(|(_, e)| e.clone());
        assert_eq!(of("Kim").as_deref(), Some("Kim Jong Un"), "{n:?}");
        assert_eq!(of("Jung-yoon Kim").as_deref(), Some("Jung-yoon Kim"), "{n:?}");
        // A bare surname named first is the full name that comes later.
        let n = names("President Musharraf spoke. Later Gen Pervez Musharraf left.");
        let bound: Vec<_> = n.iter().filter_map(|(_, e)| e.clone()).collect();
        assert!(
            bound.iter().all(|e| e.ends_with("Musharraf")) && bound.len() >= 2,
            "{n:?}"
        );
    }

    #[test]
    fn surnames_and_honorifics_bind_to_full_names() {
        let n = names("Witkoff arrived. Steve Witkoff met Tony Blair. Mr Blair and Witkoff talked.");
        let bound: Vec<_> = n.iter().map(|(_, e)| e.clone().unwrap_or_default()).collect();
        assert_eq!(
            bound,
            vec![
                "Steve Witkoff",
                "Steve Witkoff",
                "Tony Blair",
                "Tony Blair",
                "Steve Witkoff"
            ]
        );
    }

    #[test]
    fn middle_names_are_the_same_person() {
        assert!(same_person("Donald Trump", "Donald J. Trump"));
        assert!(!same_person("Hunter Biden", "Joe Biden"));
        assert!(!same_person("Donald Trump", "Donald Trump Jr."));
        assert!(same_person("Donald Trump Jr.", "Donald J. Trump Jr."));
    }

    /// A single name that an administration, a campaign or an era is named
    /// after is a person's; without that it stays unbound.
    #[test]
    fn an_administrations_namesake_is_a_person() {
        let n = names("The Trump administration declined. Officials advised Trump to go.");
        assert_eq!(
            n.last().unwrap(),
            &("Trump".to_string(), Some("Trump".to_string())),
            "{n:?}"
        );
        let n = names("Officials advised Trump to go.");
        assert_eq!(n.last().unwrap(), &("Trump".to_string(), None), "{n:?}");
    }

    /// A given name after a title is someone named so, not the text's
    /// full name that it opens; after "Sir" it may be.
    #[test]
    fn a_titled_given_name_is_no_one_else() {
        let n = names("Michael Ancram spoke. Later ex-King Michael of Romania left.");
        assert_ne!(n[1].1.as_deref(), Some("Michael Ancram"), "{n:?}");
        let n = names("Edward Heath spoke. Later Sir Edward left.");
        assert_eq!(n[1].1.as_deref(), Some("Edward Heath"), "{n:?}");
    }

    #[test]
    fn unknown_single_words_stay_unbound_unless_placed() {
        let n = names("Apparently nothing happened. Talks went on in Westeros.");
        assert_eq!(
            n,
            vec![
                ("Apparently".to_string(), None),
                ("Talks".to_string(), None),
                ("Westeros".to_string(), Some("Westeros".to_string()))
            ]
        );
    }

    #[test]
    fn a_gazetteer_place_typed_by_a_given_name_is_the_place() {
        let lex = Lexicon::builtin();
        let text = "Des Moines voters met Donald Trump. Mayor Des Moines spoke.";
        let mut t = Tokenized::new(text);
        crate::mentions::tag_tokens(&mut t, &lex);
        let mut m = find_mentions(&t, &lex);
        let ents = resolve_names(&t, &lex, &mut m, 0);
        let ty = |name: &str| ents.list.iter().find(|e| e.name == name).map(|e| e.ty);
        assert_eq!(ty("Des Moines"), Some(ActorType::Place));
        assert_eq!(ty("Donald Trump"), Some(ActorType::Person));
    }
}
