//! Mentions: the places in a document where an actor is named or referred to.
//!
//! Three sources, in this order: the lexicon automaton (known countries,
//! organizations, demonyms, capitals), capitalised name spans cut at titles and
//! honorifics ("U.S. President | Donald Trump"), and references that resolution
//! will bind later (pronouns, and descriptions such as "the Kremlin leader" or
//! "an aide to Putin"). Mentions that only qualify what follows them ("Russian"
//! in "Russian President", "Trump's" in "Trump's envoy") are marked as modifiers:
//! they feed affiliations but are never a verb's subject or object.

use crate::lexicon::{Entry, Lexicon, SurfaceKind};
use crate::model::{ActorType, Relation};
use crate::text::{TokenKind, Tokenized, WordList, is_closing_quote, is_opening_quote, one_of, same_word};

/// What a mention is.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// A surface form of a lexicon entry.
    Known {
        /// The lexicon entry.
        entry: usize,
        /// How the surface refers to it.
        surface: SurfaceKind,
    },
    /// A capitalised name not in the lexicon. `ty` is `None` where nothing in the
    /// text says what it names yet (a bare surname, say).
    Name {
        /// The type, where the name itself or its context tells.
        ty: Option<ActorType>,
    },
    /// he, him, his, she, her.
    Pronoun {
        /// "his", "her" before a noun.
        possessive: bool,
    },
    /// A title standing for a person: "the U.S. envoy", "an aide to Putin".
    Description {
        /// The title's relation.
        relation: Relation,
        /// Index of the title's last token (its head word).
        head: usize,
        /// "a"/"an": the person is usually named in a following sentence.
        indefinite: bool,
    },
    /// "the party", "the newspaper": the last organization of that kind.
    OrgDescription {
        /// The lexicon kind it stands for (party, media, government).
        kind: &'static str,
    },
}

/// One mention.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token (a possessive 's is not included).
    pub last: usize,
    /// Sentence index.
    pub sentence: usize,
    /// What it is.
    pub kind: MentionKind,
    /// Followed by 's.
    pub possessive: bool,
    /// Qualifies what follows; never a verb's argument.
    pub modifier: bool,
    /// Set by the mention finder where a title, honorific or speech verb marks a person.
    pub person_cue: bool,
    /// Set where the name follows "in": a place, unless it turns out to be a known person.
    pub place_cue: bool,
    /// Set where a one-word name is what a title is of ("a spokesman for
    /// Crossrail"): a body, unless it turns out to be a known person's surname.
    pub body_cue: bool,
    /// The document entity it refers to, once resolved.
    pub entity: Option<usize>,
}

const CONNECTORS: &[&str] = &[
    "of", "de", "van", "von", "der", "den", "bin", "al", "el", "ibn", "bint", "la", "le", "du", "da", "dos", "del",
];
/// Words of direction that stand between "in" and a place ("in south east
/// London"); before a capital, they make it the city.
pub(crate) const COMPASS: &WordList = &WordList::new(&[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "rural",
    "downtown",
]);

const DETERMINERS: &WordList = &WordList::new(&["the", "a", "an", "this", "that", "its", "their", "his", "her"]);
/// Words after which a capital is the city, not its government.
const LOCATIVES: &[&str] = &[
    "in", "at", "to", "into", "near", "outside", "inside", "around", "toward", "towards", "via", "visit", "visits",
    "visited", "visiting", "toured", "tour", "reached",
];
/// Words of leaving or coming back: a capital after them (or after them and
/// "for"/"from") is the city someone was in, not its government.
const DEPARTURES: &[&str] = &[
    "left",
    "leave",
    "leaves",
    "leaving",
    "departed",
    "departs",
    "departing",
    "bound",
    "headed",
    "heads",
    "heading",
    "returned",
    "returning",
    "returns",
    "back",
    "flew",
    "flying",
    "travelled",
    "traveled",
    "travelling",
    "traveling",
    "arrived",
    "arriving",
    "arrives",
    "fled",
    "fleeing",
];
const ORG_DESCRIPTIONS: &[(&str, &str)] = &[
    ("party", "party"),
    ("newspaper", "media"),
    ("paper", "media"),
    ("broadcaster", "media"),
    ("network", "media"),
    ("ministry", "government"),
    ("country", "country"),
    ("nation", "country"),
    ("kingdom", "country"),
    // A kind no list holds names the last body named with that head word:
    // "the agency's former chief executive" after "the Child Support Agency".
    ("agency", "@Agency"),
    ("committee", "@Committee"),
    ("commission", "@Commission"),
    ("department", "@Department"),
    ("foundation", "@Foundation"),
    ("institute", "@Institute"),
];

/// Whether a title whose last word is `last_word` is plural ("ministers",
/// but not "boss" or "nuncius").
fn is_plural_title(last_word: &str) -> bool {
    last_word.ends_with('s') && !last_word.ends_with("ss") && !last_word.ends_with("us")
}

/// "the Trump administration", "the Biden campaign": a person's name before
/// these words names an organization of its own (GUIDELINES), not the person.
fn administrations(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    let n = t.tokens().len();
    for m in mentions.iter_mut() {
        if matches!(
            m.kind,
            MentionKind::Name {
                ty: None | Some(ActorType::Person)
            }
        ) && m.last < n
            && t.sentence_of(m.last) == m.sentence
            && !t.is_capitalized(m.last)
            && matches!(t.raw(m.last), "administration" | "campaign")
        {
            m.last += 1;
            // "Former Trump campaign chairman": an opening modifier is no part of it.
            while m.first + 2 < m.last && lex.title_modifier(t.word(m.first)).is_some() {
                m.first += 1;
            }
            m.kind = MentionKind::Name {
                ty: Some(ActorType::Organization),
            };
            m.person_cue = false;
        }
    }
}

/// "Fox News' Rich Edson, John Roberts and Lucia Suarez": an untyped name of
/// two words or more in a list with a person's name is a person's.
fn list_persons(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    let joined = |a: &Mention, b: &Mention| {
        a.sentence == b.sentence
            && b.first > a.last
            && b.first - a.last <= 2
            && (a.last..b.first).all(|j| matches!(t.raw(j), "," | "and"))
    };
    let person = |m: &Mention| {
        matches!(
            m.kind,
            MentionKind::Name {
                ty: Some(ActorType::Person)
            }
        )
    };
    // Not "Randy Guiler, Dollar Tree's vice president": a possessive is
    // an apposition's, and a name opening with an English word no given
    // name is a body's.
    // (Two words, not a hyphened one: "said Tai Hui, Asia-Pacific chief
    // market strategist".)
    let untyped = |m: &Mention| {
        matches!(m.kind, MentionKind::Name { ty: None })
            && m.last - m.first >= 2
            && !(m.last == m.first + 3 && t.raw(m.first + 1) == "-")
    };
    // Nor "Franco Sagliocca, Mount Sinai procurement director", "Matt
    // Barreto, Latino Decisions co-founder": a name before a lower-case
    // title is the employer an apposition gives; nor "Eddie Jones, Shelby
    // County Commissioner": a post's name, with a head or a title in it.
    let fits = |m: &Mention| {
        let end = t.sentences[m.sentence].last;
        !(m.last < t.tokens().len() && t.is_possessive_mark(m.last))
            && (lex.is_given_name(t.raw(m.first)) || !lex.is_common_word(t.word(m.first)))
            && !(m.last < end && !t.is_capitalized(m.last) && title_here(t, lex, m.last, end).is_some())
            && !(m.first + 1..m.last).any(|j| lex.name_head(t.raw(j)).is_some() || is_title_word(t, lex, j))
            && !opens_place_name(t.raw(m.first))
    };
    // Two passes carry a person along a list of three.
    for _ in 0..2 {
        for i in 0..mentions.len() {
            if !untyped(&mentions[i]) {
                continue;
            }
            let before = i > 0 && person(&mentions[i - 1]) && joined(&mentions[i - 1], &mentions[i]);
            let after = i + 1 < mentions.len() && person(&mentions[i + 1]) && joined(&mentions[i], &mentions[i + 1]);
            if (before || after) && fits(&mentions[i]) {
                mentions[i].kind = MentionKind::Name {
                    ty: Some(ActorType::Person),
                };
            }
        }
    }
}

/// Untyped names the context shows to be bodies:
/// - after a kind of body ("telecom giant Huawei", [`BODY_NOUNS`]);
/// - after a title and "for", "of", "at" or "with" ("a spokesman for
///   Crossrail"), or after a person's name and ", from" ("Jim Parton, from
///   Families Need Fathers"): one word only gets a [`Mention::body_cue`],
///   since it may be a surname ("a spokesman for Pelosi");
/// - before a title or its possessive, two words or more with an English
///   word among them ("Dollar Tree CEO Gary Philbin", "Planned
///   Parenthood's acting president").
fn title_bodies(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        // "Jim Parton, from Families Need Fathers": where a person is from,
        // set off after the name, is the body they speak for (GUIDELINES).
        let person_before = |k: usize| {
            i > 0 && {
                let p = &mentions[i - 1];
                p.last == k
                    && matches!(
                        p.kind,
                        MentionKind::Name {
                            ty: Some(ActorType::Person)
                        }
                    )
            }
        };
        let from_after_person = {
            let m = &mentions[i];
            m.first >= 3 && t.word(m.first - 1) == "from" && t.word(m.first - 2) == "," && person_before(m.first - 2)
        };
        let m = &mut mentions[i];
        let s = &t.sentences[m.sentence];
        // "chief economist at Freddie Mac", "the CEO of Axel Springer", "the
        // firm Thompson Hine": two words or more that are a person's only by
        // their look (a given name first, no title or speech verb for
        // them) are the body a post is at, or a head's body, or what a kind
        // of body names. (Not after "for" or "with": "a spokesman for Joe
        // Biden", "a lawyer with Rudy Giuliani" name people.)
        if person_by_look(m) && !(m.possessive || m.last < s.last && t.is_possessive_mark(m.last)) {
            let mut k = m.first;
            if k > s.first && t.word(k - 1) == "the" {
                k -= 1;
            }
            let title_before = |k: usize| {
                lex.title_at(&[t.word(k)])
                    .filter(|_| t.tags[k] & TITLE_START != 0)
                    .map(|(title, _)| title.relation)
            };
            let post_at = k >= s.first + 2
                && match t.word(k - 1) {
                    "at" => title_before(k - 2).is_some(),
                    "of" => title_before(k - 2) == Some(Relation::Leads),
                    _ => false,
                };
            // (Said in lower case: not "the European Union Gordon Sondland";
            // nor a word for a person too: "broadcaster Nicholas Fuentes",
            // "civil rights giant John Lewis".)
            let after_kind = m.first > s.first
                && !t.is_capitalized(m.first - 1)
                && one_of(t.word(m.first - 1), BODY_NOUNS)
                && !matches!(
                    t.word(m.first - 1),
                    "giant" | "broadcaster" | "watchdog" | "regulator" | "lobby" | "union"
                );
            // "Stanford Law professor Pamela Karlan": ending in an English
            // word, before a lower-case title, the body the title is at.
            // "Red Sox chair Tom Werner", "Rosemont Seneca chairman Hunter
            // Biden": before a head's lower-case title and a person's name,
            // the body headed.
            // "a former Morgan Stanley executive", "Grant Thornton economist
            // Diane Swonk": a post only a body gives ("Trump adviser X"
            // names a person).
            // (Capitalised before a person's name too: "Stanford Law
            // Professor Pamela Karlan".)
            let title_after = m.last < s.last
                && (!t.is_capitalized(m.last) || m.last + 1 < s.last && lex.is_given_name(t.raw(m.last + 1)))
                && is_title_word(t, lex, m.last)
                && (lex.is_common_word(t.word(m.last - 1)) && !lex.is_given_name(t.raw(m.last - 1))
                    || one_of(t.word(m.last), STAFF_TITLES)
                    || head_title_before_person(t, lex, m.last, s.last));
            if post_at || after_kind || title_after {
                m.kind = MentionKind::Name {
                    ty: Some(ActorType::Organization),
                };
            }
            // "the Austin American-Statesman", "the Reagan Democrats", "the
            // Ingraham Angle": a bare "the" before a name that ends its noun
            // phrase names no person (one's name takes no article; "the
            // Bill Clinton years" is Clinton's, "the late John McCain" has
            // its word between).
            else if m.first > s.first
                && t.word(m.first - 1) == "the"
                && (m.last >= s.last
                    || t.tokens()[m.last].kind != TokenKind::Word
                    // (Not "the Felix Frankfurter Professor", a chair; nor
                    // "the George W. Bush and Barack Obama administrations".)
                    || t.is_capitalized(m.last) && !is_title_word(t, lex, m.last)
                    || one_of(t.word(m.last), FUNCTION_WORDS) && !matches!(t.word(m.last), "and" | "or")
                    || matches!(t.word(m.last), "is" | "was" | "has" | "had" | "said" | "says" | "who" | "that"))
            {
                // (A body's, as "the Washington Post" is; unless a group of
                // people: "the Reagan Democrats".)
                let plural = t.raw(m.last - 1).ends_with('s');
                m.kind = MentionKind::Name {
                    ty: (!plural).then_some(ActorType::Organization),
                };
            }
            continue;
        }
        // "its U.S. partner Rosemont Seneca chairman Hunter Biden": a name
        // opening with no given name, between a post and a head's post and a
        // person's name, is the body headed (the post before gave it a
        // person's cue).
        if matches!(
            m.kind,
            MentionKind::Name {
                ty: Some(ActorType::Person)
            }
        ) && m.last - m.first >= 2
            && !lex.is_given_name(t.raw(m.first))
            && m.first > s.first
            && is_title_word(t, lex, m.first - 1)
            && m.last + 1 < s.last
            && !t.is_capitalized(m.last)
            && head_title_before_person(t, lex, m.last, s.last)
        {
            m.kind = MentionKind::Name {
                ty: Some(ActorType::Organization),
            };
            continue;
        }
        if !matches!(m.kind, MentionKind::Name { ty: None }) {
            continue;
        }
        // "a spokesman for Crossrail", "campaigns director at Greenpeace": an
        // untyped name a title is of.
        let mut k = m.first;
        if k > s.first && t.word(k - 1) == "the" {
            k -= 1;
        }
        let after_title = k >= s.first + 2
            && matches!(t.word(k - 1), "for" | "of" | "at" | "with")
            && (is_title_word(t, lex, k - 2) || t.word(k - 1) == "at" && portfolio_before(t, lex, s.first, k - 1));
        // "telecom giant Huawei", "the energy company Burisma", "think tank
        // Third Way": a kind of body names the body after it.
        // ("IT giant EDS": an acronym is no English word.)
        // (A single English word, only inside a sentence set in sentence
        // case and where the name ends: "the public services union Unison",
        // "the charity Protect"; not "the group Democracy for America", "Fix
        // the Court", "Define American", whose names go on.)
        let name_ends = |j: usize| {
            j >= s.last
                || !t.is_capitalized(j)
                    && !matches!(t.word(j), "for" | "to" | "the" | "of" | "and" | "&")
                    && t.tokens()[j].kind == TokenKind::Word
                || matches!(t.raw(j), "," | "." | ")" | ";" | ":" | "'s" | "\u{2019}s")
        };
        let after_kind = m.first > s.first
            && one_of(t.word(m.first - 1), BODY_NOUNS)
            && !(m.last - m.first == 1
                && lex.is_common_word(t.word(m.first))
                && !is_acronym(t.raw(m.first))
                && (t.is_capitalized(m.first - 1) || t.headline_case(m.sentence) || !name_ends(m.last)));
        if after_kind {
            m.kind = MentionKind::Name {
                ty: Some(ActorType::Organization),
            };
            continue;
        }
        // "Humberside chief David Westwood": an untyped name before a title
        // and a person's name is what the title is of.
        let before_title = m.last + 1 < s.last
            && !m.possessive
            // (Heads only: "Maduro ally X", "Trump aide X" name a person.)
            && head_title_before_person(t, lex, m.last, s.last);
        if after_title || from_after_person || before_title {
            // One word may be a person's surname ("a spokesman for Pelosi"):
            // resolution decides.
            if m.last - m.first == 1 {
                m.body_cue = true;
            } else {
                m.kind = MentionKind::Name {
                    ty: Some(ActorType::Organization),
                };
            }
            continue;
        }
        if m.last - m.first < 2 {
            continue;
        }
        let end = s.last;
        let mut k = m.last;
        if k < end && t.is_possessive_mark(k) {
            k += 1;
        }
        // No title's word in the name ("Shadow Constitutional Affairs
        // Secretary", "Acting Homeland Security Secretary" are titles whole;
        // it costs "Media Matters founder X", "media" being a portfolio).
        if k < end
            && t.tags[k] & TITLE_START != 0
            && !(m.first..m.last).any(|j| t.tags[j] & (TITLE_MODIFIER | TITLE_START) != 0)
            && title_here(t, lex, k, end).is_some()
            && (m.first..m.last).any(|j| lex.is_common_word(t.word(j)))
        {
            m.kind = MentionKind::Name {
                ty: Some(ActorType::Organization),
            };
        }
    }
}

/// Whether a name of two words or more is a person's only by its look (a
/// given name first; no title, honorific or speech verb said it).
fn person_by_look(m: &Mention) -> bool {
    matches!(
        m.kind,
        MentionKind::Name {
            ty: Some(ActorType::Person)
        }
    ) && !m.person_cue
        && m.last - m.first >= 2
}

/// "Alan Dershowitz is the Felix Frankfurter Professor of Law", "the Sid
/// Richardson Professor at the LBJ School", "Robert C. Packard trustee
/// chair in law": a chair endowed in someone's name is a post, not an
/// employer, nor its namesake an actor of the text. A name a person's only
/// by its look, right before "professor" or "chair" that a field or an
/// institution follows, is dropped ("the Yale Law professor who" keeps
/// its body).
fn named_chairs(t: &Tokenized, mentions: &mut Vec<Mention>) {
    let n = t.tokens().len();
    mentions.retain(|m| {
        let looks_personal = person_by_look(m) && !m.possessive;
        if !looks_personal || m.last + 1 >= n || t.sentence_of(m.last + 1) != m.sentence {
            return true;
        }
        let mut k = m.last;
        if t.word(k) == "trustee" {
            k += 1;
        }
        let chair = matches!(t.word(k), "professor" | "chair" | "professorship");
        !(chair && matches!(t.word(k + 1), "of" | "at" | "in" | ","))
    });
}

/// "The California Republican said", "a Democrat who", "the Tory
/// insisted": a party's name for one member, after an article and
/// perhaps a place, said of no noun after it, is a person: a description
/// whose post is membership of the party (resolved like "the Labour MP").
/// The party's own mention stays, as the description's qualifier.
fn party_members(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let MentionKind::Known { entry, .. } = m.kind else {
            continue;
        };
        let word = t.raw(m.first);
        // (One word for one member: not "Republicans", "Democratic", "Labour
        // Party", "the GOP".)
        if m.last != m.first + 1
            || m.possessive
            || lex.entry(entry).kind != "party"
            || word.ends_with('s')
            || word.ends_with("ic")
            || word.chars().filter(|c| c.is_uppercase()).count() > 1
        {
            continue;
        }
        let s = &t.sentences[m.sentence];
        // Said of no noun: the sentence or clause ends, or a verb follows.
        let ends = m.last >= s.last || {
            let next = t.raw(m.last);
            !(next.starts_with(|c: char| c.is_alphanumeric())
                || t.is_possessive_mark(m.last)
                || matches!(t.word(m.last), "-" | "&"))
                || matches!(
                    t.word(m.last),
                    "who" | "has" | "had" | "is" | "was" | "will" | "would" | "could" | "also"
                )
                || (!t.is_capitalized(m.last)
                    && t.tags[m.last] & TRIGGER_START != 0
                    && title_here(t, lex, m.last, s.last).is_none())
        };
        if !ends {
            continue;
        }
        // Back over a place ("The California Republican") and modifiers
        // ("a moderate", "the veteran") to an article.
        let mut start = m.first;
        let mut j = i;
        while start > s.first {
            let p = start - 1;
            if j > 0 && mentions[j - 1].last == start && known_place(lex, &mentions[j - 1]).is_some() {
                j -= 1;
                start = mentions[j].first;
            } else if lex.title_modifier(t.word(p)).is_some() {
                start = p;
            } else {
                break;
            }
        }
        if start == s.first || !matches!(t.word(start - 1), "the" | "a" | "an") {
            continue;
        }
        // "a Democrat" only set off after a name ("Adam Schiff, a California
        // Democrat,"): "vote for a Democrat", "to become a Republican" say
        // of no one in particular.
        let indefinite = t.word(start - 1) != "the";
        if indefinite
            && !(start >= s.first + 3
                && t.raw(start - 2) == ","
                && mentions[..j]
                    .iter()
                    .rev()
                    .find(|p| p.last <= start - 2)
                    .is_some_and(|p| p.last == start - 2 && matches!(p.kind, MentionKind::Name { .. })))
        {
            continue;
        }
        found.push(added_mention(
            start - 1,
            m.last,
            m.sentence,
            MentionKind::Description {
                relation: Relation::MemberOf,
                head: m.first,
                indefinite,
            },
        ));
    }
    if found.is_empty() {
        return;
    }
    for d in &found {
        for m in mentions.iter_mut().filter(|m| m.first >= d.first && m.last <= d.last) {
            m.modifier = true;
        }
    }
    add_sorted(mentions, found);
}

/// Finds every mention in the document, sorted by position.
pub fn find_mentions(t: &Tokenized, lex: &Lexicon) -> Vec<Mention> {
    debug_assert!(t.tags.iter().all(|&x| x & TAGGED != 0), "call tag_tokens first");
    let n = t.tokens().len();
    let mut mentions = known_mentions(t, lex);
    // "Dr Fox's view", "Mr Ford said": after a person's honorific, a body's
    // one-word name is a surname.
    // "Jerrold Nadler, D-N.Y.": a party code's state is no place anyone is
    // in (relations read the code).
    mentions.retain(|m| {
        !(m.last == m.first + 1
            && m.first > 0
            && lex.honorific(t.raw(m.first - 1)).is_some()
            && matches!(m.kind, MentionKind::Known { entry, .. } if lex.entry(entry).actor_type != ActorType::Place))
            && !(m.first >= 2
                && t.raw(m.first - 1) == "-"
                && t.glued(m.first - 2)
                && t.glued(m.first - 1)
                && matches!(t.raw(m.first - 2), "D" | "R" | "I"))
    });
    let mut covered = vec![false; n];
    for m in &mentions {
        covered[m.first..m.last].iter_mut().for_each(|c| *c = true);
    }
    name_mentions(t, lex, &mut mentions, &mut covered);
    // "Cedars-Sinai Healight", "D-Calif.": no name starts inside a hyphened
    // one whose first part was left out (not after "Ex-", "Anti-",
    // "Then-"); a body's stays, and takes that part in where no mention
    // has it ("Mexican-American Legal Defense Fund").
    let inside_hyphened = |m: &Mention| {
        let i = m.first;
        matches!(m.kind, MentionKind::Name { .. })
            && i >= 2
            && t.raw(i - 1) == "-"
            && t.glued(i - 2)
            && t.glued(i - 1)
            && t.is_capitalized(i - 2)
            && t.sentence_of(i - 2) == m.sentence
            && t.tokens()[i - 2].kind == TokenKind::Word
            && !matches!(
                t.word(i - 2),
                "ex" | "anti" | "pro" | "non" | "post" | "pre" | "neo" | "mid" | "then" | "now"
            )
    };
    for m in mentions.iter_mut() {
        if matches!(
            m.kind,
            MentionKind::Name {
                ty: Some(ActorType::Organization)
            }
        ) && inside_hyphened(m)
            && !covered[m.first - 2]
        {
            m.first -= 2;
        }
    }
    mentions.retain(|m| {
        !inside_hyphened(m)
            || matches!(
                m.kind,
                MentionKind::Name {
                    ty: Some(ActorType::Organization)
                }
            )
    });
    reference_mentions(t, lex, &mut mentions, &covered);
    mentions.sort_by_key(|m| (m.first, m.last));
    joined_bodies(t, &mut mentions);
    ampersand_firms(t, lex, &mut mentions);
    qualified_bodies(t, lex, &mut mentions);
    bodies_for_places(t, lex, &mut mentions);
    lowercase_committees(t, &mut mentions);
    local_councils(t, lex, &mut mentions);
    named_groups(t, &mut mentions);
    named_sites(t, &mut mentions);
    stock_tickers(t, &mut mentions);
    hyphened_pairs(t, lex, &mut mentions);
    administrations(t, lex, &mut mentions);
    list_persons(t, lex, &mut mentions);
    title_bodies(t, lex, &mut mentions);
    named_chairs(t, &mut mentions);
    appositive_kinds(t, lex, &mut mentions);
    party_members(t, lex, &mut mentions);
    // (After the lists' people: "Fox News' Rich Edson, John Roberts and…".)
    programmes(t, lex, &mut mentions);
    mark_modifiers(t, lex, &mut mentions);
    contained_places(t, lex, &mut mentions);
    // Later stages find a sentence's mentions by binary search.
    debug_assert!(
        mentions.iter().all(|m| m.first < m.last
            && t.sentence_of(m.first) == m.sentence
            && t.sentence_of(m.last - 1) == m.sentence),
        "a mention outside its sentence"
    );
    mentions
}

/// The lexicon's entry of a known place's mention ("Japan", "N.H."), if
/// it is one.
fn known_place<'l>(lex: &'l Lexicon, m: &Mention) -> Option<&'l Entry> {
    match m.kind {
        MentionKind::Known { entry, .. } => Some(lex.entry(entry)).filter(|x| x.actor_type == ActorType::Place),
        _ => None,
    }
}

/// "Annapolis, Md.", "Biarritz, France": a place set after another place
/// and a comma, holding it, only says where the first one is: it qualifies
/// it, never an argument of its own ("the mayor of South Bend, Ind., called
/// the attack"). A visit to the first is one to it too (`relations` reads
/// it so). Not before a capitalised word: "In Washington, U.S. President
/// Donald Trump said" gives the title its country.
fn contained_places(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    // "WEST PALM BEACH, Fla. –": a state's abbreviation after a comma and a
    // capitalised word no mention covers (a dateline's city) is where too.
    for m in mentions.iter_mut() {
        if m.first >= 2
            && t.raw(m.first - 1) == ","
            && t.is_capitalized(m.first - 2)
            && t.raw(m.last - 1).ends_with('.')
            && known_place(lex, m).is_some_and(|x| x.kind != "country")
        {
            m.modifier = true;
        }
    }
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let earlier_end = if i >= 2 { before[i - 2].last } else { 0 };
        let (p, m) = (&mut before[i - 1], &mut rest[0]);
        let end = t.sentences[m.sentence].last;
        if holds_place(t, lex, p, m) && (m.last >= end || !t.is_capitalized(m.last)) {
            m.modifier = true;
            // "Rochester, N.H.": a name no lexicon knows is a place there,
            // with the compass word it opens with ("South Bend, Ind.").
            if matches!(p.kind, MentionKind::Name { ty: None }) {
                p.place_cue = true;
                if p.first > t.sentences[p.sentence].first
                    && earlier_end < p.first
                    && t.is_capitalized(p.first - 1)
                    && one_of(t.word(p.first - 1), COMPASS)
                {
                    p.first -= 1;
                }
            }
        }
    }
}

/// Whether place mention `m` follows mention `p` and a comma as the place
/// `p` is in: its country ("Osaka, Japan"), a place of its country that is
/// none ("Louisville, Kentucky"), or, after a name no lexicon knows, a
/// state's abbreviation ("Rochester, N.H.").
pub(crate) fn holds_place(t: &Tokenized, lex: &Lexicon, p: &Mention, m: &Mention) -> bool {
    if m.possessive || p.last + 1 != m.first || t.raw(p.last) != "," || p.sentence != m.sentence {
        return false;
    }
    let Some(region) = known_place(lex, m) else {
        return false;
    };
    match known_place(lex, p) {
        Some(city) => {
            city.kind != "country"
                && city.country.is_some()
                && (city.country.as_deref() == Some(region.name.as_str())
                    || region.kind != "country" && city.name != region.name && city.country == region.country)
        }
        None => {
            matches!(p.kind, MentionKind::Name { .. })
                && t.raw(m.last - 1).ends_with('.')
                && region.kind != "country"
                && region.country.is_some()
        }
    }
}

/// Whether a city (a known place no country, named as itself) is listed
/// right before token `k`: after "and", "or" or a comma, itself or a
/// country set after it ("Osaka, Japan, and").
fn city_listed_before(t: &Tokenized, lex: &Lexicon, found: &[Mention], k: usize) -> bool {
    let first = t.sentences[t.sentence_of(k)].first;
    let mut j = k;
    while j > first && matches!(t.word(j - 1), "and" | "or" | ",") {
        j -= 1;
    }
    if j == k {
        return false;
    }
    // (Named as itself: a capital standing for its country is no city.)
    let place = |m: &Mention| {
        known_place(lex, m).filter(|_| {
            matches!(
                m.kind,
                MentionKind::Known {
                    surface: SurfaceKind::Name,
                    ..
                }
            )
        })
    };
    let mut recent = found.iter().rev().take_while(|m| m.first >= first).take(2);
    match recent.next() {
        Some(m) if m.last == j => match place(m) {
            Some(x) if x.kind != "country" => true,
            // (The country after a city: "Osaka, Japan".)
            Some(_) => {
                m.first >= 1
                    && t.raw(m.first - 1) == ","
                    && recent
                        .next()
                        .is_some_and(|c| c.last + 1 == m.first && place(c).is_some_and(|x| x.kind != "country"))
            }
            None => false,
        },
        _ => false,
    }
}

/// "the Gorbunov Aviation factory", "the Natanz plant": a name (no person's,
/// no place's) before a lower-case kind of site, after "the", names the
/// site, a place one can visit.
fn named_sites(t: &Tokenized, mentions: &mut [Mention]) {
    const SITES: &WordList = &WordList::new(&[
        "factory",
        "plant",
        "refinery",
        "shipyard",
        "mine",
        "facility",
        "complex",
        "compound",
        "airbase",
        "prison",
        "neighborhood",
        "neighbourhood",
        "district",
        "temple",
        "mosque",
    ]);
    // (After "the" only.)
    name_kind_nouns(t, mentions, ActorType::Place, |w| one_of(w, SITES).then_some(true));
}

/// "the Trump-Kim summit", "Johnson-Sunak talks": two names a hyphen joins
/// before a meeting's noun are the two who meet, each a name of its own.
fn hyphened_pairs(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let n = t.tokens().len();
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let (a, b) = (m.first, m.first + 2);
        if matches!(m.kind, MentionKind::Name { ty: None })
            && m.last == m.first + 3
            && t.raw(a + 1) == "-"
            && t.glued(a)
            && t.glued(a + 1)
            && m.last < n
            && matches!(
                t.word(m.last),
                "summit" | "summits" | "talks" | "meeting" | "meetings" | "call" | "relationship" | "negotiations"
            )
            && [a, b]
                .iter()
                .all(|&j| t.is_capitalized(j) && !lex.is_common_word(t.word(j)))
        {
            let sentence = m.sentence;
            let name = |j: usize| Mention {
                modifier: true,
                ..added_mention(j, j + 1, sentence, MentionKind::Name { ty: None })
            };
            mentions.splice(i..=i, [name(a), name(b)]);
            i += 2;
            continue;
        }
        i += 1;
    }
}

/// "Airbus (AIR.PA)", "Boeing Co (BA.N)", "Tesla (NASDAQ: TSLA)": a stock
/// ticker in brackets after a name makes the name a company's, and is no
/// actor itself (not "BA", nor "PA" the news agency).
fn stock_tickers(t: &Tokenized, mentions: &mut Vec<Mention>) {
    let n = t.tokens().len();
    let caps = |j: usize, max: usize| {
        let r = t.raw(j);
        (1..=max).contains(&r.len())
            && r.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && r.chars().next().is_some_and(|c| c.is_ascii_uppercase())
    };
    let ticker = |k: usize| {
        k + 4 < n
            && t.raw(k) == "("
            && t.raw(k + 4) == ")"
            && (t.raw(k + 2) == "." && caps(k + 1, 6) && caps(k + 3, 2)
                || t.raw(k + 2) == ":"
                    && matches!(t.raw(k + 1), "NYSE" | "NASDAQ" | "Nasdaq" | "LSE" | "TSX" | "AMEX")
                    && caps(k + 3, 6))
    };
    let mut found = false;
    for m in mentions.iter_mut() {
        if m.last < n && ticker(m.last) {
            found = true;
            if matches!(m.kind, MentionKind::Name { .. }) {
                m.kind = MentionKind::Name {
                    ty: Some(ActorType::Organization),
                };
            }
        }
    }
    if found {
        mentions.retain(|m| !(m.first >= 1 && (ticker(m.first - 1) || m.first >= 3 && ticker(m.first - 3))));
    }
}

/// A body's name found by one of the passes below, at tokens `first..last`.
fn body_mention(first: usize, last: usize, sentence: usize) -> Mention {
    added_mention(
        first,
        last,
        sentence,
        MentionKind::Name {
            ty: Some(ActorType::Organization),
        },
    )
}

/// A mention a pass adds, of this kind, with no flag set and no entity yet.
fn added_mention(first: usize, last: usize, sentence: usize, kind: MentionKind) -> Mention {
    Mention {
        first,
        last,
        sentence,
        kind,
        possessive: false,
        modifier: false,
        person_cue: false,
        place_cue: false,
        body_cue: false,
        entity: None,
    }
}

/// Adds a pass's new mentions, keeping the list in text order.
fn add_sorted(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.first, m.last));
    }
}

/// "National Institute of Allergy and Infectious Diseases", "Department of
/// Health and Human Services", "Center on Budget and Policy Priorities": a
/// body's name of the form "X of Y" (or "for", "on") goes on
/// past "and" with capitalised words no list knows. (Not "Ministry of
/// Defence and Foreign Office", where a known body follows.)
fn joined_bodies(t: &Tokenized, mentions: &mut Vec<Mention>) {
    merge_next(mentions, |a, b| {
        matches!(
            a.kind,
            MentionKind::Name {
                ty: Some(ActorType::Organization)
            }
        ) && (a.first + 1..a.last).any(|j| matches!(t.word(j), "of" | "for" | "on"))
            && a.last + 1 == b.first
            && t.word(a.last) == "and"
            && b.sentence == a.sentence
            && matches!(
                b.kind,
                MentionKind::Name {
                    ty: None | Some(ActorType::Organization)
                }
            )
            && (b.first..b.last).all(|j| t.is_capitalized(j) || t.word(j) == "of")
    });
}

/// "the Parliamentary Labour Party", "the Official Unionist Party": a
/// capitalised English word right before a party's or a body's known name,
/// inside a sentence, names a body of its own (the known body is no
/// mention then).
fn qualified_bodies(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let joins = |a: &Mention, b: &Mention| {
        matches!(a.kind, MentionKind::Name { ty: None })
            && a.last == a.first + 1
            && a.last == b.first
            && a.sentence == b.sentence
            && a.first > t.sentences[a.sentence].first
            && t.tokens()[b.first].space_before
            && lex.is_common_word(t.word(a.first))
            && !lex.is_given_name(t.raw(a.first))
            && matches!(b.kind, MentionKind::Known { entry, .. } if {
                let x = lex.entry(entry);
                x.actor_type == ActorType::Organization && matches!(x.kind.as_str(), "party" | "legislature")
            })
            && lex.name_head(t.raw(b.last - 1)).is_some()
    };
    let joined: Vec<usize> = mentions
        .windows(2)
        .filter(|w| joins(&w[0], &w[1]))
        .map(|w| w[0].first)
        .collect();
    if joined.is_empty() {
        return;
    }
    merge_next(mentions, joins);
    for m in mentions.iter_mut().filter(|m| joined.contains(&m.first)) {
        m.kind = MentionKind::Name {
            ty: Some(ActorType::Organization),
        };
    }
}

/// Merges each mention into the one before it where `joins` says the two
/// are one name (the earlier one grows over the later).
fn merge_next(mentions: &mut Vec<Mention>, joins: impl Fn(&Mention, &Mention) -> bool) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        if joins(&mentions[i], &mentions[i + 1]) {
            mentions[i].last = mentions[i + 1].last;
            mentions.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// "Saul Ewing Arnstein & Lehr", "Johnson & Johnson", "the Rochester
/// Democrat & Chronicle": names an ampersand joins are one name, a firm's
/// or a paper's; people are joined by "and" in running text.
fn ampersand_firms(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let untyped_or_by_look = |m: &Mention| matches!(m.kind, MentionKind::Name { ty: None }) || person_by_look(m);
    // Not "Barack Obama & I", nor a title ("Assistant to the President &
    // Principal Deputy Press Secretary"), nor a slogan in capitals ("LAW &
    // ORDER").
    let joinable = |j: usize| {
        let r = t.raw(j);
        r != "I"
            && !is_title_word(t, lex, j)
            && !(r.len() >= 3 && r.bytes().all(|b| b.is_ascii_uppercase()) && lex.is_common_word(t.word(j)))
    };
    let joinable = |amp: usize| amp > 0 && joinable(amp - 1) && joinable(amp + 1);
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if a.last + 1 == b.first
            && a.sentence == b.sentence
            && t.raw(a.last) == "&"
            && !a.possessive
            && untyped_or_by_look(a)
            && untyped_or_by_look(b)
            && joinable(a.last)
        {
            let b = mentions.remove(i + 1);
            let a = &mut mentions[i];
            a.last = b.last;
            a.possessive = b.possessive;
            a.kind = MentionKind::Name {
                ty: Some(ActorType::Organization),
            };
        } else {
            i += 1;
        }
    }
    // (A capitalised word no pass took: "the Rochester Democrat & Chronicle".)
    let n = t.tokens().len();
    for i in 0..mentions.len() {
        let a = &mentions[i];
        if a.last >= n || t.raw(a.last) != "&" {
            continue;
        }
        let mut end = a.last + 1;
        while end < n
            && t.sentence_of(end) == a.sentence
            && t.is_capitalized(end)
            && t.tokens()[end].kind == TokenKind::Word
            && mentions.get(i + 1).is_none_or(|b| b.first > end)
        {
            end += 1;
        }
        if end > a.last + 1 && !a.possessive && untyped_or_by_look(a) && joinable(a.last) {
            let a = &mut mentions[i];
            a.last = end;
            a.possessive = end < n && t.is_possessive_mark(end);
            a.kind = MentionKind::Name {
                ty: Some(ActorType::Organization),
            };
        }
    }
    // A description the firm's possessive opens starts where the firm does
    // ("Procter & Gamble's chief").
    let firms: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.possessive && (m.first + 1..m.last).any(|j| t.raw(j) == "&"))
        .map(|m| (m.first, m.last))
        .collect();
    if !firms.is_empty() {
        for m in mentions.iter_mut() {
            if let Some(&(first, _)) = firms
                .iter()
                .find(|&&(first, last)| first < m.first && m.first < last && m.last > last)
            {
                m.first = first;
            }
        }
        mentions.sort_by_key(|m| (m.first, m.last));
    }
}

/// Kinds of site a name set off by an apposition can be ("Winfield House,
/// the U.S. ambassador's residence"): a place one can be at, as
/// [`named_sites`] makes "the Natanz plant".
const SITE_NOUNS: &WordList = &WordList::new(&[
    "town",
    "village",
    "city",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "district",
    "county",
    "island",
    "residence",
    "mansion",
    "estate",
    "resort",
    "hotel",
    "restaurant",
    "mosque",
    "church",
    "temple",
    "synagogue",
    "cathedral",
    "shrine",
    "stadium",
    "arena",
    "beach",
    "park",
    "base",
    "prison",
    "plant",
    "factory",
]);

/// "Costa Crociere, an Italian company,", "Jama Masjid, one of India's
/// biggest mosques,", "Winfield House, the U.S. ambassador's residence
/// where": a name set off by an apposition whose head is a kind of body
/// or site is that body's or site's, though it look like a person's
/// (a given name first). The head ends the apposition ("Tom Lee, a
/// company spokesman," names a person); "her employer, Franklin
/// Templeton" says the same before the name. So do the other words set
/// around a name that say what kind of thing it is: a settlement's noun
/// and "of" before it ("the city of Anna"), "where" after its comma ("Tal
/// Abyad, where").
fn appositive_kinds(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    let n = t.tokens().len();
    // The singular of a kind noun after "one of" ("companies", "mosques").
    let kind_of = |w: &str, plural: bool| -> Option<ActorType> {
        let w: std::borrow::Cow<str> = if !plural {
            w.into()
        } else if let Some(stem) = w.strip_suffix("ies") {
            format!("{stem}y").into()
        } else if let Some(stem) = w.strip_suffix('s') {
            stem.into()
        } else {
            return None;
        };
        if one_of(&w, BODY_NOUNS) && !matches!(&*w, "giant" | "service" | "union" | "lobby") {
            Some(ActorType::Organization)
        } else if one_of(&w, SITE_NOUNS) {
            Some(ActorType::Place)
        } else {
            None
        }
    };
    // (A participle's clause ends it too: "a group aiming to", "a firm
    // providing".)
    let ends_phrase = |j: usize, end: usize| {
        j >= end
            || matches!(t.raw(j), "," | "." | ";" | ":" | ")" | "\u{2014}" | "--")
            || !t.is_capitalized(j) && t.word(j).len() > 5 && t.word(j).ends_with("ing")
            || matches!(
                t.word(j),
                "that" | "which" | "where" | "whose" | "based" | "founded" | "owned" | "run" | "known" | "in" | "with"
            )
    };
    for m in mentions.iter_mut() {
        // (A title's apposition is a person's cue, but not one that
        // only possesses the site: "the U.S. ambassador's residence".)
        let person = matches!(
            m.kind,
            MentionKind::Name {
                ty: Some(ActorType::Person)
            }
        ) && m.last - m.first >= 2;
        let s = &t.sentences[m.sentence];
        // "the city of Anna": a name after a settlement's noun and "of" is
        // the settlement's, though it be a given name.
        if matches!(m.kind, MentionKind::Name { ty: None })
            && m.first >= s.first + 2
            && t.word(m.first - 1) == "of"
            && matches!(
                t.word(m.first - 2),
                "city" | "town" | "village" | "borough" | "township" | "hamlet"
            )
        {
            m.kind = MentionKind::Name {
                ty: Some(ActorType::Place),
            };
            continue;
        }
        // (Most names have no comma after them, nor "employer, " before.)
        let comma_after = m.last < s.last && t.raw(m.last) == ",";
        let after_employer = m.first >= s.first + 2 && t.raw(m.first - 1) == "," && t.word(m.first - 2) == "employer";
        if !(comma_after || after_employer)
            || !(person || matches!(m.kind, MentionKind::Name { ty: None }))
            || m.possessive
            || m.first > s.first && (lex.honorific(t.raw(m.first - 1)).is_some() || is_title_word(t, lex, m.first - 1))
        {
            continue;
        }
        let mut ty = after_employer.then_some(ActorType::Organization);
        // "Also struck was Tal Abyad, where bombs hit": a name that looks
        // like a person's but opens with no given name is a place's where
        // "where" sets it off (not "an interview with Vox's Ezra Klein,
        // where he said").
        if person
            && comma_after
            && !lex.is_given_name(t.raw(m.first))
            && m.last + 1 < s.last
            && t.word(m.last + 1) == "where"
        {
            ty = Some(ActorType::Place);
        }
        let k = m.last;
        if ty.is_none() && comma_after && k + 2 < s.last {
            let definite = t.word(k + 1) == "the";
            let (start, plural) = match t.word(k + 1) {
                "a" | "an" | "the" => (k + 2, false),
                "one" if t.word(k + 2) == "of" => (k + 3, true),
                _ => (n, false),
            };
            // The head comes after at most two lower-case words
            // ("biggest", "energy"), no function word or clause between.
            let mut lower = 0;
            for j in start..(start + 6).min(s.last) {
                // (Over possessors: "the U.S. ambassador's residence".)
                let possessor = j + 1 < s.last && t.is_possessive_mark(j + 1);
                let w = t.word(j);
                if t.tokens()[j].kind != TokenKind::Word && !t.is_possessive_mark(j) && !t.is_capitalized(j)
                    || is_title_word(t, lex, j) && !possessor
                    || one_of(w, FUNCTION_WORDS)
                    || one_of(w, DETERMINERS)
                    || matches!(w, "who" | "which" | "of" | "is" | "was" | "has")
                {
                    break;
                }
                if !t.is_capitalized(j) {
                    if let Some(kind) = kind_of(w, plural) {
                        // ("Ron DeSantis, the agency that regulates bars
                        // acted": a definite one closes before a clause.)
                        if ends_phrase(j + 1, s.last) && !(definite && t.word(j + 1) == "that") {
                            ty = Some(kind);
                        }
                        break;
                    }
                    lower += 1;
                    if lower > 2 {
                        break;
                    }
                }
            }
        }
        if let Some(ty) = ty {
            m.kind = MentionKind::Name { ty: Some(ty) };
        }
    }
}

/// "Higher Education Funding Council for England", "Commission for Racial
/// Equality" aside: a body's name ending in its head word goes on over
/// "for" and the place it serves (the place is then no mention of its own).
fn bodies_for_places(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    merge_next(mentions, |a, b| {
        matches!(
            a.kind,
            MentionKind::Name {
                ty: Some(ActorType::Organization)
            }
        ) && lex.name_head(t.raw(a.last - 1)) == Some(ActorType::Organization)
            && a.last + 1 == b.first
            && t.word(a.last) == "for"
            && b.sentence == a.sentence
            && !b.possessive
            && !(b.last < t.sentences[b.sentence].last && t.is_possessive_mark(b.last))
            && matches!(b.kind, MentionKind::Known { entry, surface: SurfaceKind::Name } if lex.entry(entry).actor_type == ActorType::Place)
    });
}

/// "the Tribune group", "the Greensill group": a name no list knows with
/// "group" after it is a body, named so (not "the Tory group", a party's),
/// though its one word be an English one ("Tribune"); so is one with
/// "magazine" or "newspaper" after it, a medium ("union-backed Hazards
/// magazine", "the Tribune newspaper").
fn named_groups(t: &Tokenized, mentions: &mut Vec<Mention>) {
    let n = t.tokens().len();
    // A kind noun, and whether the name must follow "the" (a group's).
    let kind = |w: &str| matches!(w, "group" | "magazine" | "newspaper").then_some(w == "group");
    let mut added = Vec::new();
    for k in 2..n {
        if kind(t.word(k)).is_some_and(|after_the| t.word(k - 2) == "the" || !after_the && !t.is_capitalized(k - 2))
            && !t.is_capitalized(k)
            && t.is_capitalized(k - 1)
            && t.tokens()[k - 1].kind == TokenKind::Word
            && t.sentence_of(k - 2) == t.sentence_of(k)
            && !mentions.iter().any(|m| m.first < k && k - 1 < m.last)
        {
            added.push(body_mention(k - 1, k + 1, t.sentence_of(k)));
        }
    }
    add_sorted(mentions, added);
    name_kind_nouns(t, mentions, ActorType::Organization, kind);
}

/// Grows each untyped or body's name before a lower-case kind noun over the
/// noun, typed `ty` ("the Gorbunov Aviation factory", "the Tribune group").
/// `kind` says whether a word is such a noun, and if so whether the name
/// must follow "the".
fn name_kind_nouns(t: &Tokenized, mentions: &mut [Mention], ty: ActorType, kind: impl Fn(&str) -> Option<bool>) {
    let n = t.tokens().len();
    for m in mentions.iter_mut() {
        // (Or a person's by its look only: "Marie Claire magazine", "the
        // Garfield Park neighborhood".)
        if (matches!(
            m.kind,
            MentionKind::Name {
                ty: None | Some(ActorType::Organization)
            }
        ) || person_by_look(m))
            && m.last < n
            && m.first > 0
            && !t.is_capitalized(m.last)
            && kind(t.word(m.last)).is_some_and(|after_the| !after_the || t.word(m.first - 1) == "the")
            && t.sentence_of(m.last) == m.sentence
        {
            m.last += 1;
            m.kind = MentionKind::Name { ty: Some(ty) };
        }
    }
}

/// "told BBC Radio 4's Today programme", "on BBC Radio 4's The World at
/// One": the capitalised words after an outlet's possessive (and its
/// "programme" or "show") name its programme, a body one speaks to.
fn programmes(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let n = t.tokens().len();
    let mut added = Vec::new();
    for m in mentions.iter() {
        let MentionKind::Known { entry, .. } = m.kind else {
            continue;
        };
        if lex.entry(entry).kind != "media" || m.last + 1 >= n || !t.is_possessive_mark(m.last) {
            continue;
        }
        let start = m.last + 1;
        let sentence = m.sentence;
        let mut end = start;
        while end < n
            && end < start + 6
            && t.sentence_of(end) == sentence
            && t.tokens()[end].kind == TokenKind::Word
            && (t.is_capitalized(end)
                || (end > start
                    && matches!(t.word(end), "at" | "of" | "with")
                    && end + 1 < n
                    && t.is_capitalized(end + 1)))
        {
            end += 1;
        }
        if end > start && end < n && matches!(t.word(end), "programme" | "program" | "show") {
            end += 1;
        }
        // (A place or body named inside it is part of its name: "Westminster
        // Hour"; a person's name is no programme: "Fox News' Tucker Carlson".)
        let inside = |o: &Mention| o.first < end && start < o.last;
        let known = |o: &Mention| {
            matches!(o.kind, MentionKind::Known { entry, .. } if lex.entry(entry).actor_type != ActorType::Person)
                && o.first >= start
                && o.last <= end
        };
        let unknown =
            |o: &Mention| matches!(o.kind, MentionKind::Name { ty: None }) && o.first >= start && o.last <= end;
        // (Nor one that opens with a given name: "Fox News' Rich Edson"; nor
        // one a speech verb follows, a reporter's name: "Vox's Umair Irfan
        // explained".)
        let speaks = end < n
            && t.sentence_of(end) == sentence
            && matches!(
                t.word(end),
                "said" | "says" | "explained" | "reported" | "wrote" | "writes" | "noted" | "argued"
            );
        if end == start
            || speaks
            || lex.is_given_name(t.raw(start))
            || mentions.iter().any(|o| inside(o) && !known(o) && !unknown(o))
        {
            continue;
        }
        added.push(body_mention(start, end, sentence));
    }
    mentions.retain(|o| !added.iter().any(|a| o.first >= a.first && o.last <= a.last));
    add_sorted(mentions, added);
}

/// Words that open a committee's description, not its name ("the same
/// committee", "the powerful intelligence committee").
const NOT_COMMITTEE_NAMES: &[&str] = &[
    "same",
    "new",
    "full",
    "whole",
    "powerful",
    "influential",
    "relevant",
    "important",
    "special",
    "joint",
    "parliamentary",
    "senior",
    "main",
    "own",
    "other",
    "first",
    "last",
    "next",
    "previous",
    "key",
    "cross-party",
];

/// "the work and pensions select committee", "the Commons public accounts
/// committee": British papers write select committees in lower case. Two
/// words or more before "committee" (with "and" between, "select" or
/// "cabinet" after), after "the" or a chamber's name, make a body's name;
/// resolution writes it in capitals ("Work and Pensions Select Committee").
fn lowercase_committees(t: &Tokenized, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for (c, tok) in t.tokens().iter().enumerate() {
        if t.word(c) != "committee" || tok.capitalized || c < 3 {
            continue;
        }
        let mut a = c;
        while a > 0 && c - a < 7 && t.raw(a - 1).bytes().all(|b| b.is_ascii_lowercase()) && t.word(a - 1) != "the" {
            a -= 1;
        }
        let words: Vec<&str> = (a..c).map(|j| t.word(j)).collect();
        let content = words
            .iter()
            .filter(|w| !matches!(**w, "and" | "select" | "cabinet"))
            .count();
        let opened = a > 0 && (t.word(a - 1) == "the" || matches!(t.raw(a - 1), "Commons" | "Lords"));
        let sentence = t.sentence_of(c);
        if !opened
            || content < 2
            || words
                .first()
                .is_none_or(|w| one_of(w, NOT_COMMITTEE_NAMES) || *w == "and")
            || t.sentence_of(a) != sentence
            || mentions.iter().any(|m| m.first <= c && a < m.last)
        {
            continue;
        }
        added.push(body_mention(a, c + 1, sentence));
    }
    add_sorted(mentions, added);
}

/// "Kent county council", "Sheffield city council": a place's council named
/// in lower case is a body, "Kent County Council", not the place.
fn local_councils(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let place = match m.kind {
            MentionKind::Known { entry, .. } => lex.entry(entry).actor_type == ActorType::Place,
            MentionKind::Name { ty } => ty.is_none_or(|ty| ty == ActorType::Place),
            _ => false,
        };
        let end = t.sentences[m.sentence].last;
        if !place || m.possessive || m.last >= end {
            continue;
        }
        let kind = usize::from(
            m.last + 1 < end
                && matches!(
                    t.raw(m.last),
                    "county" | "city" | "borough" | "district" | "parish" | "town"
                ),
        );
        if t.raw(m.last + kind) == "council" {
            *m = body_mention(m.first, m.last + kind + 1, m.sentence);
        }
    }
}

fn token_at_start(t: &Tokenized, byte: usize) -> Option<usize> {
    let i = t.tokens().partition_point(|tok| tok.start < byte);
    (i < t.tokens().len() && t.tokens()[i].start == byte).then_some(i)
}

fn token_at_end(t: &Tokenized, byte: usize) -> Option<usize> {
    let i = t.tokens().partition_point(|tok| tok.end < byte);
    (i < t.tokens().len() && t.tokens()[i].end == byte).then_some(i + 1)
}

/// Whether token `i` can be part of a proper name: capitalised, with a lower-case
/// letter (shouted words and unknown acronyms are not names), or an initial ("J.").
fn is_name_word(t: &Tokenized, i: usize) -> bool {
    if !t.is_capitalized(i) {
        return false;
    }
    let raw = t.raw(i);
    // "I've", "I’m": the pronoun, glued to its verb.
    if raw.starts_with("I'") || raw.starts_with("I\u{2019}") {
        return false;
    }
    raw.chars().any(char::is_lowercase) || (raw.len() == 2 && raw.ends_with('.'))
}

/// "JD Vance", "MJ Hegar", "JB Pritzker": two capitals that no list knows
/// (no body, place, title or state's postal code), before a name's word,
/// open the name as its initials. The name is a person's only where a
/// title, a speech verb or an apposition says so ("GE Healthcare" stays
/// nobody's).
fn initials_name(t: &Tokenized, lex: &Lexicon, i: usize, end: usize, covered: &[bool]) -> bool {
    let raw = t.raw(i);
    raw.len() == 2
        && raw.bytes().all(|b| b.is_ascii_uppercase())
        && i + 1 < end
        && !covered[i + 1]
        && t.raw(i + 1).len() > 2
        && is_name_word(t, i + 1)
        && !t.raw(i + 1).bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && !lex.is_common_word(t.word(i + 1))
        && lex.name_head(t.raw(i + 1)).is_none()
        && lex.title_at(&[t.word(i)]).is_none()
        // (Not a body's post: "US President Donald Trump", "AP Photo".)
        && title_here(t, lex, i + 1, end).is_none()
        && !lex.is_not_actor(raw)
        && !US_STATE_CODES.contains(&raw)
        // (Not in a run of capitals: "THE JD SHOW".)
        && (i == 0 || !is_acronym(t.raw(i - 1)))
}

/// The US Postal Service's state codes ("NY Times", "DC Council" are no initials).
const US_STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
];

fn known_mentions(t: &Tokenized, lex: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    // Matches do not overlap: a token inside the last match starts none.
    let mut taken = 0;
    for tok in t.tokens() {
        if tok.start < taken {
            continue;
        }
        let Some((e, entry, surface)) = lex.known_at(t.text(), tok.start) else {
            continue;
        };
        let s = tok.start;
        // "Evil Corp." is tokenised with its abbreviation dot; the name ends before it.
        let end_token = token_at_end(t, e).or_else(|| {
            (t.text().as_bytes().get(e) == Some(&b'.'))
                .then(|| token_at_end(t, e + 1))
                .flatten()
                .filter(|&l| {
                    let tok = t.tokens()[l - 1];
                    tok.end == e + 1 && tok.kind == TokenKind::Word
                })
        });
        // (A match ending inside a word is none, and hides nothing after it:
        // "The Nation" in "The National Security Council".)
        let (Some(first), Some(last)) = (token_at_start(t, s), end_token) else {
            continue;
        };
        taken = e;
        let sentence = t.sentence_of(first);
        if t.sentence_of(last - 1) != sentence {
            continue;
        }
        // "Duncan-Jordan" is a surname, not the country ("Ex-Downing Street",
        // "pro-Russia" are the name with a prefix).
        let glued_before = first >= 2
            && t.raw(first - 1) == "-"
            && !t.tokens()[first - 1].space_before
            && !t.tokens()[first].space_before
            && is_name_word(t, first - 2)
            && !matches!(t.word(first - 2), "ex" | "pro" | "anti" | "non" | "post" | "pre");
        let glued_after = last + 1 < t.tokens().len()
            && t.raw(last) == "-"
            && !t.tokens()[last].space_before
            && !t.tokens()[last + 1].space_before
            && is_name_word(t, last + 1)
            && !lex.contains_known(t.raw(last + 1))
            && lex.known_at(t.text(), t.tokens()[last + 1].start).is_none();
        // ("North Korea-United States summit": a known name ends before the hyphen.)
        let known_before = out.last().is_some_and(|m: &Mention| m.last == first - 1);
        if (glued_before && !lex.contains_known(t.raw(first - 2)) && !known_before) || glued_after {
            continue;
        }
        // "Jordan Peterson", "Chad Wolf": a given name that starts a person's name.
        if last == first + 1
            && lex.is_given_name(t.raw(first))
            && t.tokens().get(last).is_some_and(|tok| tok.space_before)
            && last < t.tokens().len()
            && is_name_word(t, last)
            && !lex.is_not_actor(t.raw(last))
            && title_here(t, lex, last, t.tokens().len()).is_none()
            && !lex.contains_known(t.raw(last))
        {
            continue;
        }
        // "Treasury Select Committee", "Senate Intelligence Committee": a known
        // body that begins a longer name of a body is only part of that name.
        if lex.entry(entry).actor_type == ActorType::Organization
            && surface == SurfaceKind::Name
            && last == first + 1
            && is_name_word(t, first)
        {
            let end = t.sentences[sentence].last;
            let mut j = last;
            while j < end && j < last + 4 && t.tokens()[j].space_before && is_name_word(t, j) {
                j += 1;
            }
            if j > last && lex.name_head(t.raw(j - 1)) == Some(ActorType::Organization) {
                continue;
            }
        }
        // A one-word known name right after an unknown capitalised word in
        // the sentence is part of a longer name: "Mike Bloomberg", "Jim
        // Jordan" (after a given name, a surname; not at a sentence's start,
        // where "Will Russia…" is a question), "the Sydney Opera House",
        // "Trump Tower" (unless the word is a title, an honorific, a
        // modifier, a weekday or a month: "Tuesday Labour chairman").
        // ("Liam Fox said" opening a sentence: a given name that is no
        // English word starts a name there too.)
        let opening_given = first == t.sentences[sentence].first + 1
            && lex.is_given_name(t.raw(first - 1))
            && !lex.is_common_word(t.word(first - 1));
        if last == first + 1
            && surface == SurfaceKind::Name
            && (first > t.sentences[sentence].first + 1 || opening_given)
            && t.tokens()[first].space_before
            && is_name_word(t, first - 1)
            && out.last().is_none_or(|m: &Mention| m.last < first)
            && !lex.contains_known(t.raw(first - 1))
        {
            let prev = t.raw(first - 1);
            let word = t.word(first - 1);
            // ("New England", "New Britain": a place named after another;
            // "New Labour" is Labour.)
            if lex.is_given_name(prev)
                || prev == "New" && lex.entry(entry).actor_type == ActorType::Place
                || (lex.honorific(prev).is_none()
                    && lex.title_at(&[word]).is_none()
                    && lex.title_modifier(word).is_none()
                    && !WEEKDAYS.contains(&prev)
                    && !MONTHS.contains(&prev)
                    && !one_of(word, FUNCTION_WORDS))
            {
                continue;
            }
        }
        // "flew to Tokyo", "talks in Moscow": after a locative word a capital is
        // the city; elsewhere ("Moscow said") it stands for its country.
        let (entry, surface) = match surface {
            SurfaceKind::Capital
                if first > t.sentences[sentence].first
                    && (one_of(t.word(first - 1), LOCATIVES)
                        // "left Moscow", "left for Paris", "flew back from Tokyo".
                        || one_of(t.word(first - 1), DEPARTURES)
                        || (first > t.sentences[sentence].first + 1
                            && matches!(t.word(first - 1), "for" | "from")
                            && one_of(t.word(first - 2), DEPARTURES))
                        // "south east London", "central Moscow".
                        || one_of(t.word(first - 1), COMPASS)
                        // "the Mayor of London": a city's own office.
                        || (first > t.sentences[sentence].first + 1
                            && t.word(first - 1) == "of"
                            && matches!(t.word(first - 2), "mayor" | "mayors" | "mayoralty"))
                        // "Tokyo and Seoul", "Osaka, Japan, and Seoul": a
                        // capital listed after a city is a city too.
                        || city_listed_before(t, lex, &out, first))
                    // "the London mayor", "London's mayor", "London mayoral race";
                    // "the Helsinki summit": where a gathering was.
                    || (last < t.sentences[sentence].last
                        && (matches!(
                            t.word(last),
                            "mayor" | "mayors" | "mayoral" | "mayoralty" | "summit" | "conference" | "rally" | "forum"
                        )
                            || t.word(last) == "'s"
                                && last + 1 < t.sentences[sentence].last
                                && matches!(t.word(last + 1), "mayor" | "mayoral"))) =>
            {
                match lex.capital_city(&t.text()[s..e]) {
                    Some(city) => (city, SurfaceKind::Name),
                    None => (entry, surface),
                }
            }
            _ => (entry, surface),
        };
        out.push(Mention {
            first,
            last,
            sentence,
            kind: MentionKind::Known { entry, surface },
            possessive: false,
            modifier: false,
            person_cue: false,
            place_cue: false,
            body_cue: false,
            entity: None,
        });
    }
    out
}

/// `Tokenized::tags` bits: the token has been tagged.
const TAGGED: u8 = 0x80;
use crate::lexicon::{TITLE_MODIFIER, TITLE_START, TRIGGER_START};

/// Records, once per document, which tokens can start a title, modify one, or
/// start a pattern's trigger, so that [`title_here`] and the pattern pass reject
/// every other token without a lookup.
pub fn tag_tokens(t: &mut Tokenized, lex: &Lexicon) {
    for i in 0..t.tokens().len() {
        t.tags[i] = TAGGED | lex.word_tags(t.word(i));
    }
}

/// Whether a relation pattern's trigger may start at token `k` (false only
/// where [`tag_tokens`] found that none does).
#[inline]
pub fn may_start_trigger(t: &Tokenized, k: usize) -> bool {
    let tag = t.tags[k];
    tag & TAGGED == 0 || tag & TRIGGER_START != 0
}

/// A title (with the modifiers before it) starting at token `k`, ending before
/// `end`: returns (tokens used, the title's relation, index of its last token).
///
/// Rule passes ask this at every token; the tag test that rejects nearly all
/// of them is inlined into the caller, the search itself is not.
#[inline]
pub fn title_here(t: &Tokenized, lex: &Lexicon, k: usize, end: usize) -> Option<(usize, Relation, usize)> {
    if k >= end {
        return None;
    }
    let tag = t.tags[k];
    if tag & TAGGED != 0 && tag & (TITLE_START | TITLE_MODIFIER) == 0 {
        return None;
    }
    title_search(t, lex, k, end)
}

#[inline(never)]
fn title_search(t: &Tokenized, lex: &Lexicon, k: usize, end: usize) -> Option<(usize, Relation, usize)> {
    let mut i = k;
    let mut downgrade = None;
    loop {
        let tag = t.tags[i];
        if tag & TAGGED != 0 && tag & (TITLE_START | TITLE_MODIFIER) == 0 {
            return None;
        }
        let mut window = [""; 4];
        let n = end.min(i + 4) - i;
        for (j, w) in window.iter_mut().enumerate().take(n) {
            *w = t.word(i + j);
        }
        if let Some((title, used)) = lex.title_at(&window[..n]) {
            // "justice correspondent": a word that is a title and a modifier
            // modifies a title right after it.
            // (A title must start right after it: no search, so a run of
            // such words costs linear time.)
            let modifies =
                used == 1 && n > 1 && lex.title_modifier(window[0]).is_some() && lex.title_at(&window[1..n]).is_some();
            if !modifies {
                let relation = downgrade.unwrap_or(title.relation);
                return Some((i + used - k, relation, i + used - 1));
            }
        }
        match lex.title_modifier(t.word(i)) {
            Some(d) if i + 1 < end => {
                downgrade = downgrade.or(d);
                i += 1;
                // "work and pensions secretary": portfolios joined.
                if i + 1 < end && t.word(i) == "and" && lex.title_modifier(t.word(i + 1)).is_some() {
                    i += 1;
                }
            }
            _ => return None,
        }
    }
}

fn name_mentions(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>, covered: &mut [bool]) {
    for (si, s) in t.sentences.iter().enumerate() {
        let mut i = s.first;
        'spans: while i < s.last {
            // "Booker2020 Democrats": no name starts with a word glued to digits.
            let digits = || {
                glued_furniture(t.raw(i))
                    .is_some_and(|g| g.len() < t.raw(i).len() && t.raw(i).as_bytes()[g.len()].is_ascii_digit())
            };
            // "local Newtonians Fran Henderson": a plural of people (a
            // demonym's, a trade's) before a given name opens no name.
            // (Where a name opens: inside one, such a word is a surname,
            // "Bernie Sanders Bernie Sanders2020", "Pat Winters Lauro".)
            let group = || {
                let w = t.raw(i);
                i + 1 < s.last
                    && (w.ends_with("ans") || w.ends_with("ers") || w.ends_with("ites"))
                    && !lex.is_given_name(w)
                    && !covered[i + 1]
                    && lex.is_given_name(t.raw(i + 1))
                    && is_name_word(t, i + 1)
            };
            // "a character he played named Ching-Chong Ding-Dong": a
            // character's name is no actor's; nor is a god's ("the
            // birthplace of the god Ram").
            let character = || {
                i > s.first
                    && (matches!(t.word(i - 1), "character" | "characters")
                        || matches!(t.raw(i - 1), "god" | "goddess" | "deity")
                        || matches!(t.word(i - 1), "named" | "called")
                            && (i.saturating_sub(5).max(s.first)..i - 1)
                                .any(|k| matches!(t.word(k), "character" | "characters")))
            };
            if covered[i]
                || !(is_name_word(t, i) || initials_name(t, lex, i, s.last, covered))
                || digits()
                || one_of(t.word(i), FUNCTION_WORDS)
                || group()
                || character()
            {
                // "the KGB", "HBO's": an acronym standing alone names a body
                // (segment_span types it); in a run of capitals (a shouted
                // headline) or a party code ("R-MO") it does not.
                if !covered[i]
                    && is_acronym(t.raw(i))
                    && !lex.is_not_actor(t.raw(i))
                    && (i == s.first || !t.raw(i - 1).bytes().any(|b| b.is_ascii_uppercase() || b == b'-'))
                    && (i + 1 >= s.last || !t.raw(i + 1).bytes().any(|b| b.is_ascii_uppercase() || b == b'-'))
                {
                    segment_span(t, lex, si, i, i + 1, mentions, covered);
                }
                i += 1;
                continue;
            }
            // Grow the span over name words, glued hyphens and inner connectors.
            let mut j = i + 1;
            let mut headline_verb = false;
            while j < s.last && !covered[j] {
                let w = t.raw(j);
                if is_name_word(t, j) {
                    // A headline run into prose: "Trump Calls Ukraine President
                    // Zelenskyy" holds a verb, capitalised, that no name holds.
                    if one_of(t.word(j), HEADLINE_VERBS) {
                        headline_verb = true;
                        break;
                    }
                    if one_of(t.word(j), FUNCTION_WORDS) {
                        // "Minneapolis Mayor Jacob Frey Booed By Protesters": in a
                        // headline's case a person's name ends before an
                        // English word, capitalised like the rest.
                        if j - i >= 3
                            && lex.is_common_word(t.word(j - 1))
                            && !lex.is_given_name(t.raw(j - 1))
                            && (i..j - 1).any(|k| lex.is_given_name(t.raw(k)))
                        {
                            j -= 1;
                        }
                        break;
                    }
                    // Scraped furniture: a name said again ("Nancy Pelosi Nancy
                    // PelosiHouse leaders…"), a word glued to the next one
                    // ("KudlowMORE", "Booker2020") ends the name.
                    if (i..j).any(|k| t.word(k) == t.word(j)) || branded(w) {
                        break;
                    }
                    if let Some(glued) = glued_furniture(w) {
                        // A hover card: the visible name, the full name glued to a
                        // headline ("Larry Kudlow Lawrence KudlowMORE"): the name
                        // ends at the word the glued one repeats. Where that word
                        // ended the name before ("Cory Booker Cory Anthony
                        // Booker2020"), the span is the card's full name only.
                        if let Some(k) = (i..j).rev().find(|&k| t.raw(k) == glued) {
                            j = k + 1;
                        } else if i > 0 && (i.saturating_sub(4)..i).any(|k| t.raw(k) == glued) {
                            covered[i..j].iter_mut().for_each(|c| *c = true);
                            i = j;
                            continue 'spans;
                        }
                        break;
                    }
                    j += 1;
                } else if w == "-"
                    && t.glued(j - 1)
                    && t.glued(j)
                    && j + 1 < s.last
                    && is_name_word(t, j + 1)
                    && !covered[j + 1]
                {
                    // "Duncan-Jordan": the name goes on.
                    j += 2;
                } else if w == "-"
                    // (Opening a name, not an English word: "Pro-life Democrats".)
                    && (j - i >= 2
                        || j + 2 < s.last && is_name_word(t, j + 2) && !lex.is_common_word(t.word(j + 1)))
                    && t.glued(j - 1)
                    && t.glued(j)
                    && j + 1 < s.last
                    && is_korean_name_part(t.raw(j + 1))
                {
                    // "Moon Jae-in", "Kim Jong-un", "Jung-yoon Kim": a given
                    // name's lower-case second syllable.
                    j += 2;
                } else if let Some(m) = after_connectors(t, j, s.last)
                    && is_name_word(t, m)
                    && !covered[m]
                    && !lex.is_not_actor(t.raw(m))
                    // "Chris Turner of Grand Prairie": a person's place, not their name.
                    && !(w == "of" && j - i >= 2 && (i..j - 1).any(|k| lex.is_given_name(t.raw(k))))
                {
                    // "Bank of England", "Ursula von der Leyen", "Bashar al-Assad".
                    j = m + 1;
                } else if w == "of"
                    && j - i >= 2
                    && lex.name_head(t.raw(j - 1)) == Some(ActorType::Organization)
                    && !matches!(t.raw(j - 1), "Government" | "Administration" | "Cabinet")
                    && j + 1 < s.last
                    && covered[j + 1]
                    && let Some(pi) = mentions.iter().position(|x| {
                        x.first == j + 1
                            && (x.last >= s.last || !t.is_capitalized(x.last))
                            && known_place(lex, x).is_some()
                    })
                {
                    // "the Atomic Energy Organization of Iran", "the Central Bank
                    // of Russia": a body's name goes on over its country's.
                    j = mentions[pi].last;
                    let known = mentions.remove(pi);
                    covered[known.first..known.last].iter_mut().for_each(|c| *c = false);
                } else if is_regnal_number(w)
                    || (is_initials(w) && lex.is_given_name(t.raw(j - 1)) && j + 1 < s.last && is_name_word(t, j + 1))
                {
                    // "Elizabeth II", "George H.W. Bush".
                    j += 1;
                } else if matches!(w, "for" | "on")
                    && lex.name_head(t.raw(j - 1)) == Some(ActorType::Organization)
                    && let Some(end) = body_purpose(t, lex, mentions, covered, j + 1, s.last)
                {
                    // "Center for American Progress", "Center for a New
                    // American Security": a place's word inside a body's name.
                    let (from, to) = (j + 1, end);
                    mentions.retain(|x| {
                        let inside = x.first >= from && x.last <= to;
                        if inside {
                            covered[x.first..x.last].iter_mut().for_each(|c| *c = false);
                        }
                        !inside
                    });
                    j = end;
                } else if matches!(w, "for" | "on")
                    && lex.name_head(t.raw(j - 1)) == Some(ActorType::Organization)
                    && j + 1 < s.last
                    && is_name_word(t, j + 1)
                    && !covered[j + 1]
                {
                    // "Department for Education", "Council on Foreign Relations".
                    j += 2;
                } else {
                    break;
                }
            }
            // "Joe Biden Joe Biden Parnas: U.S. ambassador…": a hover card
            // says the name right before it again, then a headline's
            // words; the name said again ends where the first one did.
            if let Some(p) = mentions.iter().rev().take(4).find(|m| m.last == i && m.sentence == si)
                && let n = p.last - p.first
                && n >= 2
                && j > i + n
                && (0..n).all(|d| t.word(p.first + d) == t.word(i + d))
            {
                j = i + n;
            }
            match list_of_names(t, lex, i, j) {
                Some(names) => {
                    for (a, b) in names {
                        segment_span(t, lex, si, a, b, mentions, covered);
                    }
                }
                None => segment_span(t, lex, si, i, j, mentions, covered),
            }
            i = j + usize::from(headline_verb);
        }
    }
}

/// The end of a body's purpose named after its head's "for" or "on" (from
/// `k`): capitalised words after an article, or with a place's or a
/// demonym's known mention among them, the last a plain name word
/// ("American Progress", "a New American Security", "a Responsible Federal
/// Budget"). None where neither (the plain case goes on word by word) or
/// where the run ends on the place ("Center for American").
fn body_purpose(
    t: &Tokenized,
    lex: &Lexicon,
    mentions: &[Mention],
    covered: &[bool],
    k: usize,
    end: usize,
) -> Option<usize> {
    let article = k < end && matches!(t.word(k), "a" | "an" | "the");
    let mut m = k + usize::from(article);
    // ("Committee for a Responsible Federal Budget": after an article, no place word needed.)
    let mut placed = article;
    let mut last_plain = false;
    while m < end {
        if covered[m] {
            let x = mentions
                .iter()
                .find(|x| x.first == m)
                .filter(|x| known_place(lex, x).is_some())?;
            placed = true;
            last_plain = false;
            m = x.last;
        } else if is_name_word(t, m) {
            last_plain = !lex.is_not_actor(t.raw(m));
            m += 1;
        } else if last_plain && matches!(t.raw(m), "of" | "and") && m + 1 < end && is_name_word(t, m + 1) {
            // "Institute for the Study of Labor".
            m += 1;
        } else {
            break;
        }
    }
    (placed && last_plain).then_some(m)
}

/// Whether the title ending at token `title_last` is "fellow" before a name
/// of one word: "the fellow Texan", "his fellow Pennsylvanians" name no one
/// (a fellow is no title before a single word; "research fellow Jim Smith" is).
fn fellow_of_one_word(t: &Tokenized, title_last: usize, words_after: usize) -> bool {
    t.word(title_last) == "fellow" && words_after == 1
}

/// Whether token `i` is a title of one word ("director", "officer"); the
/// tag test turns nearly every word away before a lookup.
/// Whether a head's title at `k` is followed by a person's name (a given
/// name first): "chief David Westwood", "chair Tom Werner". What stands
/// before such a title is the body headed.
fn head_title_before_person(t: &Tokenized, lex: &Lexicon, k: usize, end: usize) -> bool {
    title_here(t, lex, k, end).is_some_and(|(used, relation, _)| {
        let n = k + used;
        relation == Relation::Leads && n + 1 < end && t.is_capitalized(n) && lex.is_given_name(t.raw(n))
    })
}

/// Whether a title and its portfolio end at `at` ("head of research", "vice
/// chairman for Greater China", "director of economic policy"): a title
/// word, "of" or "for", then up to three words, lower case or capitalised.
fn portfolio_before(t: &Tokenized, lex: &Lexicon, first: usize, at: usize) -> bool {
    (at.saturating_sub(5).max(first)..at.saturating_sub(2)).any(|i| {
        is_title_word(t, lex, i)
            && matches!(t.word(i + 1), "of" | "for")
            && (i + 2..at).all(|j| t.tokens()[j].kind == TokenKind::Word && !is_title_word(t, lex, j))
    })
}

fn is_title_word(t: &Tokenized, lex: &Lexicon, i: usize) -> bool {
    t.tags[i] & TITLE_START != 0 && lex.title_at(&[t.word(i)]).is_some()
}

/// Whether token `i` is an honorific that is no title ("Mr", "Lord"; not
/// "Justice", "Judge"): it makes a person even of a word that is otherwise
/// English ("Lord Falconer").
pub fn is_plain_honorific(t: &Tokenized, lex: &Lexicon, i: usize) -> bool {
    lex.honorific(t.raw(i)).is_some() && lex.title_at(&[t.word(i)]).is_none()
}

/// A span of six name words or more that opens with a given name, with no
/// "of", "for" or hyphen, is cut before each given name that follows two
/// words or more of the name before it and starts two or more, where that
/// makes three names or more: scraped lists run names together
/// ("Elizabeth Warren Kamala Harris Joseph R. Biden Jr. Bernie Sanders"),
/// and no one's name has that many words with given names among them.
/// Shorter spans are kept whole ("John Quincy Adams"), and so are those
/// with a connector ("Council of Economic Advisers Chairman Kevin
/// Hassett": a title ends the body's name later): None, as nearly every
/// span is, with no list allocated.
fn list_of_names(t: &Tokenized, lex: &Lexicon, a: usize, b: usize) -> Option<Vec<(usize, usize)>> {
    if b - a < 6 || !lex.is_given_name(t.raw(a)) || (a..b).any(|k| matches!(t.raw(k), "of" | "for" | "-")) {
        return None;
    }
    let mut parts = Vec::new();
    let mut start = a;
    for k in a + 2..b {
        let initial = |w: &str| (w.len() == 2 && w.ends_with('.')) || is_initials(w);
        if k - start >= 2 && b - k >= 2 && lex.is_given_name(t.raw(k)) && !initial(t.raw(k - 1)) {
            parts.push((start, k));
            start = k;
        }
    }
    parts.push((start, b));
    (parts.len() >= 3).then_some(parts)
}

/// Where a word is two glued together by a scraper, its first part: a
/// lower-case run of five letters or more followed by a capital
/// ("PelosiHouse", "KudlowMORE"; not "McConnell", "DeSantis", "LaHood"),
/// or letters followed by digits ("Booker2020").
fn glued_furniture(w: &str) -> Option<&str> {
    // A hover card's "MORE" link, after a name of any length ("KellyMORE").
    if let Some(name) = w.strip_suffix("MORE")
        && name.ends_with(|c: char| c.is_ascii_lowercase())
    {
        return Some(name);
    }
    let b = w.as_bytes();
    let mut lower_run = 0;
    for (k, &c) in b.iter().enumerate() {
        if c.is_ascii_lowercase() {
            lower_run += 1;
        } else if (c.is_ascii_uppercase() && lower_run >= 5)
            || (c.is_ascii_digit() && k > 0 && b[k - 1].is_ascii_alphabetic())
        {
            return Some(&w[..k]);
        } else {
            lower_run = 0;
        }
    }
    None
}

/// Whether a word is a brand's, two words run together with a capital
/// inside after three or four letters that begin no surname ("OutFront" in
/// "Erin Burnett OutFront", a programme; not "MacArthur", "VanDyke",
/// "DesJarlais", "VandeHei", nor "DeSantis", "LaHood" with two).
fn branded(w: &str) -> bool {
    let Some(k) = w.bytes().skip(1).position(|b| b.is_ascii_uppercase()).map(|k| k + 1) else {
        return false;
    };
    // (Five letters or more are a scraper's glue: [`glued_furniture`].)
    (3..=4).contains(&k)
        && w[..k].chars().all(|c| c.is_alphabetic())
        && !matches!(
            &w[..k],
            "Mac"
                | "Van"
                | "Vande"
                | "Vander"
                | "Von"
                | "Ver"
                | "Ten"
                | "Des"
                | "Del"
                | "Della"
                | "Fitz"
                | "Dos"
                | "Das"
        )
}

/// Whether the name at `x..y` is set off by commas beside a title: ", the
/// spokesman for X" after it, or "the spokesman for X," before it and a comma
/// after it.
fn titled_apposition(t: &Tokenized, lex: &Lexicon, x: usize, y: usize) -> bool {
    let s = t.sentences[t.sentence_of(x)];
    let title_at = |k: usize, end: usize| title_here(t, lex, k, end).is_some();
    // After: ", [the|a|an] [up to two capitalised or modifier words] TITLE"
    // (not in a list: "attacked Google, Sherrod Brown, the mayor of Dayton";
    // after an opening phrase it is: "On Iranian television, Behrouz
    // Kamalvandi, a spokesman").
    let listed = x > s.first + 1 && t.raw(x - 1) == "," && t.is_capitalized(x - 2);
    if y + 1 < s.last && t.raw(y) == "," && !listed {
        let mut k = y + 1;
        if matches!(t.word(k), "the" | "a" | "an") {
            k += 1;
        }
        for _ in 0..3 {
            if k >= s.last {
                break;
            }
            if title_at(k, s.last) {
                return !t.is_capitalized(k) || t.word(k - 1) != ",";
            }
            if !t.is_capitalized(k) && lex.title_modifier(t.word(k)).is_none() {
                break;
            }
            k += 1;
        }
    }
    // Before: "the TITLE [of|for …]," right before, and a comma after.
    if x > s.first + 2 && t.raw(x - 1) == "," && y < s.last && t.raw(y) == "," {
        let from = x.saturating_sub(9).max(s.first);
        // ("the council leader, Linden Kemkaran,": a lower-case word may
        // say what the title is of.)
        let opens = |k: usize| {
            k == s.first
                || matches!(t.word(k - 1), "the" | "a" | "an")
                || k > s.first + 1
                    && matches!(t.word(k - 2), "the" | "a" | "an")
                    && t.tokens()[k - 1].kind == TokenKind::Word
                    && !t.is_capitalized(k - 1)
                    && !one_of(t.word(k - 1), DETERMINERS)
        };
        return (from..x - 1)
            .any(|k| opens(k) && title_at(k, x - 1) && (k..x - 1).all(|j| t.raw(j) != "," && t.raw(j) != ";"));
    }
    false
}

/// Whether the name at `x..y` stands where a person's does: with an age
/// set off after it ("Nassim Mimun, 40, drove"), after a quote's "said"
/// ("…," said Linden Kemkaran), or saying something that a "he" or "she"
/// goes on with ("Jewher Ilham said her father"). A body says things too,
/// but has no age and is no "she".
fn personal_context(t: &Tokenized, x: usize, y: usize) -> bool {
    let s = t.sentences[t.sentence_of(x)];
    let age = y + 2 < s.last
        && t.raw(y) == ","
        && t.raw(y + 1).len() <= 3
        && t.raw(y + 1).parse::<u32>().is_ok_and(|n| (16..=110).contains(&n))
        && matches!(t.raw(y + 2), "," | ")");
    // (A quote's closing mark may end the sentence before "said".)
    let attributed = x >= 2
        && x > s.first
        && matches!(t.word(x - 1), "said" | "says" | "added" | "wrote" | "tweeted")
        && matches!(t.raw(x - 2), "," | "\"" | "\u{201d}" | "'" | "\u{2019}")
        && (y >= s.last || matches!(t.raw(y), "." | "," | ";"));
    let speaks = y + 1 < s.last && {
        let mut v = y;
        while v < s.last && v < y + 2 && matches!(t.word(v), "has" | "had" | "also" | "then" | "later") {
            v += 1;
        }
        v < s.last
            && matches!(
                t.word(v),
                "said"
                    | "says"
                    | "told"
                    | "tells"
                    | "added"
                    | "argued"
                    | "insisted"
                    | "wrote"
                    | "recalled"
                    | "explained"
                    | "admitted"
                    | "accused"
                    | "alleged"
                    | "claimed"
            )
            && (v + 1..s.last.min(v + 12)).any(|j| matches!(t.word(j), "he" | "she" | "his" | "her" | "him"))
    };
    // "Sakie Yokota, the mother of Megumi Yokota": a family's member set off
    // after the name.
    let kin = y + 3 < s.last && t.raw(y) == "," && {
        let k = y + 1 + usize::from(matches!(t.word(y + 1), "the" | "a" | "an" | "his" | "her" | "their"));
        k + 1 < s.last && one_of(t.word(k), KIN) && matches!(t.word(k + 1), "of" | "to" | ",")
    };
    // "Hegar, who has outraised West", "MJ Hegar, a combat veteran who
    // narrowly lost": a relative "who" set off after the name, or after a
    // description set off after it (a body is a "which").
    // (Not a body named after a preposition or a kind of body: "a
    // professor at UC Riverside, who studies", "the law firm Foley Hoag,
    // who served": the "who" is the person before it.)
    // ("president of the Makerere University Students Guild, who ran": past
    // a "the".)
    let before = if x > s.first + 1 && t.word(x - 1) == "the" {
        x - 1
    } else {
        x
    };
    let object = before > s.first
        && (matches!(
            t.word(before - 1),
            "at" | "of" | "with" | "for" | "from" | "in" | "by" | "on" | "to"
        ) || one_of(t.word(before - 1), BODY_NOUNS));
    let who = y + 2 < s.last && t.raw(y) == "," && !object && {
        let mut k = y + 1;
        if matches!(t.word(k), "a" | "an" | "the") {
            k += 1;
            let from = k;
            while k < s.last
                && k < from + 4
                && t.tokens()[k].kind == TokenKind::Word
                && !t.is_capitalized(k)
                && t.word(k) != "who"
            {
                k += 1;
            }
            if k == from {
                k = s.last;
            }
        }
        // ("Manchester City, who are badly in need": a team or a band is a
        // "who" in British English, with a plural verb.)
        // (Nor "who I don't know": the name is the object there.)
        k + 1 < s.last
            && t.word(k) == "who"
            && !matches!(
                t.word(k + 1),
                "are" | "were" | "have" | "i" | "we" | "you" | "they" | "he" | "she" | "it"
            )
    };
    age || attributed || speaks || kin || who
}

/// Family members: set off after a name, they make it a person's.
const KIN: &[&str] = &[
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "widow",
    "widower",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "stepfather",
    "stepmother",
    "stepson",
    "stepdaughter",
    "fiancee",
    "fiancé",
    "fiancée",
];

fn segment_span(
    t: &Tokenized,
    lex: &Lexicon,
    sentence: usize,
    a: usize,
    b: usize,
    mentions: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    // "Former Trump strategist Steve Bannon": opening a sentence, a title's
    // modifier is capitalised for the sentence, not as part of a name.
    let mut a = a;
    while a + 1 < b
        && a == t.sentences[sentence].first
        && matches!(
            t.word(a),
            "former" | "then" | "acting" | "interim" | "ex" | "outgoing" | "incoming" | "longtime" | "veteran"
        )
    {
        a += 1;
    }
    // A title or honorific just before the span marks its first name as a
    // person's, and so does an outlet's possessive ("Fox News' Rich Edson").
    // ("its official Instagram page", "an official Vhemt member": before a
    // name that qualifies a noun, "official" is an adjective.)
    let adjective = |prev: usize| {
        t.word(prev) == "official"
            && prev > 0
            && one_of(t.word(prev - 1), DETERMINERS)
            && b < t.sentences[sentence].last
            && t.raw(b).starts_with(char::is_lowercase)
    };
    let mut cue = a > 0 && {
        let prev = a - 1;
        lex.title_at(&[t.word(prev)]).is_some() && !fellow_of_one_word(t, prev, b - a) && !adjective(prev)
            || lex.honorific(t.raw(prev)).is_some()
            || (prev > 0
                && t.is_possessive_mark(prev)
                && mentions.iter().rev().take(4).any(|m| {
                    m.last == prev
                        && matches!(m.kind, MentionKind::Known { entry, .. } if lex.entry(entry).kind == "media")
                }))
    };
    // "the Patriot Act", "the Bill of Rights": a law or an agreement is
    // named like a body, and is no actor; nor is any name inside it.
    let head = (a + 1..b)
        .find(|&k| matches!(t.raw(k), "of" | "for"))
        .map_or(b - 1, |k| k - 1);
    if b - a >= 2 && lex.is_no_actor_head(t.raw(head)) {
        covered[a..b].iter_mut().for_each(|c| *c = true);
        return;
    }
    let mut seg_start: Option<usize> = None;
    let mut k = a;
    let flush = |start: Option<usize>, end: usize, cue: bool, mentions: &mut Vec<Mention>, covered: &mut [bool]| {
        let Some(mut x) = start else { return };
        let mut y = end;
        while x < y && (CONNECTORS.contains(&t.raw(x)) || t.raw(x) == "-") {
            x += 1;
        }
        while y > x && (CONNECTORS.contains(&t.raw(y - 1)) || t.raw(y - 1) == "-") {
            y -= 1;
        }
        if x >= y {
            return;
        }
        // "Director of National Intelligence Joseph Maguire": common words
        // before a given name are the end of a title, not a name's start.
        let common = |j: usize| {
            let w = t.word(j);
            lex.honorific(t.raw(j)) != Some(true)
                && (!t.is_capitalized(j) || is_title_word(t, lex, j) || lex.is_common_word(w))
        };
        if let Some(g) = (x + 1..y).find(|&g| lex.is_given_name(t.raw(g)))
            && (x..g).all(common)
        {
            x = g;
        }
        // A head word alone ("Center", "Council") names nothing in particular.
        if y == x + 1 && lex.name_head(t.raw(x)).is_some() {
            return;
        }
        // The head is the last word, or the word before an inner "for"/"of"/"on"
        // ("Center for a New American Security", "Council on Foreign Relations").
        let mut ty = lex.name_head(t.raw(y - 1)).or_else(|| {
            (x + 1..y)
                .find(|&j| {
                    matches!(t.word(j), "for" | "of" | "on")
                        && lex.name_head(t.raw(j - 1)) == Some(ActorType::Organization)
                })
                .map(|_| ActorType::Organization)
        });
        let words = (x..y)
            .filter(|&j| t.tokens()[j].kind == TokenKind::Word && !CONNECTORS.contains(&t.raw(j)))
            .count();
        let given = lex.is_given_name(t.raw(x)) || lex.honorific(t.raw(x)) == Some(true);
        // "Chief Financial Officer": a title's words, capitalised, are no
        // person's name.
        // "Dollar Tree", "Planned Parenthood", "Air Force": a name opening
        // with an English word that is no given name is a body's, whatever
        // title stands before it. (Worked out only for a name a cue marks.)
        // "Behrouz Kamalvandi, the spokesman for…", "the spokesman for
        // Iran's nuclear department, Behrouz Kamalvandi, said": a title set
        // off beside a name of two words or more marks a person's.
        let cue = cue || (words >= 2 && (titled_apposition(t, lex, x, y) || personal_context(t, x, y)));
        let cue = cue && {
            // (Or a post said before a surname: "Senator Blunt".)
            let after_honorific = x > 0
                && (is_plain_honorific(t, lex, x - 1)
                    || t.is_capitalized(x - 1)
                        && y == x + 1
                        && one_of(t.word(x - 1), SURNAME_POSTS)
                        && lex.name_head(t.raw(x)).is_none());
            let titled = (x..y).all(|j| is_title_word(t, lex, j));
            // ("Mayor Linden Kemkaran", "Newt Gingrich": of two words, a last
            // word no English word and no head is a surname; "Planned
            // Parenthood", "Air Force" end in one. Not of more: "Killing Abu
            // Bakr al-Baghdadi", "Pro Tempore Chuck Grassley".)
            let english_first = !given
                && y > x + 1
                && lex.is_common_word(t.word(x))
                && (words > 2 || lex.is_common_word(t.word(y - 1)) || lex.name_head(t.raw(y - 1)).is_some());
            !titled && (after_honorific || !(x..y).all(common) && !english_first)
        };
        // "Apollo Global Management", "Ventura County Public Health": a given
        // name opening three words or more, two of them English words
        // (the last one too), opens a body's name, not a person's.
        let english = |j: usize| t.is_capitalized(j) && lex.is_common_word(t.word(j));
        let bodylike = words >= 3 && english(y - 1) && (x + 1..y - 1).any(english);
        // No one's name has a body's or a place's head inside it ("Kane
        // County Democrats", "Shelby County Commissioner", "Loyola
        // University Chicago").
        // ("Mount Sinai", "Fort Worth", "Lake Tahoe": a place's first word.)
        // ("Penn State", "Utah State": a university's.)
        let not_named = (x + 1..y - 1).any(|j| lex.name_head(t.raw(j)).is_some())
            || opens_place_name(t.raw(x))
            || t.raw(y - 1) == "State";
        // "Hooghly Rural Superintendent", "Makerere University Students
        // Guild": nor does a cue make a person of a name ending in a title
        // with no given name in it, or with a body's head inside it.
        let cue = cue
            && !(words >= 3 && is_title_word(t, lex, y - 1) && !(x..y).any(|j| lex.is_given_name(t.raw(j))))
            && !(x + 1..y - 1).any(|j| lex.name_head(t.raw(j)) == Some(ActorType::Organization));
        // ("Renault-Nissan": two names a hyphen joins are no given name and
        // surname.)
        let hyphened = y == x + 3 && t.raw(x + 1) == "-";
        // ('told "Andrea Mitchell Reports."', 'on "The Laura Ingraham
        // Angle"': a name filling a quotation and ending in an English word
        // is a programme's or a work's title.)
        let work_title = || {
            let n = t.tokens().len();
            let opened = x > 0 && is_opening_quote(t.raw(x - 1))
                || x > 1 && t.word(x - 1) == "the" && is_opening_quote(t.raw(x - 2));
            let closed = y < n
                && (is_closing_quote(t.raw(y))
                    || matches!(t.raw(y), "." | "," | "?" | "!") && y + 1 < n && is_closing_quote(t.raw(y + 1)));
            opened && closed && words >= 2 && lex.is_common_word(t.word(y - 1)) && !lex.is_given_name(t.raw(y - 1))
        };
        if ty.is_none() && (cue || (given && words >= 2 && !bodylike && !not_named && !hyphened)) && !work_title() {
            ty = Some(ActorType::Person);
            // "Rep. Cummings of Oversight", "Mayor Van Johnson of Savannah":
            // what follows a person's "of" is their body or town, not their
            // name (a title alone before it keeps it: "Prince of Wales").
            if let Some(of) = (x + 1..y).find(|&j| t.raw(j) == "of")
                && (x..of).any(|j| lex.honorific(t.raw(j)).is_none())
            {
                y = of;
            }
        }
        // "KGB", "HBO", "NRDC": an acronym of two to four capitals names a
        // body (not a word of not_actors.tsv, "GDP", nor a place in capitals).
        if ty.is_none()
            && y == x + 1
            && is_acronym(t.raw(x))
            && !lex.is_not_actor(t.raw(x))
            && !lex.is_common_word(t.word(x))
        {
            ty = Some(ActorType::Organization);
        }
        // "Russian Defence Ministry": a known place before an organization's
        // name is part of it, in the same sentence ("…in Sweden" ending a
        // headline does not join "General Motors" opening the article).
        if ty == Some(ActorType::Organization)
            && x > 0
            && t.tokens()[x].space_before
            && let Some(pos) = mentions.iter().position(|m| {
                m.last == x
                    && m.sentence == sentence
                    && matches!(
                        m.kind,
                        MentionKind::Known {
                            surface: SurfaceKind::Demonym | SurfaceKind::Name,
                            ..
                        }
                    )
            })
            && matches!(mentions[pos].kind, MentionKind::Known { entry, .. } if {
                // "the White House Coronavirus Task Force": so is a government's
                // or a legislature's name before a body of its own.
                let x = lex.entry(entry);
                x.actor_type == ActorType::Place || matches!(x.kind.as_str(), "government" | "legislature")
            })
        {
            x = mentions[pos].first;
            mentions.remove(pos);
        }
        covered[x..y].iter_mut().for_each(|c| *c = true);
        mentions.push(Mention {
            first: x,
            last: y,
            sentence,
            kind: MentionKind::Name { ty },
            possessive: false,
            modifier: false,
            person_cue: cue,
            place_cue: x > 0 && t.word(x - 1) == "in",
            body_cue: false,
            entity: None,
        });
    };
    // "Justice Democrats", "Log Cabin Republicans": a party's word ends a
    // body's name, whatever honorific or title opens it.
    // (A plural: "John Tory" is a man.)
    let party_end = b > a + 1
        && t.raw(b - 1).ends_with('s')
        && lex
            .known_at(t.text(), t.tokens()[b - 1].start)
            .is_some_and(|(e, entry, _)| e == t.tokens()[b - 1].end && lex.entry(entry).kind == "party");
    while k < b {
        let raw = t.raw(k);
        // (A title kept in the name that ends the span names no one after
        // it: "Erik Prince" is a surname, "the Diamond Princess" a ship.)
        // ("Martin Luther King Jr.": nor one a suffix ends the name after,
        // nor a royal title after a name's words: "the Martin Luther King Jr.
        // Memorial".)
        let ends = |j: usize| j == b || j + 1 == b && is_name_suffix(t.raw(j));
        let in_name = |keep: bool| keep && seg_start.is_some() && title_here(t, lex, k, k + 1).is_some();
        if let Some(keep) = lex
            .honorific(raw)
            .filter(|&keep| !(party_end || keep && ends(k + 1) || in_name(keep)))
        {
            flush(seg_start.take(), k, cue, mentions, covered);
            cue = true;
            if keep {
                seg_start = Some(k);
            }
            k += 1;
            continue;
        }
        if let Some((used, _, _)) = title_here(t, lex, k, b) {
            // A title inside the span ends the name before it and marks the next
            // one, unless it is a surname ("Martin Luther King Jr.", "Angus S.
            // King") or the span names an institution ("General Motors",
            // "Massachusetts General Hospital").
            let surname = used == 1
                && seg_start.is_some_and(|s| k - s <= 2 && lex.is_given_name(t.raw(s)))
                && (k + 1 == b || is_name_suffix(t.raw(k + 1)));
            let institution = (lex.name_head(t.raw(b - 1)).is_some() || party_end)
                && (k + used..b).all(|j| title_here(t, lex, j, b).is_none() && lex.honorific(t.raw(j)).is_none());
            if surname || institution {
                seg_start.get_or_insert(k);
                k += used;
                continue;
            }
            if used < b - k {
                flush(seg_start.take(), k, cue, mentions, covered);
                cue = !fellow_of_one_word(t, k + used - 1, b - (k + used));
                k += used;
                continue;
            }
        }
        // "Theresa May": a given name and a word that is otherwise no name;
        // or a name a title marks a person's ("activist Nabilah Islam",
        // "host Charlamagne Tha God"). (And "King George III": a regnal
        // number ending a titled name.)
        let titled = cue
            && k > a
            && seg_start == Some(a)
            && !one_of(t.word(k), FUNCTION_WORDS)
            && !one_of(t.word(k), CLOSED_WORDS)
            && !MONTHS.contains(&raw);
        let surname = k + 1 == b
            && (titled || seg_start == Some(k.wrapping_sub(1)) && lex.is_given_name(t.raw(k - 1)))
            && !WEEKDAYS.contains(&raw)
            && t.tokens().get(b).is_none_or(|tok| tok.kind != TokenKind::Number)
            || seg_start.is_some_and(|s| lex.honorific(t.raw(s)) == Some(true)) && k + 1 == b && is_regnal_number(raw);
        // "the Coronavirus Task Force", "the Brexit Party": a word that is
        // no actor alone begins a body's name that a head word ends.
        // (So does one after a head's "for": "Center for a New American Security".)
        let purpose = k > head + 1 && k + 1 < b && matches!(t.raw(head + 1), "for" | "on");
        let in_body = (k < head && t.is_capitalized(k + 1) || purpose)
            && !one_of(t.word(k), DETERMINERS)
            && lex.name_head(t.raw(head)) == Some(ActorType::Organization)
            && !WEEKDAYS.contains(&raw)
            && !MONTHS.contains(&raw);
        // ("New England", "New Britain": "New" opens a place's name before
        // a place's, which the lexicon pass left to this one.)
        let new_place = raw == "New"
            && k + 1 < b
            && lex
                .known_at(t.text(), t.tokens()[k + 1].start)
                .is_some_and(|(_, entry, _)| lex.entry(entry).actor_type == ActorType::Place);
        if lex.is_not_actor(raw) && !surname && !in_body && !new_place {
            flush(seg_start.take(), k, cue, mentions, covered);
            cue = false;
            k += 1;
            continue;
        }
        if seg_start.is_none() {
            seg_start = Some(k);
        }
        k += 1;
    }
    flush(seg_start, b, cue, mentions, covered);
}

/// The token after a run of name connectors starting at `j` ("von der",
/// "al-"), if there is such a run.
fn after_connectors(t: &Tokenized, j: usize, end: usize) -> Option<usize> {
    let mut m = j;
    while m < end && (CONNECTORS.contains(&t.raw(m)) || (m > j && t.raw(m) == "-" && t.glued(m - 1) && t.glued(m))) {
        m += 1;
    }
    (m > j && m < end).then_some(m)
}

/// The lower-case second syllable of a hyphenated Korean given name ("in" in
/// "Moon Jae-in"): short, and not an English word that follows a hyphen
/// ("Trump-era", "Kremlin-run").
fn is_korean_name_part(w: &str) -> bool {
    (2..=5).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "era"
                | "led"
                | "run"
                | "style"
                | "born"
                | "made"
                | "owned"
                | "like"
                | "free"
                | "year"
                | "old"
                | "term"
                | "based"
                | "type"
                | "wide"
                | "level"
                | "only"
                | "ish"
                | "esque"
                | "ally"
                | "linked"
                | "elect"
                | "designate"
        )
}

/// "II", "III": a monarch's or heir's number, part of the name.
fn is_acronym(w: &str) -> bool {
    (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()) && !is_regnal_number(w)
}

fn is_regnal_number(w: &str) -> bool {
    matches!(w, "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII")
}

/// "H.W.": several initials in one token.
fn is_initials(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && b.len().is_multiple_of(2) && b.chunks(2).all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// Words that open a place's name, no person's ("Mount Sinai", "Fort
/// Worth", "Lake Tahoe").
fn opens_place_name(word: &str) -> bool {
    matches!(word, "Mount" | "Mt." | "Lake" | "Fort" | "Port" | "Cape")
}

/// Generational suffixes, part of a person's name but never their surname.
pub fn is_name_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr" | "Jnr" | "Jnr." | "Snr" | "Snr.") || is_regnal_number(word)
}

/// Posts said before a surname alone ("President Macron", "Senator Blunt"),
/// never before a company's word ("General Mills", "Chief Executive").
pub(crate) const SURNAME_POSTS: &[&str] = &[
    "president",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "secretary",
    "minister",
    "chancellor",
    "mayor",
    "judge",
    "ambassador",
    "speaker",
    "commissioner",
    "councillor",
    "sheriff",
    "premier",
];

/// Posts held at a body and at no person: what a name before one of them
/// (in lower case) names is a body ("Morgan Stanley economist").
const STAFF_TITLES: &WordList = &WordList::new(&[
    "executive",
    "executives",
    "economist",
    "economists",
    "analyst",
    "analysts",
    "banker",
    "bankers",
    "researcher",
    "researchers",
    "employee",
    "employees",
    "trader",
    "traders",
]);

/// Nouns for a kind of body that stand right before its name ("tech giant
/// Huawei", "the law firm Mazars USA", "the website Breitbart").
pub(crate) const BODY_NOUNS: &WordList = &WordList::new(&[
    "giant",
    "firm",
    "company",
    "companies",
    "group",
    "tank",
    "think-tank",
    "thinktank",
    "website",
    "platform",
    "retailer",
    "manufacturer",
    "automaker",
    "carmaker",
    "drugmaker",
    "chipmaker",
    "conglomerate",
    "startup",
    "nonprofit",
    "charity",
    "lender",
    "bank",
    "insurer",
    "airline",
    "broadcaster",
    "newspaper",
    "paper",
    "magazine",
    "outlet",
    "organization",
    "organisation",
    "agency",
    "union",
    "network",
    "consultancy",
    "lobby",
    "institute",
    "foundation",
    "service",
    "watchdog",
    "regulator",
]);

/// Verbs headlines put between names, capitalised ("Trump Calls Ukraine
/// President Zelenskyy"): no name holds one.
const HEADLINE_VERBS: &WordList = &WordList::new(&[
    "says",
    "calls",
    "slams",
    "blasts",
    "urges",
    "warns",
    "praises",
    "backs",
    "rips",
    "vows",
    "pans",
    "accuses",
    "meets",
    "visits",
    "rejects",
    "signs",
    "threatens",
    "reacts",
    "responds",
    "defends",
    "demands",
    "asks",
    "tells",
    "denies",
    "announces",
    "attacks",
    "condemns",
    "criticizes",
    "criticises",
    "endorses",
    "fires",
    "sues",
    "hits",
]);

/// Determiners, pronouns, conjunctions and auxiliaries: a sentence's
/// first word run into the name before it where a full stop was lost
/// ("analyst Vadim Mitroshin The dispute"), never a surname.
const CLOSED_WORDS: &WordList = &WordList::new(&[
    "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "i", "we", "you", "they", "he",
    "she", "his", "her", "him", "them", "our", "their", "my", "your", "me", "us", "when", "where", "why", "how",
    "what", "which", "who", "whom", "whose", "whether", "because", "if", "unless", "although", "though", "while",
    "whilst", "then", "than", "also", "even", "just", "still", "only", "both", "either", "neither", "each", "every",
    "all", "any", "some", "many", "much", "most", "more", "less", "few", "several", "such", "no", "not", "yes", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "so", "yet", "nor",
]);

/// Words of a headline's case that no name begins with or holds ("U.S.
/// Ambassador To Ukraine", "Calls Grow To Remove Obama"): prepositions and
/// conjunctions, lower case in prose. ("The" and "Of" begin or join names:
/// "The Hill", "Bank Of America".)
const FUNCTION_WORDS: &WordList = &WordList::new(&[
    "to",
    "for",
    "in",
    "on",
    "at",
    "with",
    "and",
    "from",
    "by",
    "into",
    "over",
    "after",
    "against",
    "amid",
    "as",
    "vs",
    "but",
    "or",
    "through",
    "throughout",
    "without",
    "during",
    "between",
    "among",
    "upon",
    "toward",
    "towards",
    "across",
    "beyond",
    "despite",
    "until",
    "versus",
    "like",
    "unlike",
]);

/// Days, which follow names in wire style ("Trump Monday said") without being one.
pub(crate) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn reference_mentions(t: &Tokenized, lex: &Lexicon, mentions: &mut Vec<Mention>, covered: &[bool]) {
    for (si, s) in t.sentences.iter().enumerate() {
        let mut k = s.first;
        while k < s.last {
            if covered[k] {
                k += 1;
                continue;
            }
            let w = t.word(k);
            let next_word = (k + 1 < s.last).then(|| t.word(k + 1));
            // The first byte first: a string `match` calls `memcmp` for every
            // word of a candidate's length.
            let pronoun = if !w.starts_with(['h', 's']) {
                None
            } else {
                match w {
                    "he" | "she" | "him" => Some(false),
                    "his" => Some(true),
                    "her" => Some(!matches!(
                        next_word,
                        None | Some(
                            "." | ","
                                | ";"
                                | ":"
                                | "to"
                                | "in"
                                | "on"
                                | "at"
                                | "with"
                                | "for"
                                | "that"
                                | "and"
                                | "as"
                                | "\""
                                | "'"
                                | "by"
                        )
                    )),
                    _ => None,
                }
            };
            if let Some(possessive) = pronoun {
                mentions.push(Mention {
                    first: k,
                    last: k + 1,
                    sentence: si,
                    kind: MentionKind::Pronoun { possessive },
                    possessive,
                    modifier: possessive,
                    person_cue: false,
                    place_cue: false,
                    body_cue: false,
                    entity: None,
                });
                k += 1;
                continue;
            }
            if same_word(w, "the")
                && let Some(nw) = next_word
                && let Some(&(_, kind)) = ORG_DESCRIPTIONS.iter().find(|(d, _)| *d == nw)
                // (A head word's kind in lower case: not "the Department of
                // Homeland Security".)
                && !(kind.starts_with('@') && (t.is_capitalized(k + 1) || k + 2 < s.last && t.word(k + 2) == "of"))
            {
                mentions.push(Mention {
                    first: k,
                    last: k + 2,
                    sentence: si,
                    kind: MentionKind::OrgDescription { kind },
                    possessive: t.word(k + 2.min(s.last - k - 1)) == "'s",
                    modifier: false,
                    person_cue: false,
                    place_cue: false,
                    body_cue: false,
                    entity: None,
                });
                k += 2;
                continue;
            }
            let Some((used, relation, head)) = title_here(t, lex, k, s.last) else {
                k += 1;
                continue;
            };
            let plural = used > 0 && is_plural_title(t.word(k + used - 1));
            let after = k + used;
            // A title before a name is an affiliation, not a description.
            let named_after = after < s.last
                && (is_name_word(t, after)
                    || (t.raw(after) == "," && after + 1 < s.last && is_name_word(t, after + 1) && covered[after + 1]));
            if plural || named_after {
                k = after;
                continue;
            }
            // Walk left over qualifiers and modifiers to a determiner.
            let mut start = k;
            let mut has_qualifier = false;
            let mut determiner = None;
            while start > s.first {
                let p = start - 1;
                let pw = t.word(p);
                if let Some(m) = mentions
                    .iter()
                    .find(|m| m.last == p + 1 && m.first < p + 1 && !matches!(m.kind, MentionKind::Description { .. }))
                {
                    has_qualifier = true;
                    start = m.first;
                } else if pw == "'s" && p > s.first {
                    // The possessive's owner is the mention ending before it.
                    if let Some(m) = mentions.iter().find(|m| m.last == p) {
                        determiner = Some("'s");
                        start = m.first;
                        break;
                    }
                    break;
                } else if lex.title_modifier(pw).is_some() {
                    start = p;
                } else if DETERMINERS.contains(&pw) {
                    determiner = Some(if pw == "a" || pw == "an" { "a" } else { "the" });
                    start = p;
                    break;
                } else if (pw == "and" || pw == ",") && has_qualifier {
                    determiner = Some("the");
                    break;
                } else {
                    break;
                }
            }
            if let Some(det) = determiner {
                mentions.push(Mention {
                    first: start,
                    last: after,
                    sentence: si,
                    kind: MentionKind::Description {
                        relation,
                        head,
                        indefinite: det == "a",
                    },
                    possessive: after < s.last && t.word(after) == "'s",
                    modifier: false,
                    person_cue: false,
                    place_cue: false,
                    body_cue: false,
                    entity: None,
                });
            }
            k = after;
        }
    }
}

fn mark_modifiers(t: &Tokenized, lex: &Lexicon, mentions: &mut [Mention]) {
    let n = t.tokens().len();
    let descriptions: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Description { .. }))
        .map(|m| (m.first, m.last))
        .collect();
    // Where known names start (mentions are sorted by their first token).
    let starts: Vec<usize> = mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Known { .. }))
        .map(|m| m.first)
        .collect();
    // And people's names: "Democrat Bernie Sanders" is a party's attribute
    // (not "ambassador to Ukraine Marie Yovanovitch": a place ends a title).
    let people: Vec<usize> = mentions
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                MentionKind::Name {
                    ty: Some(ActorType::Person)
                }
            )
        })
        .map(|m| m.first)
        .collect();
    for m in mentions.iter_mut() {
        if matches!(m.kind, MentionKind::Description { .. } | MentionKind::Pronoun { .. }) {
            continue;
        }
        let sentence_end = t.sentences[m.sentence].last;
        if m.last < n && t.word(m.last) == "'s" {
            m.possessive = true;
        }
        // "the Liberal Democrats' spokesperson": a plural's possessive is a
        // bare apostrophe, glued to the name and followed by a word (not a
        // closing quote: "‘Democrats’ said").
        if m.last + 1 < sentence_end
            && t.word(m.last) == "'"
            && !t.tokens()[m.last].space_before
            && t.word(m.last - 1).ends_with('s')
            && t.raw(m.last + 1).chars().next().is_some_and(char::is_alphabetic)
            && !(m.first > 0 && matches!(t.raw(m.first - 1), "'" | "\u{2018}"))
        {
            m.possessive = true;
        }
        let demonym = matches!(
            m.kind,
            MentionKind::Known {
                surface: SurfaceKind::Demonym,
                ..
            }
        );
        let inside_description = descriptions.iter().any(|&(a, b)| a <= m.first && m.last <= b);
        let before_title = m.last < sentence_end && {
            let at = if m.possessive { m.last + 1 } else { m.last };
            at < sentence_end && title_here(t, lex, at, sentence_end).is_some()
        };
        // "a Cabinet Office report": after "a", a name modifies the noun that follows.
        let compound = m.first > 0
            && matches!(t.word(m.first - 1), "a" | "an")
            && m.last < sentence_end
            && t.raw(m.last).chars().all(char::is_lowercase);
        // "House Democrats", "Senate Republicans", "Democrat Bernie Sanders":
        // a known body right before another known name or a person's qualifies it.
        let before_name = matches!(m.kind, MentionKind::Known { .. })
            && m.last < sentence_end
            && !m.possessive
            && t.tokens()[m.last].space_before
            && (starts.binary_search(&m.last).is_ok()
                || (matches!(m.kind, MentionKind::Known { entry, .. } if lex.entry(entry).kind == "party")
                    && people.binary_search(&m.last).is_ok()));
        m.modifier = demonym || m.possessive || inside_description || before_title || compound || before_name;
    }
}

/// The text of a mention as written, white space folded, without a leading "the".
///
/// Only white space lies between tokens, so the tokens with one space where
/// any separated them are the text folded.
pub fn mention_text(t: &Tokenized, m: &Mention) -> String {
    mention_str(t, m).into_owned()
}

/// [`mention_text`], borrowed from the text where it is written with single
/// spaces, as nearly every name is: name resolution asks for the text of
/// every name mention and keeps few of them.
pub fn mention_str<'t>(t: &'t Tokenized, m: &Mention) -> std::borrow::Cow<'t, str> {
    let first = mention_start(t, m);
    let tokens = &t.tokens()[first..m.last];
    let bytes = t.text().as_bytes();
    let folded = tokens.windows(2).all(|w| {
        let gap = if w[1].space_before { 1 } else { 0 };
        w[1].start == w[0].end + gap && (gap == 0 || bytes[w[0].end] == b' ')
    });
    if folded {
        return std::borrow::Cow::Borrowed(&t.text()[tokens[0].start..tokens[tokens.len() - 1].end]);
    }
    let mut out = String::with_capacity(tokens[tokens.len() - 1].end - tokens[0].start);
    for (k, tok) in tokens.iter().enumerate() {
        if k > 0 && tok.space_before {
            out.push(' ');
        }
        out.push_str(tok.text(t.text()));
    }
    std::borrow::Cow::Owned(out)
}

/// Whether [`mention_text`] of `m` is `text`, without building it: most
/// lexicon mentions are written as their entry's name, and resolution asks
/// this of every one.
pub fn mention_text_is(t: &Tokenized, m: &Mention, text: &str) -> bool {
    let first = mention_start(t, m);
    let mut rest = text;
    for (k, tok) in t.tokens()[first..m.last].iter().enumerate() {
        if k > 0 && tok.space_before {
            let Some(r) = rest.strip_prefix(' ') else { return false };
            rest = r;
        }
        let Some(r) = rest.strip_prefix(tok.text(t.text())) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// The first token of a mention's text: a leading "the" is left out.
fn mention_start(t: &Tokenized, m: &Mention) -> usize {
    let first = m.first;
    if t.raw(first) == "the" && first + 1 < m.last && t.tokens()[first + 1].space_before {
        first + 1
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, bool)> {
        let lex = Lexicon::builtin();
        let mut t = Tokenized::new(text);
        tag_tokens(&mut t, &lex);
        find_mentions(&t, &lex)
            .iter()
            .map(|m| {
                let kind = match &m.kind {
                    MentionKind::Known { entry, .. } => format!("known:{}", lex.entry(*entry).name),
                    MentionKind::Name { ty } => format!("name:{}", ty.map_or("?", |t| t.as_str())),
                    MentionKind::Pronoun { .. } => "pronoun".into(),
                    MentionKind::Description { relation, .. } => format!("desc:{relation}"),
                    MentionKind::OrgDescription { kind } => format!("orgdesc:{kind}"),
                };
                (mention_text(&t, m), kind, m.modifier)
            })
            .collect()
    }

    /// Whether `found` holds a mention of this text and kind.
    fn has(f: &[(String, String, bool)], text: &str, kind: &str) -> bool {
        f.iter().any(|m| m.0 == text && m.1 == kind)
    }

    /// `mention_text` builds from tokens what folding the span's white space
    /// gives, across line breaks, tabs and no-break spaces.
    #[test]
    fn mention_text_is_the_span_with_white_space_folded() {
        let text = "the Kremlin said\nthe  United\u{a0}Nations and the\tWorld\nHealth Organization met Vladimir \t Putin's aide. The European Union";
        let lex = Lexicon::builtin();
        let mut t = Tokenized::new(text);
        tag_tokens(&mut t, &lex);
        let mentions = find_mentions(&t, &lex);
        assert!(mentions.len() >= 4);
        for m in &mentions {
            let span = &text[t.tokens()[m.first].start..t.tokens()[m.last - 1].end];
            let folded = span.split_whitespace().collect::<Vec<_>>().join(" ");
            let expected = folded.strip_prefix("the ").map_or(folded.clone(), str::to_string);
            assert_eq!(mention_text(&t, m), expected);
            // Borrowed exactly where the text has it with single spaces.
            let written = span.strip_prefix("the ").unwrap_or(span);
            match mention_str(&t, m) {
                std::borrow::Cow::Borrowed(b) => assert!(b == expected && written == expected, "{b:?}"),
                std::borrow::Cow::Owned(o) => assert!(o == expected && written != expected, "{o:?}"),
            }
            // The comparison that builds nothing agrees, and nothing near it passes.
            assert!(mention_text_is(&t, m, &expected), "{expected:?}");
            let near = [
                format!("{expected}s"),
                format!(" {expected}"),
                expected[..expected.len() - 1].to_string(),
                expected.replacen(' ', "  ", 1),
                expected.replacen(' ', "", 1),
                String::new(),
            ];
            for other in near.iter().filter(|o| **o != expected) {
                assert!(!mention_text_is(&t, m, other), "{expected:?} is not {other:?}");
            }
        }
        let texts: Vec<String> = mentions.iter().map(|m| mention_text(&t, m)).collect();
        let borrowed = mentions
            .iter()
            .filter(|m| matches!(mention_str(&t, m), std::borrow::Cow::Borrowed(_)));
        assert!(borrowed.count() >= 2, "{texts:?}");
        assert!(texts.iter().any(|m| m == "United Nations"), "{texts:?}");
        assert!(texts.iter().any(|m| m == "Vladimir Putin"), "{texts:?}");
    }

    /// A name listed beside a person's is one too, but not an employer an
    /// apposition names before a title, nor a post's name.
    #[test]
    fn a_list_makes_persons_but_not_employers_or_posts() {
        let f = found("Franco Sagliocca, Mount Sinai procurement director, was working.");
        assert_eq!(persons(&f), ["Franco Sagliocca"], "{f:?}");
        let f = found("Reginald Milton, Shelby County Commissioner, spoke.");
        assert_eq!(persons(&f), ["Reginald Milton"], "{f:?}");
        let f = found("Matt Barreto, Latino Decisions co-founder, spoke.");
        assert_eq!(persons(&f), ["Matt Barreto"], "{f:?}");
        let f = found("He thanked Rich Edson, Shannon Bream and Lucia Suarez.");
        assert_eq!(persons(&f), ["Rich Edson", "Shannon Bream", "Lucia Suarez"], "{f:?}");
    }

    /// In a headline's case, a person's name ends before an English word
    /// that a capitalised preposition follows; a body's keeps it.
    #[test]
    fn a_headline_word_after_a_persons_name_is_no_part_of_it() {
        let f = found("RELATED: Minneapolis Mayor Jacob Frey Booed By Protesters After The Rally");
        assert_eq!(persons(&f), ["Jacob Frey"], "{f:?}");
        let f = found("Headline: Acme Widget Company To Close Plant");
        assert!(has(&f, "Acme Widget Company", "name:organization"), "{f:?}");
    }

    /// A name filling a quotation and ending in an English word is a
    /// programme's title; a quoted person's name stays a person's.
    #[test]
    fn a_quoted_title_ending_in_an_english_word_is_no_person() {
        let f = found(
            "Mike Murphy told \u{201c}Andrea Mitchell Reports.\u{201d} I was on \u{201c}The Laura Ingraham Angle\u{201d} then.",
        );
        assert_eq!(persons(&f), ["Mike Murphy"], "{f:?}");
        let f = found("He shouted \"Bernie Sanders!\" twice.");
        assert_eq!(persons(&f), ["Bernie Sanders"], "{f:?}");
    }

    /// No cue makes a person of a post's or a body's name, nor a look of a
    /// university's "X State".
    #[test]
    fn posts_bodies_and_state_universities_are_no_persons() {
        let f = found("We emailed the Hooghly Rural Sheriff, who oversees the police, for comment.");
        assert!(persons(&f).is_empty(), "{f:?}");
        let f = found("Julius Kateregga, president of the Makerere University Students Guild, who ran, spoke.");
        assert_eq!(persons(&f), ["Julius Kateregga"], "{f:?}");
        let f = found("They study at universities such as Penn State and Indiana University.");
        assert!(persons(&f).is_empty(), "{f:?}");
        let f = found("Alveda King, who leads a group, spoke.");
        assert_eq!(persons(&f), ["Alveda King"], "{f:?}");
    }

    /// A name before a lower-case "group" (after "the"), "magazine" or
    /// "newspaper" names a body, that word and all.
    #[test]
    fn a_name_before_group_magazine_or_newspaper_is_a_body() {
        let f = found(
            "Rory O'Neill, editor of union-backed Hazards magazine, spoke to the Tribune newspaper and the Tribune group.",
        );
        for body in ["Hazards magazine", "Tribune newspaper", "Tribune group"] {
            assert!(has(&f, body, "name:organization"), "{body}: {f:?}");
        }
        let f = found("He met a Tribune group of MPs.");
        assert!(!has(&f, "Tribune group", "name:organization"), "{f:?}");
    }

    /// A person's name by its look before "magazine" or a neighbourhood's
    /// noun names the magazine or the place; not before "campaign"'s
    /// kin it has no rule for.
    #[test]
    fn a_look_alike_name_before_a_kind_noun_is_the_kind() {
        let f = found("He told Marie Claire magazine it was so. She lives in the Garfield Park neighborhood.");
        assert!(has(&f, "Marie Claire magazine", "name:organization"), "{f:?}");
        assert!(has(&f, "Garfield Park neighborhood", "name:place"), "{f:?}");
        let f = found("He told Marie Claire the story.");
        assert!(has(&f, "Marie Claire", "name:person"), "{f:?}");
    }

    /// A bare "the" before a look-alike name that ends its noun phrase
    /// names a body (or, plural, a group); not a chair's namesake, nor a
    /// modifier of a later noun.
    #[test]
    fn a_look_alike_name_after_the_is_no_person() {
        let f = found(
            "He told the Austin American-Statesman that it was so. It is home of the Reagan Democrats. \
             Alan Dershowitz is the Felix Frankfurter Professor of Law. He served the George W. Bush and Barack Obama \
             administrations.",
        );
        assert!(has(&f, "Austin American-Statesman", "name:organization"), "{f:?}");
        assert!(has(&f, "Reagan Democrats", "name:?"), "{f:?}");
        assert!(!has(&f, "Felix Frankfurter", "name:organization"), "{f:?}");
        assert!(persons(&f).contains(&"George W. Bush"), "{f:?}");
    }

    /// No name starts inside a hyphened one whose first part was left out
    /// (a party code's state, "Cedars-Sinai"); "Then-" and a body's name
    /// stay. A character's name is no actor's. A capitalised post before
    /// a person's name is at the body named before it.
    #[test]
    fn hyphened_names_characters_and_capitalised_posts() {
        let f = found(
            "Pelosi, D-Calif., told reporters. The Cedars-Sinai Healight team spoke. Then-Chicago Mayor Rahm Emanuel \
             spoke. He played a character named Ching-Chong Ding-Dong on air. It is the birthplace of the god Ram.",
        );
        for gone in ["Calif.", "Sinai Healight", "Ching-Chong Ding-Dong", "Ram"] {
            assert!(!f.iter().any(|(text, _, _)| text == gone), "{gone}: {f:?}");
        }
        assert!(f.iter().any(|(text, _, _)| text == "Chicago"), "{f:?}");
        let f = found("It was so, observes Stanford Law Professor Pamela Karlan.");
        assert!(has(&f, "Stanford Law", "name:organization"), "{f:?}");
    }

    /// A word that is no name alone ends a name a title marks a person's,
    /// as it ends one a given name opens; it opens none.
    #[test]
    fn a_titled_first_word_makes_a_surname_of_a_word_no_name_alone() {
        let f = found(
            "Do not count out activist Nabilah Islam, who raised money. Islam Today reported it. The host \
             Charlamagne Tha God pressed him. Said analyst Vadim Mitroshin The dispute goes on.",
        );
        assert!(has(&f, "Nabilah Islam", "name:person"), "{f:?}");
        assert!(has(&f, "Charlamagne Tha God", "name:person"), "{f:?}");
        assert!(has(&f, "Vadim Mitroshin", "name:person"), "{f:?}");
        assert!(!f.iter().any(|(text, _, _)| text.starts_with("Islam")), "{f:?}");
    }

    /// "New" before a place's name opens another place's ("New England",
    /// "New Britain"), or a body's; the known place inside is none.
    #[test]
    fn new_before_a_place_opens_another_name() {
        let f = found(
            "He was elected mayor of New Britain. She lives in New England. He told the New England Journal of \
             Medicine. Officials in New Zealand agreed. New Labour won.",
        );
        for name in [
            "New Britain",
            "New England",
            "New England Journal of Medicine",
            "New Zealand",
        ] {
            assert!(f.iter().any(|(text, _, _)| text == name), "{name}: {f:?}");
        }
        for gone in ["Britain", "England"] {
            assert!(!f.iter().any(|(text, _, _)| text == gone), "{gone}: {f:?}");
        }
        assert!(f.iter().any(|(text, _, _)| text == "Labour"), "{f:?}");
    }

    /// An outlet's possessive before a name a speech verb follows names a
    /// reporter, not a programme.
    #[test]
    fn a_reporter_after_an_outlet_s_possessive_is_no_programme() {
        let f = found("Stay home, Vox's Umair Irfan explained.");
        assert!(!has(&f, "Umair Irfan", "name:organization"), "{f:?}");
    }

    /// Names an ampersand joins are one body's; not a person and "I", nor
    /// a title.
    #[test]
    fn names_an_ampersand_joins_are_a_firm() {
        let f = found(
            "He is in private practice at Saul Ewing Arnstein & Lehr. Eison told the Rochester Democrat & Chronicle it was gone.",
        );
        for body in ["Saul Ewing Arnstein & Lehr", "Rochester Democrat & Chronicle"] {
            assert!(has(&f, body, "name:organization"), "{body}: {f:?}");
        }
        assert!(!persons(&f).contains(&"Saul Ewing Arnstein"), "{f:?}");
        let f = found("The only thing Barack Obama & I have in common is that.");
        assert!(has(&f, "Barack Obama", "name:person"), "{f:?}");
    }

    /// An apposition whose head is a kind of body or site types the name
    /// before it, though the name look like a person's; not where the head
    /// is a post's ("a company spokesman"), nor past a clause.
    #[test]
    fn an_apposition_s_kind_noun_types_the_name() {
        let f = found(
            "Owner Costa Crociere, an Italian company, says so. Bukhari spoke at Jama Masjid, one of India's \
             biggest mosques. Trump met Farage at Winfield House, the U.S. ambassador's residence where they stay. \
             Cooper was fired by her employer, Ann Taylor, on Tuesday.",
        );
        assert!(has(&f, "Costa Crociere", "name:organization"), "{f:?}");
        assert!(has(&f, "Ann Taylor", "name:organization"), "{f:?}");
        assert!(has(&f, "Jama Masjid", "name:place"), "{f:?}");
        assert!(has(&f, "Winfield House", "name:place"), "{f:?}");
        let f = found(
            "Tom Lee, a company spokesman, said so. Ilhan Omar, a Democrat who represents the city in Congress, spoke. \
             Under Gov. Ron DeSantis, the agency that regulates bars acted.",
        );
        for person in ["Tom Lee", "Ilhan Omar", "Ron DeSantis"] {
            assert!(persons(&f).contains(&person), "{person}: {f:?}");
        }
    }

    /// A name before a post only a body gives ("executive", "economist")
    /// is the body; before an adviser's, a person.
    #[test]
    fn a_name_before_a_staff_post_is_a_body() {
        let f = found("The Piper Sandler executive Tom Nides spoke. Joe Biden adviser Mike Donilon spoke.");
        assert!(has(&f, "Piper Sandler", "name:organization"), "{f:?}");
        assert!(persons(&f).contains(&"Joe Biden"), "{f:?}");
    }

    /// A name after a settlement's noun and "of" is the settlement's, a
    /// given name though it be.
    #[test]
    fn the_city_of_a_given_name_is_a_place() {
        let f = found("The city of Anna, in southern Illinois, has lost industry. Anna Smith of Ohio spoke.");
        assert!(has(&f, "Anna", "name:place"), "{f:?}");
        assert!(persons(&f).contains(&"Anna Smith"), "{f:?}");
    }

    /// A name opening with no given name between a post and a head's post
    /// before a person is the body headed; with a given name, a person.
    #[test]
    fn a_name_between_a_post_and_a_head_s_post_is_the_body() {
        let f = found("They welcomed its U.S. partner Rosemont Seneca chairman Hunter Biden.");
        assert!(has(&f, "Rosemont Seneca", "name:organization"), "{f:?}");
        let f = found("They welcomed his partner Joe Smith chairman Hunter Biden.");
        assert!(!has(&f, "Joe Smith", "name:organization"), "{f:?}");
    }

    /// Two names a hyphen joins before a meeting's noun are two names; not
    /// before another noun, nor English words.
    #[test]
    fn a_hyphened_pair_before_a_meeting_is_two_names() {
        let f = found("Planning moved ahead for the Trump-Kim summit.");
        assert!(has(&f, "Trump", "name:?") && has(&f, "Kim", "name:?"), "{f:?}");
        let f = found("The Renault-Nissan alliance grew, as did Pro-Life groups.");
        assert!(!has(&f, "Renault", "name:?") && !has(&f, "Nissan", "name:?"), "{f:?}");
    }

    /// The names `found` typed a person's.
    fn persons(found: &[(String, String, bool)]) -> Vec<&str> {
        found
            .iter()
            .filter(|(_, k, _)| k == "name:person")
            .map(|(n, _, _)| n.as_str())
            .collect()
    }

    /// Names that open with a given name but are no one's: a street, a
    /// world, a reporter's paper, a score; a head word inside; a
    /// preposition in title case.
    #[test]
    fn given_names_opening_places_and_things() {
        let f = found(
            "They met on Powell Street near Walt Disney World. The Hollywood Reporter said so. Mount Sinai treated him. \
             It is like Alice Through the Looking Glass. Kane County Democrats voted. \
             Marine One landed. Jim Smith spoke.",
        );
        assert_eq!(persons(&f), vec!["Jim Smith"], "{f:?}");
    }

    /// A party's plural ends a body's name whatever honorific opens it; a
    /// fellow is no title before a single word.
    #[test]
    fn no_person_in_justice_democrats_or_a_fellow_texan() {
        let f = found(
            "She was backed by the group Justice Democrats. He introduced the fellow Texan. \
             Toronto Mayor John Tory spoke. Research fellow Jim Smith agreed.",
        );
        assert_eq!(persons(&f), vec!["John Tory", "Jim Smith"], "{f:?}");
    }

    /// A known name that ends inside a word matches nothing and hides no
    /// match that starts after it ("The Nation" in "The National …").
    #[test]
    fn a_match_inside_a_word_hides_nothing() {
        let f = found("The National Security Council met. The Nation reported it.");
        assert_eq!(
            f[0],
            (
                "National Security Council".into(),
                "known:National Security Council".into(),
                false
            )
        );
        assert!(
            f.iter().any(|(n, k, _)| n == "The Nation" && k == "known:The Nation"),
            "{f:?}"
        );
    }

    #[test]
    fn titles_split_names_and_qualifiers_are_modifiers() {
        let f = found("U.S. President Donald Trump's special envoy Steve Witkoff will visit Russia.");
        assert_eq!(
            f,
            vec![
                ("U.S.".into(), "known:United States".into(), true),
                ("Donald Trump".into(), "name:person".into(), true),
                ("Steve Witkoff".into(), "name:person".into(), false),
                ("Russia".into(), "known:Russia".into(), false),
            ]
        );
    }

    #[test]
    fn organizations_by_head_word_and_lexicon() {
        let f = found("Russian Direct Investment Fund head Kirill Dmitriev met the Russian Defence Ministry.");
        assert_eq!(
            f[0],
            (
                "Russian Direct Investment Fund".into(),
                "known:Russian Direct Investment Fund".into(),
                true
            )
        );
        assert_eq!(f[1].1, "name:person");
        assert_eq!(
            f[2],
            ("Russian Defence Ministry".into(), "name:organization".into(), false)
        );
    }

    /// A name no given name types is a person's where a title is set off
    /// beside it; a list item after it is no apposition.
    #[test]
    fn a_title_in_apposition_types_a_person() {
        for text in [
            "Behrouz Kamalvandi, the spokesman for the department, said so.",
            "The spokesman for the department, Behrouz Kamalvandi, said so.",
        ] {
            let f = found(text);
            assert!(
                f.iter()
                    .any(|m| m == &("Behrouz Kamalvandi".into(), "name:person".into(), false)),
                "{f:?}"
            );
        }
        let f = found("He attacked Google, Chuba Hubbard, the mayor of Dayton, and others.");
        assert!(
            !f.iter().any(|m| m.0 == "Chuba Hubbard" && m.1 == "name:person"),
            "{f:?}"
        );
    }

    /// A body's name goes on over "for" and the place it serves; an
    /// acronym after a kind of body is a body.
    #[test]
    fn bodies_for_places_and_acronyms_after_a_kind() {
        let f = found("The Higher Education Funding Council for England said so.");
        assert!(
            f.iter().any(|m| m
                == &(
                    "Higher Education Funding Council for England".into(),
                    "name:organization".into(),
                    false
                )),
            "{f:?}"
        );
        let f = found("He voted for Britain.");
        assert!(f.iter().any(|m| m.1 == "known:United Kingdom"), "{f:?}");
        let f = found("The system from American IT giant EDS failed.");
        assert!(has(&f, "EDS", "name:organization"), "{f:?}");
    }

    /// A family member set off after a name makes it a person's.
    #[test]
    fn kin_in_apposition_marks_a_person() {
        let f = found("Sakie Yokota, the mother of a victim, told NHK so.");
        assert!(has(&f, "Sakie Yokota", "name:person"), "{f:?}");
        let f = found("Sakie Yokota, the maker of a film, told NHK so.");
        assert!(!f.iter().any(|m| m.1 == "name:person"), "{f:?}");
    }

    /// Two capitals no list knows open a name as its initials ("Gov. JB
    /// Pritzker", "analyst at GW Pharma"); a state's code, a title ("AG"), a
    /// body's post or a common word after them do not ("NY Times", "US
    /// President").
    #[test]
    fn two_capitals_open_a_name_as_initials() {
        let f = found("Illinois Gov. JB Pritzker said the deal was bad.");
        assert!(has(&f, "JB Pritzker", "name:person"), "{f:?}");
        let f = found("said Gary Thayer, an economist at GW Pharma.");
        assert!(f.iter().any(|m| m.0 == "GW Pharma"), "{f:?}");
        // (A post's letters are a title: "Deputy AG Rod Rosenstein".)
        let f = found("Deputy AG Rod Rosenstein said so.");
        assert!(has(&f, "Rod Rosenstein", "name:person"), "{f:?}");
        for text in [
            "The NY Times said the deal was bad.",
            "Images US President Donald Trump spoke.",
            "The TV Show was bad.",
        ] {
            let f = found(text);
            assert!(
                !f.iter()
                    .any(|m| m.0.starts_with("NY ") || m.0.starts_with("US ") || m.0.starts_with("TV ")),
                "{text}: {f:?}"
            );
        }
    }

    /// A name that looks like a person's is a body where a post is at it,
    /// a head is of it or a kind of body names it; a person stays one after
    /// "a spokesman for". An endowed chair's namesake is no one's employer.
    #[test]
    fn bodies_named_like_people_and_endowed_chairs() {
        for (text, body) in [
            (
                "said Diane Swonk, chief economist at the firm Crowe Horwath.",
                "Crowe Horwath",
            ),
            ("said Sam Khater, chief economist at Piper Sandler.", "Piper Sandler"),
            (
                "hosted by Mathias Dopfner, the CEO of Axel Springer in Berlin.",
                "Axel Springer",
            ),
            (
                "James Robenalt, an attorney with the firm Thompson Hine, said so.",
                "Thompson Hine",
            ),
        ] {
            let f = found(text);
            assert!(has(&f, body, "name:organization"), "{text}: {f:?}");
        }
        for (text, person) in [
            ("said Joe Lockhart, a spokesman for Bill Clinton.", "Bill Clinton"),
            ("said Jim Wertz, the campaign chief of Mary Smith's team.", "Jim Wertz"),
        ] {
            let f = found(text);
            assert!(f.iter().any(|m| m.0 == person && m.1 == "name:person"), "{text}: {f:?}");
        }
        for (text, chair) in [
            (
                "Alan Dershowitz is the Felix Frankfurter Professor of Law at Harvard.",
                "Felix Frankfurter",
            ),
            (
                "said Jelani Cobb, the Ira A. Lipman professor at the Columbia Journalism School.",
                "Ira A. Lipman",
            ),
        ] {
            let f = found(text);
            assert!(!f.iter().any(|m| m.0 == chair), "{text}: {f:?}");
        }
        let f = found("A new book by Yale Law professor Daniel Markovits says so.");
        assert!(f.iter().any(|m| m.0 == "Daniel Markovits"), "{f:?}");
    }

    /// A headline quoted in prose keeps its capitals; its prepositions begin
    /// no name, and a person's "of" ends theirs (a body's does not).
    #[test]
    fn headline_prepositions_and_a_person_s_of_end_names() {
        let f = found("He shared a story headlined \"Calls Grow To Remove Obama's U.S. Ambassador To Ukraine.\"");
        assert!(
            f.iter()
                .any(|m| m == &("Ukraine".into(), "known:Ukraine".into(), false)),
            "{f:?}"
        );
        assert!(!f.iter().any(|(text, _, _)| text.starts_with("To ")), "{f:?}");
        // Arabic particles join a name like "al": "el-Sisi".
        let f = found("Egyptian President Abdel Fattah el-Sisi spoke.");
        assert!(f.iter().any(|(text, _, _)| text == "Abdel Fattah el-Sisi"), "{f:?}");
        let f = found("Mayor Van Johnson of Savannah spoke.");
        let texts: Vec<&str> = f.iter().map(|(text, _, _)| text.as_str()).collect();
        assert!(texts.contains(&"Van Johnson"), "{texts:?}");
        // A body's "of" stays.
        let f = found("He spoke to the Bank of England.");
        assert!(f.iter().any(|(text, _, _)| text == "Bank of England"), "{f:?}");
    }

    /// A place ending one sentence is not the start of a body's name opening
    /// the next (a headline and its article's first line).
    #[test]
    fn a_place_joins_an_organization_only_within_its_sentence() {
        let f = found("Saab to build Cadillacs in Sweden\n\nGeneral Motors has confirmed it.");
        let texts: Vec<&str> = f.iter().map(|(text, _, _)| text.as_str()).collect();
        assert_eq!(texts, ["Saab", "Cadillacs", "Sweden", "General Motors"]);
        let f = found("He met the Russian Defence Ministry in Sweden.");
        assert!(f.iter().any(|(text, _, _)| text == "Russian Defence Ministry"));
    }

    #[test]
    fn descriptions_pronouns_and_hyphenated_names() {
        let f = found("The U.S. envoy and Kremlin leader discussed it, he said, with Neil Duncan-Jordan.");
        let kinds: Vec<&str> = f.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            kinds,
            vec![
                "desc:works_for",
                "known:United States",
                "known:Kremlin",
                "desc:leads",
                "pronoun",
                "name:person"
            ]
        );
        assert_eq!(f[5].0, "Neil Duncan-Jordan");
    }

    #[test]
    fn sentence_initial_words_and_bare_surnames() {
        let f = found("Following those meetings, Witkoff left. When asked, Mr Blair smiled.");
        assert_eq!(f[0], ("Witkoff".into(), "name:?".into(), false));
        assert_eq!(f[1], ("Blair".into(), "name:person".into(), false));
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn an_aide_to_is_an_indefinite_description() {
        let lex = Lexicon::builtin();
        let mut t = Tokenized::new("an aide to Russian President Vladimir Putin told the Interfax news agency");
        tag_tokens(&mut t, &lex);
        let m = find_mentions(&t, &lex);
        assert!(matches!(
            m[0].kind,
            MentionKind::Description {
                indefinite: true,
                relation: Relation::WorksFor,
                ..
            }
        ));
        assert_eq!(mention_text(&t, m.last().unwrap()), "Interfax news agency");
    }

    #[test]
    fn surnames_that_look_like_titles_words_or_organizations() {
        let names = |text: &str| -> Vec<(String, String)> { found(text).into_iter().map(|(a, b, _)| (a, b)).collect() };
        let p = |n: &str| (n.to_string(), "name:person".to_string());
        assert_eq!(
            names("Then Martin Luther King Jr. spoke."),
            vec![p("Martin Luther King Jr.")]
        );
        assert_eq!(names("Then Theresa May spoke."), vec![p("Theresa May")]);
        assert_eq!(names("Then Mike Bloomberg spoke."), vec![p("Mike Bloomberg")]);
        assert_eq!(
            names("Then Ursula von der Leyen, Bashar al-Assad, Elizabeth II and George H.W. Bush spoke."),
            vec![
                p("Ursula von der Leyen"),
                p("Bashar al-Assad"),
                p("Elizabeth II"),
                p("George H.W. Bush")
            ]
        );
        assert_eq!(
            names("Then Moon Jae-in met Kim Jong-un, not Donald Trump-era officials."),
            vec![
                ("Moon Jae-in".into(), "name:?".into()),
                p("Kim Jong-un"),
                p("Donald Trump")
            ]
        );
        assert_eq!(
            names("He told the Treasury Select Committee and the Treasury, and BBC News."),
            vec![
                ("He".into(), "pronoun".into()),
                ("Treasury Select Committee".into(), "name:organization".into()),
                ("Treasury".into(), "known:Treasury Department".into()),
                ("BBC News".into(), "known:BBC News".into()),
            ]
        );
        // Not a surname: at a sentence's start, or a day after the name.
        assert_eq!(names("Will Russia invade?")[0].1, "known:Russia");
        assert_eq!(names("Then Trump Monday left.")[0], ("Trump".into(), "name:?".into()));
        // A title word inside an institution's name.
        assert_eq!(
            names("He urged General Motors and Massachusetts General Hospital to act."),
            vec![
                ("He".into(), "pronoun".into()),
                ("General Motors".into(), "name:organization".into()),
                ("Massachusetts General Hospital".into(), "name:organization".into()),
            ]
        );
    }
    #[test]
    fn scraped_furniture_and_lists_are_cut_out_of_names() {
        let texts = |text: &str| -> Vec<String> { found(text).into_iter().map(|(text, _, _)| text).collect() };
        // A name said again, glued to a headline.
        let f = texts("Speaker Nancy Pelosi Nancy PelosiHouse leaders enact rules.");
        assert!(f.contains(&"Nancy Pelosi".to_string()), "{f:?}");
        assert!(!f.iter().any(|x| x.contains("Nancy Pelosi ")), "{f:?}");
        // Said again, then a headline's words not glued to it.
        let f = texts("He would eat former Vice President Joe Biden Joe Biden Parnas: U.S. ambassador removed.");
        assert!(!f.iter().any(|x| x.contains("Biden Parnas")), "{f:?}");
        assert!(f.contains(&"Joe Biden".to_string()), "{f:?}");
        let f = texts(
            "Adviser Larry Kudlow Lawrence KudlowMORE said so. He met Cory Booker Cory Anthony Booker2020 Democrats. \
             Chief of staff John Kelly John Francis KellyMORE told him.",
        );
        // (A short surname before "MORE" too: "KellyMORE".)
        assert!(
            f.contains(&"John Kelly".to_string()) && !f.iter().any(|x| x.contains("Francis")),
            "{f:?}"
        );
        assert!(
            f.contains(&"Cory Booker".to_string()) && !f.iter().any(|x| x.contains("Anthony")),
            "{f:?}"
        );
        assert!(f.contains(&"Larry Kudlow".to_string()), "{f:?}");
        assert!(
            !f.iter()
                .any(|x| x.contains(' ') && x.contains("MORE") || x.contains("2020")),
            "{f:?}"
        );
        // Names run together in a list are each a name.
        let f = texts(
            "Running are Elizabeth Warren Kamala Harris Joseph R. Biden Jr. Bernie Sanders Bill de Blasio and others.",
        );
        for name in [
            "Elizabeth Warren",
            "Kamala Harris",
            "Joseph R. Biden Jr.",
            "Bernie Sanders",
            "Bill de Blasio",
        ] {
            assert!(f.contains(&name.to_string()), "{name}: {f:?}");
        }
        // A headline run into prose: its verb ends the name and starts none.
        let f = texts("April 21: President Trump Calls Ukraine President Zelenskyy On April 21, he won.");
        assert!(f.contains(&"Trump".to_string()), "{f:?}");
        assert!(!f.iter().any(|x| x.contains("Calls")), "{f:?}");
        // Not: one name of several given names, a body's name, camel case.
        assert!(texts("John Quincy Adams spoke.").contains(&"John Quincy Adams".to_string()));
        let f = texts("Council of Economic Advisers Chairman Kevin Hassett spoke. Ron DeSantis met Mitch McConnell.");
        assert!(f.contains(&"Kevin Hassett".to_string()), "{f:?}");
        assert!(f.contains(&"Ron DeSantis".to_string()), "{f:?}");
        assert!(f.contains(&"Mitch McConnell".to_string()), "{f:?}");
        // A person's town is not part of their name; a body's "of" is.
        let f = texts(
            "Chris Turner of Grand Prairie met the Bank of England. Speaker Nancy Pelosi of Calif. said I've won.",
        );
        assert!(f.contains(&"Nancy Pelosi".to_string()), "{f:?}");
        assert!(!f.iter().any(|x| x.contains("I've")), "{f:?}");
        assert!(f.contains(&"Chris Turner".to_string()), "{f:?}");
        assert!(f.contains(&"Bank of England".to_string()), "{f:?}");
    }
    /// Names that are no person's: a title's words, English words after a
    /// title, laws, a body a title is of; and the persons they must not cost.
    #[test]
    fn titles_laws_and_bodies_are_no_persons() {
        let kinds = |text: &str| -> Vec<(String, String)> { found(text).into_iter().map(|(x, k, _)| (x, k)).collect() };
        let kind_of = |f: &[(String, String)], name: &str| {
            f.iter()
                .find(|(x, _)| x == name)
                .map(|(_, k)| k.clone())
                .unwrap_or_default()
        };
        let f = kinds(
            "The Chief Financial Officer met Director of National Intelligence Joseph Maguire at the Justice Collaborative.",
        );
        assert_eq!(kind_of(&f, "Financial Officer"), "name:?", "{f:?}");
        assert_eq!(kind_of(&f, "Joseph Maguire"), "name:person", "{f:?}");
        assert_eq!(kind_of(&f, "Collaborative"), "name:?", "{f:?}");
        let f = kinds("Lord Falconer spoke. Vice President Jeff Noel and Dow Inc. CEO Jim Fitterling met FOUR times.");
        assert_eq!(kind_of(&f, "Falconer"), "name:person", "{f:?}");
        assert_eq!(kind_of(&f, "Dow Inc."), "name:organization", "{f:?}");
        assert_eq!(kind_of(&f, "FOUR"), "name:?", "{f:?}");
        // A body a title is of; an apposition's possessive is no list.
        let f = kinds("Randy Guiler, Dollar Tree's vice president, said. Letter to Dollar Tree CEO Gary Philbin.");
        assert_eq!(kind_of(&f, "Dollar Tree"), "name:organization", "{f:?}");
        let f = kinds(
            "Acting Homeland Security Secretary Chad Wolf spoke. Shadow Constitutional Affairs Secretary Oliver Heald spoke.",
        );
        assert!(!f.iter().any(|(_, k)| k == "name:organization"), "{f:?}");
        let f = kinds("Kellyanne Conway's lawyer spoke for Planned Parenthood President Alexis McGill Johnson.");
        assert_eq!(kind_of(&f, "Kellyanne Conway"), "name:?", "{f:?}");
        assert_eq!(kind_of(&f, "Planned Parenthood"), "name:organization", "{f:?}");
        // A kind of body before its name.
        let f =
            kinds("Chinese telecom giant Huawei and the energy company Burisma met the advocacy group Public Citizen.");
        for body in ["Huawei", "Burisma", "Public Citizen"] {
            assert_eq!(kind_of(&f, body), "name:organization", "{body}: {f:?}");
        }
        // A name a title is of.
        let f = kinds("Jim Parton, from Families Need Fathers, said so. He came from Kansas City.");
        assert_eq!(kind_of(&f, "Families Need Fathers"), "name:organization", "{f:?}");
        assert_ne!(kind_of(&f, "Kansas City"), "name:organization", "{f:?}");
        // A congregation named for its church ("Bethel Lutheran").
        let f = kinds("Zion Lutheran in Worcester and Bethel Lutheran in Auburn have teamed up.");
        assert_eq!(kind_of(&f, "Bethel Lutheran"), "name:organization", "{f:?}");
        // Laws and agreements are no actors, nor the names in them.
        let f = kinds("Congress passed the Debbie Smith Reauthorization Act under the Bill of Rights.");
        assert!(
            !f.iter().any(|(x, _)| x.contains("Debbie") || x.contains("Rights")),
            "{f:?}"
        );
        // Nor wars and books; a plural of people opens no name; a name
        // ending in an English word before a lower-case title is its body.
        let f = kinds(
            "It followed the Yom Kippur War, on Yom Kippur. They read the King James Bible. They met local Newtonians Fran \
             Henderson and Joan Tyler. Pamela Karlan, Stanford Law professor, spoke.",
        );
        assert!(
            !f.iter()
                .any(|(x, _)| x.contains("Kippur") || x.contains("James") || x.contains("Newtonians")),
            "{f:?}"
        );
        assert_eq!(kind_of(&f, "Fran Henderson"), "name:person", "{f:?}");
        assert_eq!(kind_of(&f, "Stanford Law"), "name:organization", "{f:?}");
        // Before a head's lower-case title and a person's name, the body
        // headed; not before a title of another kind ("Trump aide").
        let f = kinds(
            "Aston Villa boss David O'Leary spoke. Red Sox chair Tom Werner spoke. Nancy Pelosi aide Drew Hammill spoke.",
        );
        assert_eq!(kind_of(&f, "Aston Villa"), "name:organization", "{f:?}");
        assert_eq!(kind_of(&f, "Red Sox"), "name:organization", "{f:?}");
        assert_eq!(kind_of(&f, "Nancy Pelosi"), "name:person", "{f:?}");
    }

    /// A name no list knows is a person's where it has an age, ends a
    /// quote's attribution, or says something a "she" goes on with.
    #[test]
    fn an_age_or_a_pronoun_marks_a_persons_name() {
        for text in [
            "Nassim Mimun, 40, drove the minister.",
            "Jewher Ilham said her father was in prison.",
            "\"It is over,\" said Jewher Ilham.",
        ] {
            let found = found(text);
            assert!(
                found.iter().any(|(_, kind, _)| kind == "name:person"),
                "{text}: {found:?}"
            );
        }
        for text in [
            "Jewher Ilham said the plan was over.",
            "Jewher Ilham, 2019, was a year.",
        ] {
            let found = found(text);
            assert!(
                !found.iter().any(|(_, kind, _)| kind == "name:person"),
                "{text}: {found:?}"
            );
        }
    }

    /// A ticker in brackets makes the name before it a company's and is
    /// no actor; brackets holding anything else change nothing.
    #[test]
    fn a_stock_ticker_marks_a_company() {
        let f = found("Its European rival Airbus (AIR.PA) said so, and Tesla Inc (NASDAQ: TSLA) rose.");
        assert!(has(&f, "Airbus", "name:organization"), "{f:?}");
        assert!(
            !f.iter().any(|m| matches!(m.0.as_str(), "AIR" | "PA" | "TSLA")),
            "{f:?}"
        );
        let f = found("Rival chief Jewher Ilham (AIR) said so.");
        assert!(has(&f, "Jewher Ilham", "name:person"), "{f:?}");
    }

    /// Of two words, a title's name that opens with an English word but ends
    /// in none is a person's; of more, or ending in an English word, not.
    #[test]
    fn a_titled_name_may_open_with_an_english_word() {
        let f = found("Former House Speaker Newt Gingrich said so.");
        assert!(has(&f, "Newt Gingrich", "name:person"), "{f:?}");
        let f = found("Senate President Pro Tempore Chuck Grassley said so.");
        assert!(!has(&f, "Pro Tempore Chuck Grassley", "name:person"), "{f:?}");
        let f = found("A spokesman, Planned Parenthood, said so.");
        assert!(!has(&f, "Planned Parenthood", "name:person"), "{f:?}");
    }

    /// Two names a hyphen joins are no given name and surname; "official"
    /// after a determiner, before a name that qualifies a noun, is an
    /// adjective; a title after a name still makes a list's person.
    #[test]
    fn hyphened_pairs_and_official_adjectives_make_no_person() {
        let f = found("He dealt with corporate sagas such as Renault-Nissan, and Big Tech.");
        assert!(!has(&f, "Renault-Nissan", "name:person"), "{f:?}");
        let f = found("It says so on its official Instagram page.");
        assert!(!has(&f, "Instagram", "name:person"), "{f:?}");
        let f = found("\"Both want a deal,\" said Tai Hui, Asia-Pacific chief strategist at JPMorgan.");
        assert!(!has(&f, "Asia-Pacific", "name:person"), "{f:?}");
        let f = found("Chinese senior official Lijian Zhao on March 12 said so, as did Jean-Pierre Raffarin.");
        assert!(has(&f, "Lijian Zhao", "name:person"), "{f:?}");
        assert!(has(&f, "Jean-Pierre Raffarin", "name:person"), "{f:?}");
    }

    /// A relative "who" set off after a name, or after a description set
    /// off after it, marks a person's; "which", or a plural "who are" (a
    /// team in British English), does not.
    #[test]
    fn a_relative_who_marks_a_persons_name() {
        for text in [
            "MJ Hegar, a combat veteran who narrowly lost a race, won.",
            "Yiannis Papadoyiannakis, who was head of the team, testified.",
        ] {
            let f = found(text);
            assert!(f.iter().any(|(_, kind, _)| kind == "name:person"), "{text}: {f:?}");
        }
        for text in [
            "Yiannis Papadoyiannakis, which was a firm, closed.",
            "Red Sharks Veracruz, who are badly in need of a player, lost.",
            "He is a professor at Papadoyiannakis Veracruz, who studies voters.",
            "She should meet the Papadoyiannakis Veracruz, who I don't know.",
        ] {
            let f = found(text);
            assert!(!f.iter().any(|(_, kind, _)| kind == "name:person"), "{text}: {f:?}");
        }
    }

    /// A capitalised English word before a party's known name, inside a
    /// sentence, names a body of its own; a given name or a sentence's
    /// first word does not.
    #[test]
    fn a_capitalised_word_before_a_partys_name_makes_a_body() {
        let f = found("Mr Blair told the Parliamentary Labour Party on Monday that he knew.");
        assert!(has(&f, "Parliamentary Labour Party", "name:organization"), "{f:?}");
        let f = found("Parliamentary Labour Party members met. He met Tony Labour Party.");
        assert!(
            !f.iter()
                .any(|m| m.0.contains("Parliamentary Labour") || m.0.contains("Tony Labour")),
            "{f:?}"
        );
    }

    /// After a kind of body, a capitalised English word inside a sentence
    /// is the body's name where the name ends there.
    #[test]
    fn an_english_word_after_a_kind_of_body_names_it() {
        let f = found("Dave Prentis, the leader of the public services union Unison, told the paper so.");
        assert!(has(&f, "Unison", "name:organization"), "{f:?}");
        let f = found("Neil Sroka, a spokesperson for the progressive group Democracy for America, said so.");
        assert!(!has(&f, "Democracy", "name:organization"), "{f:?}");
    }
}
