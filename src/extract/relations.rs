//! Relations: triples from titles and appositions (affiliations) and from the
//! verb, noun and prefix patterns of `data/patterns/relations.tsv`, each with its
//! modality from the cues of `data/patterns/modality.tsv`.
//!
//! There is no parser: arguments are found by position. A verb's subject is the
//! nearest actor to its left that is not a modifier and not the object of a
//! preposition; its object is the first actor to its right after the pattern's
//! link word, skipping determiners, titles and modifiers, with at most one other
//! word in between. Coordination ("X and Y met", "met X and Y") is expanded, and a
//! passive ("was received by X") swaps the roles. An argument that is an
//! unresolved reference blocks the rule rather than letting it reach further.

use crate::lexicon::{CueScope, Lexicon, Pattern, PatternKind, SurfaceKind, TITLE_START};
use crate::mentions::{
    BODY_NOUNS, COMPASS, Mention, MentionKind, WEEKDAYS, may_start_trigger, mention_str, title_here,
};
use crate::model::{ActorType, Modality, Relation};
use crate::resolve::{Entities, TitleFact, portfolio, qualifiers_in, same_side};
use crate::text::{TokenKind, Tokenized, WordList, is_closing_quote, is_opening_quote, one_of};

/// A relation found in one sentence, between two document entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Subject entity.
    pub subject: usize,
    /// The relation.
    pub relation: Relation,
    /// Object entity.
    pub object: usize,
    /// How the text states it.
    pub modality: Modality,
    /// Sentence index.
    pub sentence: usize,
    /// 0..1.
    pub confidence: f32,
    /// The rule that made it.
    pub rule: String,
}

const PREPOSITIONS: &WordList = &WordList::new(&[
    "of",
    "to",
    "from",
    "with",
    "in",
    "for",
    "by",
    "at",
    "on",
    "about",
    "against",
    "into",
    "over",
    "between",
    "after",
    "before",
    "than",
    "under",
    "toward",
    "towards",
    "among",
    "like",
    "including",
    "via",
    "without",
    "despite",
    "through",
    "across",
    "behind",
    "near",
    "amid",
    "during",
]);
/// Words that open a new clause: an object is never found beyond them.
const CLAUSE_WORDS: &WordList = &WordList::new(&[
    "whether", "if", "that", "what", "which", "who", "whom", "how", "why", "when", "where", "because", "while", "and",
    "or", "but", "not",
]);
/// Words of a verb group that may stand between a subject and its verb.
const VERB_GROUP: &WordList = &WordList::new(&[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "n't",
    "never",
    "also",
    "then",
    "later",
    "again",
    "still",
    "already",
    "first",
    "last",
    "just",
    "only",
    "even",
    "once",
    "to",
    "and",
    "or",
    "who",
    "which",
    "that",
    "both",
    "reportedly",
    "repeatedly",
    "publicly",
    "previously",
    "recently",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "'s",
    "going",
    "set",
    "due",
    "expected",
    "scheduled",
    "plans",
    "planned",
    "plan",
    "wants",
    "wanted",
    "want",
    "tried",
    "sought",
    "seeks",
    "refused",
    "declined",
    "failed",
    "agreed",
    "decided",
    "hopes",
    "hoped",
    "vowed",
    "promised",
    "threatened",
    "soon",
    "now",
    "personally",
    "himself",
    "herself",
    "themselves",
    "all",
    "each",
]);
const PARTICIPLES: &[&str] = &[
    "met", "held", "told", "struck", "sent", "hit", "led", "backed", "won", "brought",
];
const SUBORDINATORS: &WordList = &WordList::new(&["after", "before", "since", "until", "as", "than", "like"]);
const DETERMINERS: &WordList = &WordList::new(&[
    "the", "a", "an", "his", "her", "its", "their", "our", "both", "other", "fellow",
]);
const BE: &WordList = &WordList::new(&["was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"]);

fn indirect(m: &Mention) -> bool {
    matches!(
        m.kind,
        MentionKind::Pronoun { .. } | MentionKind::Description { .. } | MentionKind::OrgDescription { .. }
    )
}

fn is_person(ents: &Entities, e: usize) -> bool {
    ents.list[e].ty == ActorType::Person
}

/// The first mention starting at token `i`, if any (descriptions included).
/// Mentions are sorted by their first token.
fn mention_at(mentions: &[Mention], i: usize) -> Option<usize> {
    let p = mentions.partition_point(|m| m.first < i);
    (p < mentions.len() && mentions[p].first == i).then_some(p)
}

/// The last mention ending just before token `i`, if any.
fn mention_ending(mentions: &[Mention], i: usize) -> Option<usize> {
    // Mentions ending at `i` start before it, and none is longer than a sentence.
    let p = mentions.partition_point(|m| m.first < i);
    mentions[..p]
        .iter()
        .rev()
        .take(64)
        .position(|m| m.last == i)
        .map(|back| p - 1 - back)
}

/// The tokens of a sum of money or a count of times at `p` ("£2m", "$10
/// million", "more than $1,000", "twice"), or 0.
fn amount_len(t: &Tokenized, p: usize, end: usize) -> usize {
    if p < end && t.word(p) == "twice" {
        return 1;
    }
    let mut k = p;
    if k + 1 < end && matches!(t.word(k), "more" | "less") && t.word(k + 1) == "than" {
        k += 2;
    } else if k < end && matches!(t.word(k), "about" | "nearly" | "almost" | "over" | "some" | "roughly") {
        k += 1;
    }
    if k < end && matches!(t.raw(k), "£" | "$" | "€") {
        k += 1;
    }
    if k >= end || t.tokens()[k].kind != TokenKind::Number {
        return 0;
    }
    k += 1;
    if k < end
        && matches!(
            t.word(k),
            "million" | "billion" | "trillion" | "thousand" | "m" | "bn" | "k"
        )
    {
        k += 1;
    }
    if k < end && matches!(t.word(k), "dollars" | "pounds" | "euros") {
        k += 1;
    }
    k - p
}

/// A word written all in lower case (pass the raw token, not its folded form).
fn is_plain_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-')
}

/// Where a list introduced by "including" or "such as" starts, if one follows
/// within a few plain words of `p`.
fn including(t: &Tokenized, p: usize, end: usize) -> Option<usize> {
    let mut i = p;
    while i < end && i < p + 6 {
        match t.word(i) {
            "including" => return Some(i + 1),
            "such" if i + 1 < end && t.word(i + 1) == "as" => return Some(i + 2),
            "," => {}
            _ if is_plain_word(t.raw(i)) => {}
            _ => return None,
        }
        i += 1;
    }
    None
}

struct Ctx<'a, 't> {
    t: &'a Tokenized<'t>,
    lex: &'a Lexicon,
    mentions: &'a [Mention],
    ents: &'a Entities,
}

impl Ctx<'_, '_> {
    /// The visit an invitation's guest is to make: the place or the seat of
    /// government named after "to" right after the guest ("invited Putin to
    /// the White House"), planned.
    fn invited_to(&self, f: &Found, e: usize) -> Option<Found> {
        let t = self.t;
        let last = t.sentences[f.sentence].last;
        let range = self.sentence_mentions(f.sentence);
        let guest = self.mentions[range.clone()]
            .iter()
            .find(|m| m.first >= e && m.entity == Some(f.object))?;
        let mut p = guest.last;
        if p + 1 >= last || t.word(p) != "to" {
            return None;
        }
        p += 1 + usize::from(t.word(p + 1) == "the");
        let place = mention_at(self.mentions, p).and_then(|pi| self.mentions[pi].entity)?;
        let types = [ActorType::Place, ActorType::Organization];
        self.is_site(place, &types).then(|| {
            self.found(
                f.object,
                Relation::Visited,
                place,
                Modality::Planned,
                f.sentence,
                0.6,
                "visited.invited",
            )
        })?
    }

    /// Whether the clause after a telling verb ending at `e` says it was by
    /// phone ("told X in a phone call", "told X by phone").
    fn by_phone(&self, si: usize, e: usize) -> bool {
        let t = self.t;
        let last = t.sentences[si].last;
        // (Rarely said: a look for the noun first.)
        let end = last.min(e + 12);
        if !(e..end).any(|j| matches!(t.word(j), "phone" | "telephone" | "call")) {
            return false;
        }
        (e..end)
            .take_while(|&j| !matches!(t.word(j), "that" | ";" | ":" | "and" | "but" | "\"" | "\u{201c}"))
            .any(|j| PHONE_PHRASES.iter().any(|p| t.phrase_at(j, last, p)))
    }

    // One argument per field of `Found`: a builder would hide nothing.
    #[allow(clippy::too_many_arguments)]
    fn found(
        &self,
        subject: usize,
        relation: Relation,
        object: usize,
        modality: Modality,
        sentence: usize,
        confidence: f32,
        rule: &str,
    ) -> Option<Found> {
        (subject != object).then(|| Found {
            subject,
            relation,
            object,
            modality,
            sentence,
            confidence: (confidence * 100.0).round() / 100.0,
            rule: rule.to_string(),
        })
    }

    /// Records a title of person `e` (for descriptions to match later) and
    /// gives the affiliation it implies towards its qualifier, if it has one.
    // One argument per field of the fact and the triple: a builder would hide nothing.
    #[allow(clippy::too_many_arguments)]
    fn title_found(
        &self,
        e: usize,
        relation: Relation,
        qualifier: Option<usize>,
        (start, head): (usize, usize),
        sentence: usize,
        confidence: f32,
        rule: &str,
        facts: &mut Vec<(usize, TitleFact)>,
    ) -> Option<Found> {
        facts.push((
            e,
            TitleFact {
                head: self.t.word(head).to_string(),
                portfolio: portfolio(self.t, self.mentions, start, head),
                relation,
                qualifier,
            },
        ));
        let q = qualifier?;
        // "Zarif, who was Kerry's counterpart": one's counterpart works for
        // no one of the other side.
        if self.t.word(head) == "counterpart" && is_person(self.ents, q) {
            return None;
        }
        // "the Liberal Democrats' President Simon Hughes": a party's own head,
        // said with its possessive, leads it ("Republican President Trump" is
        // only a member).
        let owned = start > 0 && self.t.is_possessive_mark(start - 1);
        let r = if owned && relation == Relation::Leads && self.is_party(q) {
            Relation::Leads
        } else {
            self.title_relation(relation, q, head)?
        };
        self.found(e, r, q, Modality::Fact, sentence, confidence, rule)
    }

    /// The place mention `qi` says where it is, if it is one set after a
    /// place and a comma ("Osaka, Japan", "South Bend, Ind.").
    fn place_holding(&self, qi: usize) -> Option<usize> {
        let q = &self.mentions[qi];
        (q.first >= 2 && self.t.raw(q.first - 1) == ",")
            .then(|| mention_ending(self.mentions, q.first - 1))
            .flatten()
            .filter(|&pi| {
                let place = |i: usize| {
                    self.mentions[i]
                        .entity
                        .filter(|&e| self.ents.list[e].ty == ActorType::Place)
                };
                let (Some(city), Some(region)) = (place(pi), place(qi)) else {
                    return false;
                };
                crate::mentions::holds_place(self.t, self.lex, &self.mentions[pi], q)
                    // ("Louisville, Kentucky": a city the gazetteer alone knows.)
                    || matches!(self.mentions[pi].kind, MentionKind::Name { .. })
                        && self.place_country(city).is_some_and(|c| {
                            c == self.ents.list[region].name
                                || !self.is_country(region) && Some(c) == self.ents.list[region].country.as_deref()
                        })
            })
    }

    /// The country a place entity is in: the lexicon's, or the gazetteer's
    /// for a city only it knows.
    fn place_country(&self, place: usize) -> Option<&str> {
        let e = &self.ents.list[place];
        e.country.as_deref().or_else(|| self.lex.gazetteer_country(&e.name))
    }

    /// Whether an entity is a political party of the lexicon.
    fn is_party(&self, e: usize) -> bool {
        self.is_kind(e, "party")
    }

    /// Whether an entity is a country of the lexicon.
    fn is_country(&self, e: usize) -> bool {
        self.ents.list[e]
            .entry
            .is_some_and(|x| self.lex.entry(x).kind == "country")
    }

    /// Whether an entity is an organization of this lexicon kind.
    fn is_kind(&self, e: usize, kind: &str) -> bool {
        let ent = &self.ents.list[e];
        ent.ty == ActorType::Organization && ent.entry.is_some_and(|x| self.lex.entry(x).kind == kind)
    }

    /// The longest title whose last word is token `head`.
    fn title_ending(&self, head: usize) -> Option<&crate::lexicon::Title> {
        let t = self.t;
        let first = t.sentences[t.sentence_of(head)].first;
        (head.saturating_sub(3).max(first)..=head).find_map(|k| {
            let mut words = [""; 4];
            let n = head + 1 - k;
            for (j, w) in words.iter_mut().enumerate().take(n) {
                *w = t.word(k + j);
            }
            self.lex
                .title_at(&words[..n])
                .filter(|&(_, used)| used == n)
                .map(|(title, _)| title)
        })
    }

    /// The relation a title implies towards its qualifier: a person's aide works for
    /// the person even where the title would lead a country.
    fn title_relation(&self, relation: Relation, qualifier: usize, head: usize) -> Option<Relation> {
        let q = &self.ents.list[qualifier];
        // "Tory shadow home secretary David Davis": a party's post-holder is its member.
        if self.is_party(qualifier)
            && let Some(title) = self.title_ending(head)
        {
            // A modifier's downgrade ("deputy leader") stands.
            return Some(if relation != title.relation && title.party == title.relation {
                relation
            } else {
                title.party
            });
        }
        // "American writer Eric Tucker": a profession's country is where one is from.
        if q.ty == ActorType::Place
            && let Some(title) = self.title_ending(head)
            && title.place != title.relation
        {
            return Some(title.place);
        }
        // (An ally or a partner of a person is one whatever the title says of
        // bodies: "Manafort's business partner"; "a partner at Deloitte" is none.)
        if self.title_ending(head).is_some_and(|title| !title.body)
            && !(relation == Relation::AllyOf && q.ty == ActorType::Person)
        {
            return None;
        }
        match (relation, q.ty) {
            (Relation::AllyOf, _) => Some(Relation::AllyOf),
            // A stance towards anyone stays one: "a Trump supporter", "critic".
            (Relation::Supported | Relation::Criticized | Relation::Opposed, _) => Some(relation),
            (_, ActorType::Person) => Some(Relation::WorksFor),
            // A member of a country is no affiliation GUIDELINES knows.
            (Relation::MemberOf, ActorType::Place) => None,
            (r, _) => Some(r),
        }
    }
}

/// Whether a title is an envoy's "to" a country ("ambassador to Germany",
/// "envoy to Tanzania"): a post to a country serves another.
fn envoy_to_place(cx: &Ctx, head: usize, link: usize, q: usize) -> bool {
    cx.t.word(link) == "to"
        && matches!(cx.t.word(head), "ambassador" | "envoy" | "emissary" | "consul")
        && cx.ents.list[q].ty == ActorType::Place
}

/// Affiliations from titles: "Russian President Vladimir Putin", "Kirill Dmitriev,
/// head of the Russian Direct Investment Fund", "a longtime Trump ally", "American
/// teacher Marc Fogel", "Sen. John McCain, R-Ariz.". Records each title on the
/// person's entity, for descriptions to match later.
pub fn affiliations(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], ents: &mut Entities) -> Vec<Found> {
    let mut out = Vec::new();
    // "Sen. John McCain, R-Ariz.": the party a code names need not be mentioned.
    for i in 1..t.tokens().len().saturating_sub(2) {
        if matches!(t.raw(i - 1), "," | "(") && t.raw(i + 1) == "-" && t.glued(i) {
            let name = match t.raw(i) {
                "R" => "Republican Party",
                "D" => "Democratic Party",
                _ => continue,
            };
            if let Some(entry) = lex.entry_by_name(name) {
                ents.of_entry(lex, entry);
            }
        }
    }
    // "House Judiciary Chairman Jerrold Nadler": a chamber, a committee's
    // subject and a chair's title name the committee, where the lexicon knows it.
    let mut committees: Vec<(usize, usize)> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        if let MentionKind::Known { entry, .. } = m.kind
            && lex.entry(entry).kind == "legislature"
            && let Some(c) = committee_named(t, lex, m)
        {
            committees.push((mi, ents.of_entry(lex, c)));
        }
    }
    let mut facts: Vec<(usize, TitleFact)> = Vec::new();
    {
        let cx = Ctx { t, lex, mentions, ents };
        for m in mentions {
            let (MentionKind::Name { .. }, Some(e)) = (&m.kind, m.entity) else {
                continue;
            };
            if !is_person(ents, e) {
                continue;
            }
            let s = t.sentences[m.sentence];
            // Left: [qualifier['s]] [modifiers] TITLE [,] [HONORIFIC] NAME
            // ("senior Conservative MP Sir Teddy Taylor").
            let mut p = m.first;
            while p > s.first && crate::mentions::is_plain_honorific(t, lex, p - 1) {
                p -= 1;
            }
            if p > s.first && t.raw(p - 1) == "," {
                p -= 1;
            }
            // ("Former US ambassador to Russia Michael McFaul": an envoy's
            // country between the title and the name.)
            if p > s.first + 2
                && (p.saturating_sub(6).max(s.first)..p - 1).any(|j| t.word(j) == "to")
                && let Some(pi) = mention_ending(mentions, p)
                && let Some(place) = mentions[pi].entity.filter(|&q| ents.list[q].ty == ActorType::Place)
            {
                let mut to = mentions[pi].first;
                if to > s.first && t.word(to - 1) == "the" {
                    to -= 1;
                }
                if to > s.first + 1 && t.word(to - 1) == "to" && envoy_to_place(&cx, to - 2, to - 1, place) {
                    p = to - 1;
                }
            }
            // ("Saudi King Salman", "Britain's Queen Elizabeth": a royal title
            // kept in the name is a title all the same.)
            let own = p == m.first
                && t.tags[p] & TITLE_START != 0
                && lex.honorific(t.raw(p)) == Some(true)
                && title_here(t, lex, p, p + 1).is_some();
            if own {
                p += 1;
            }
            // (A title starts outside any name: "Associated Press writer" is
            // the outlet's writer, not a "press writer".)
            let title = (p.saturating_sub(6).max(s.first)..p).find_map(|k| {
                let before = mentions.partition_point(|q| q.first < k);
                if mentions[..before]
                    .iter()
                    .rev()
                    .take(8)
                    // (A definite description's words are a title's: "the
                    // former US ambassador to Russia, Michael McFaul"; not
                    // "a U.S. president, Mr. Riedel says".)
                    .any(|q| {
                        k < q.last
                            && !(own && q.first == m.first)
                            && !matches!(q.kind, MentionKind::Description { indefinite: false, .. })
                    })
                {
                    return None;
                }
                title_here(t, lex, k, p)
                    .filter(|&(used, _, _)| k + used == p)
                    .map(|(_, r, head)| (k, r, head))
            });
            if let Some((k, relation, head)) = title {
                // "Labour's election chief Alan Milburn", "Tory home affairs
                // spokesman": a portfolio's words between a body and its title.
                let mut q_end = k;
                let mut relation = relation;
                let mut j = k;
                while j > s.first
                    && k - j < 2
                    && is_plain_word(t.raw(j - 1))
                    && t.raw(j - 1).bytes().all(|b| b.is_ascii_lowercase())
                    && !t.word(j - 1).ends_with("ed")
                    // ("The Republican said President Obama": no portfolio.)
                    && !matches!(t.word(j - 1), "said" | "says" | "told" | "tells")
                    && ![PREPOSITIONS, DETERMINERS, CLAUSE_WORDS, SUBORDINATORS, VERB_GROUP]
                        .iter()
                        .any(|list| one_of(t.word(j - 1), list))
                {
                    j -= 1;
                }
                if j < k && j > s.first {
                    let owner = if t.is_possessive_mark(j - 1) { j - 1 } else { j };
                    if mention_ending(mentions, owner)
                        .is_some_and(|qi| mentions[qi].modifier || mentions[qi].possessive)
                    {
                        q_end = j;
                        // (An "election chief" heads the election, not the party.)
                        if relation == Relation::Leads {
                            relation = Relation::WorksFor;
                        }
                    }
                }
                if q_end > s.first && t.is_possessive_mark(q_end - 1) {
                    q_end -= 1;
                }
                let mut q_mention = mention_ending(mentions, q_end)
                    .filter(|&qi| !matches!(mentions[qi].kind, MentionKind::Description { .. }))
                    .filter(|&qi| mentions[qi].sentence == m.sentence)
                    // "Louisville, Kentucky Mayor Greg Fischer": the city's mayor.
                    .map(|qi| {
                        (t.word(head) == "mayor")
                            .then(|| cx.place_holding(qi))
                            .flatten()
                            .unwrap_or(qi)
                    });
                // "Lib Dem Treasury spokesman Vince Cable": a ministry after a
                // party is the party spokesman's portfolio.
                if let Some(qi) = q_mention
                    && let Some(pi) = mention_ending(mentions, mentions[qi].first)
                    && mentions[pi].entity.is_some_and(|pe| cx.is_party(pe))
                    && mentions[qi]
                        .entity
                        .is_some_and(|qe| !cx.is_party(qe) && ents.list[qe].ty == ActorType::Organization)
                {
                    q_mention = Some(pi);
                }
                // A chamber followed by its committee's subject: the committee.
                let committee = committees
                    .iter()
                    .find(|&&(ci, _)| {
                        let c = &mentions[ci];
                        c.sentence == m.sentence && c.last <= k && (c.last..k).all(|j| t.is_capitalized(j))
                    })
                    .map(|&(_, c)| c);
                // "President Vladimir V. Putin of Russia", "Mayor Van Johnson of
                // Savannah": with none before, the place a head leads or the
                // body after "of" (a place after another post is a home state:
                // "former vice president John C. Calhoun of South Carolina").
                let of_after = (m.last + 1 < s.last && t.word(m.last) == "of")
                    .then(|| mention_at(mentions, m.last + 1 + usize::from(t.word(m.last + 1) == "the")))
                    .flatten()
                    .filter(|&qi| {
                        let q = &mentions[qi];
                        !q.possessive
                            && !q.modifier
                            && matches!(q.kind, MentionKind::Known { .. } | MentionKind::Name { .. })
                            && q.entity.is_some_and(|qe| match ents.list[qe].ty {
                                ActorType::Person => false,
                                ActorType::Place => relation == Relation::Leads,
                                ActorType::Organization => true,
                            })
                    })
                    .and_then(|qi| mentions[qi].entity);
                // "pressured Ukraine to remove its top prosecutor, Viktor
                // Shokin": "its" is the body or country named last before it
                // in the sentence.
                let its = || {
                    (q_mention.is_none() && q_end > s.first && t.word(q_end - 1) == "its")
                        .then(|| {
                            mentions[..mentions.partition_point(|q| q.first < q_end - 1)]
                                .iter()
                                .rev()
                                .take_while(|q| q.sentence == m.sentence)
                                .find(|q| !q.modifier && !q.possessive)
                                // (Nothing named between: "against Rappler and
                                // its CEO" with Rappler unknown is no one's;
                                // and a name, not "the party" bound by salience.)
                                .filter(|q| matches!(q.kind, MentionKind::Known { .. } | MentionKind::Name { .. }))
                                .and_then(|q| q.entity)
                                .filter(|&qe| ents.list[qe].ty != ActorType::Person)
                        })
                        .flatten()
                };
                let qualifier = committee
                    .or_else(|| q_mention.and_then(|qi| mentions[qi].entity))
                    .or(of_after)
                    .or_else(its);
                // "French President Macron told his Iranian counterpart": a
                // leader's counterpart leads too.
                if t.word(head) == "counterpart" {
                    let mut end = q_mention.map_or(k, |qi| mentions[qi].first);
                    if end > s.first && t.word(end - 1) == "'s" {
                        end -= 1;
                    }
                    let leader = mention_ending(mentions, end)
                        .and_then(|pi| mentions[pi].entity)
                        .is_some_and(|pe| {
                            facts.iter().any(|(fe, f)| *fe == pe && f.relation == Relation::Leads)
                                || ents.list[pe].titles.iter().any(|f| f.relation == Relation::Leads)
                        });
                    if leader {
                        relation = Relation::Leads;
                    }
                }
                out.extend(cx.title_found(
                    e,
                    relation,
                    qualifier,
                    (k, head),
                    m.sentence,
                    0.85,
                    "affil.title",
                    &mut facts,
                ));
            } else if let nationality = nationality_before(&cx, m, e)
                && !nationality.is_empty()
            {
                out.extend(nationality);
            } else if let Some(f) = party_before(&cx, m, e) {
                out.push(f);
            } else if let Some((f, fact)) = title_of_before(&cx, m, e) {
                out.push(f);
                facts.push((e, fact));
            }
            // "Nigel Farage's Reform UK": a person's party is the party one leads.
            if m.possessive
                && let Some(pi) = mention_at(mentions, m.last + 1)
                && let Some(party) = mentions[pi].entity.filter(|&p| cx.is_party(p))
                && !mentions[pi].modifier
            {
                out.extend(cx.found(
                    e,
                    Relation::Leads,
                    party,
                    Modality::Fact,
                    m.sentence,
                    0.6,
                    "affil.owner",
                ));
            }
            // Right: NAME, [a|the] [modifiers] [qualifier] TITLE [of|for|at|to QUALIFIER]
            out.extend(apposition(&cx, m, e, &mut facts));
            out.extend(outlet_staff(&cx, m, e));
            out.extend(body_staff(&cx, m, e));
            out.extend(of_body(&cx, m, e));
        }
    }
    for (e, fact) in facts {
        if !ents.list[e].titles.contains(&fact) {
            ents.list[e].titles.push(fact);
        }
    }
    out
}

/// The committee a chamber's mention names with the capitalised words after
/// it, before a chair's title: "House Judiciary Chairman" is the House
/// Judiciary Committee's chairman, "Senate Foreign Relations Chairman" the
/// Senate Foreign Relations Committee's.
fn committee_named(t: &Tokenized, lex: &Lexicon, m: &Mention) -> Option<usize> {
    let end = t.sentences[m.sentence].last;
    let mut j = m.last;
    let mut words = Vec::new();
    while j < end
        && words.len() < 4
        && t.is_capitalized(j)
        && title_here(t, lex, j, end).is_none_or(|(used, r, _)| {
            // "Intelligence" may modify a title; "Chairman" is one.
            !(used == 1 && r == Relation::Leads)
        })
    {
        words.push(t.raw(j));
        j += 1;
    }
    if words.is_empty() || title_here(t, lex, j, end).is_none_or(|(_, r, _)| r != Relation::Leads) {
        return None;
    }
    let chamber = mention_str(t, m);
    let chamber = chamber.rsplit(' ').next().unwrap_or(&chamber);
    lex.entry_by_name(&format!("{chamber} {} Committee", words.join(" ")))
}

/// "the Mayor of London, Ken Livingstone", "the chairman of the Bar Council,
/// Guy Mansfield": a title and its body in front of the name, set off by a
/// comma.
fn title_of_before(cx: &Ctx, m: &Mention, e: usize) -> Option<(Found, TitleFact)> {
    let t = cx.t;
    let first = t.sentences[m.sentence].first;
    if m.first < first + 4 || t.raw(m.first - 1) != "," {
        return None;
    }
    // The body right before the comma, or the owner of an unnamed one: "the
    // spokesman for Iran's nuclear department, Behrouz Kamalvandi" works for
    // Iran.
    let (qi, owner) = match mention_ending(cx.mentions, m.first - 1) {
        Some(qi) => (qi, false),
        None => {
            let from = m.first.saturating_sub(5).max(first);
            let j = (from..m.first - 1)
                .rev()
                .take_while(|&j| is_plain_word(t.raw(j)) || t.word(j) == "'s")
                .find(|&j| t.word(j) == "'s")?;
            (
                mention_ending(cx.mentions, j).filter(|&qi| cx.mentions[qi].possessive)?,
                true,
            )
        }
    };
    let q_mention = &cx.mentions[qi];
    if !matches!(q_mention.kind, MentionKind::Known { .. } | MentionKind::Name { .. }) || q_mention.possessive != owner
    {
        return None;
    }
    let q = q_mention.entity?;
    let mut p = q_mention.first;
    if p > first && t.word(p - 1) == "the" {
        p -= 1;
    }
    if p < first + 2 || !matches!(t.word(p - 1), "of" | "for" | "at") {
        return None;
    }
    let end = p - 1;
    let (k, relation, head) = (end.saturating_sub(4).max(first)..end).find_map(|k| {
        title_here(t, cx.lex, k, end)
            .filter(|&(used, _, _)| k + used == end)
            .map(|(_, r, head)| (k, r, head))
    })?;
    // The title opens the phrase: "the chairman of ...", not "... Labour chairman of".
    if k > first && !matches!(t.word(k - 1), "the" | "a" | "an" | "," | "former") {
        return None;
    }
    // (Nor is it a list's item: "Google, Sherrod Brown, the mayor of Dayton, Beto".)
    let open = if k > first && t.word(k - 1) != "," { k - 1 } else { k };
    if list_before(cx, m.sentence, open) >= 2 {
        return None;
    }
    let r = if owner {
        Relation::WorksFor
    } else {
        cx.title_relation(relation, q, head)?
    };
    let f = cx.found(e, r, q, Modality::Fact, m.sentence, 0.75, "affil.title_of")?;
    Some((
        f,
        TitleFact {
            head: t.word(head).to_string(),
            portfolio: portfolio(t, cx.mentions, k, head),
            relation: if owner { Relation::WorksFor } else { relation },
            qualifier: Some(q),
        },
    ))
}

/// "Labour's Paul Flynn", "Democrat Kara Dansky", "Republican Mitt Romney":
/// a party named right before a person's name, with no title between, is
/// the person's.
fn party_before(cx: &Ctx, m: &Mention, e: usize) -> Option<Found> {
    let t = cx.t;
    let first = t.sentences[m.sentence].first;
    if m.first <= first {
        return None;
    }
    let end = if t.is_possessive_mark(m.first - 1) {
        m.first - 1
    } else {
        m.first
    };
    // "Democrat and feminist Kara Dansky": a party's member and another noun.
    let end = match (1..=2).find(|&n| {
        end > first + n + 1
            && t.word(end - n - 1) == "and"
            && (end - n..end).all(|j| is_plain_word(t.raw(j)) && !one_of(t.word(j), DETERMINERS))
            && mention_ending(cx.mentions, end - n - 1).is_some_and(|pi| {
                let q = &cx.mentions[pi];
                q.last == q.first + 1 && !t.raw(q.first).ends_with('s')
            })
    }) {
        Some(n) => end - n - 1,
        None => end,
    };
    let pi = mention_ending(cx.mentions, end)?;
    let party = cx.mentions[pi].entity.filter(|&p| cx.is_party(p))?;
    // (Not a list's end: "Democrats and Republicans, Kara Dansky" names none.)
    let mut start = cx.mentions[pi].first;
    if start > first && t.word(start - 1) == "the" {
        start -= 1;
    }
    let before = (start > first).then(|| t.word(start - 1));
    match before {
        Some("and" | "or" | ",") => None,
        // "For the Lib Dems David Laws said": one who speaks for the party.
        Some("for") => cx.found(
            e,
            Relation::WorksFor,
            party,
            Modality::Fact,
            m.sentence,
            0.7,
            "affil.party",
        ),
        // (After a preposition only a member's noun: "spoke with Democrat
        // Bernie Sanders", not "voted for Labour Ed Miliband".)
        Some(w)
            if one_of(w, PREPOSITIONS)
                && !matches!(
                    t.raw(cx.mentions[pi].last - 1),
                    "Democrat" | "Republican" | "Tory" | "Conservative" | "Socialist" | "Liberal"
                ) =>
        {
            None
        }
        _ => cx.found(
            e,
            Relation::MemberOf,
            party,
            Modality::Fact,
            m.sentence,
            0.7,
            "affil.party",
        ),
    }
}

/// An outlet's people: "Fox News' Tucker Carlson"; in a contributor line
/// ("Fox News' Rich Edson, John Roberts and Lucia Suarez contributed to this
/// report") every name of the list works for the outlet (GUIDELINES).
fn outlet_staff(cx: &Ctx, m: &Mention, e: usize) -> Vec<Found> {
    outlet_of_staff(cx, m)
        .and_then(|(q, confidence)| {
            cx.found(
                e,
                Relation::WorksFor,
                q,
                Modality::Fact,
                m.sentence,
                confidence,
                "affil.outlet",
            )
        })
        .into_iter()
        .collect()
}

/// The outlet a person named at `m` works for, and how sure that is, by
/// the three ways [`outlet_staff`] reads.
fn outlet_of_staff(cx: &Ctx, m: &Mention) -> Option<(usize, f32)> {
    let t = cx.t;
    let s = t.sentences[m.sentence];
    let outlet_before = |first: usize| {
        (first > s.first + 1 && t.is_possessive_mark(first - 1))
            .then(|| mention_ending(cx.mentions, first - 1))
            .flatten()
            .and_then(|qi| cx.mentions[qi].entity)
            .filter(|&q| cx.is_kind(q, "media"))
    };
    if let Some(q) = outlet_before(m.first) {
        return Some((q, 0.8));
    }
    if !(m.last..s.last).any(|i| matches!(t.word(i), "contributed" | "contributing")) {
        return None;
    }
    // A contributor line that opens with its outlet's staff ("AP writers
    // Jung-yoon Kim in Seoul; Mari Yamaguchi and Kaori Hitomi in Tokyo; …
    // contributed"): every person it names after that is the outlet's.
    let staff = cx.mentions[cx.sentence_mentions(m.sentence)]
        .iter()
        .take_while(|q| q.last < m.first)
        .filter(|q| {
            q.last < s.last
                && matches!(
                    t.word(q.last),
                    "writer" | "writers" | "reporter" | "reporters" | "correspondent" | "correspondents"
                )
        })
        .find_map(|q| q.entity.filter(|&qe| cx.is_kind(qe, "media")));
    if let Some(q) = staff {
        return Some((q, 0.75));
    }
    // Later names of a contributor line: walk back through the list to its outlet.
    let mut first = m.first;
    while first > s.first + 1 && matches!(t.word(first - 1), "," | "and") {
        let prev = &cx.mentions[mention_ending(cx.mentions, first - 1)?];
        if !prev.entity.is_some_and(|p| is_person(cx.ents, p)) {
            return None;
        }
        if let Some(q) = outlet_before(prev.first) {
            return Some((q, 0.75));
        }
        first = prev.first;
    }
    None
}

/// "War on Want's John Hilary", "the Kremlin's Dmitry Peskov": a body's
/// possessive right before a person's name is the body the person is from,
/// as "X, from Y" is (GUIDELINES). Outlets have [`outlet_staff`]; a party's
/// or a chamber's people are members, which [`party_before`] and titles say.
fn body_staff(cx: &Ctx, m: &Mention, e: usize) -> Vec<Found> {
    let t = cx.t;
    let s = t.sentences[m.sentence];
    if m.first < s.first + 2 || !t.is_possessive_mark(m.first - 1) {
        return Vec::new();
    }
    let Some(body) = mention_ending(cx.mentions, m.first - 1)
        .and_then(|qi| cx.mentions[qi].entity)
        .filter(|&q| q != e && cx.ents.list[q].ty == ActorType::Organization)
    else {
        return Vec::new();
    };
    let kind = cx.ents.list[body].entry.map(|x| cx.lex.entry(x).kind.as_str());
    if matches!(kind, Some("media" | "legislature" | "party")) {
        return Vec::new();
    }
    cx.found(
        e,
        Relation::WorksFor,
        body,
        Modality::Fact,
        m.sentence,
        0.7,
        "affil.possessive",
    )
    .into_iter()
    .collect()
}

/// "Jonathan Swan of Axios", "Freda Levenson of the American Civil Liberties
/// Union": a body named with "of" right after a person is the one the person
/// is from (GUIDELINES: "X, from Y" works for Y; a party's is a member).
fn of_body(cx: &Ctx, m: &Mention, e: usize) -> Vec<Found> {
    let t = cx.t;
    let s = t.sentences[m.sentence];
    let mut p = m.last;
    // Only "of": "Trump at the White House" is where, "removing Trump from" whence.
    if p + 1 >= s.last || t.word(p) != "of" {
        return Vec::new();
    }
    p += 1;
    if t.word(p) == "the" {
        p += 1;
    }
    let Some(qi) = mention_at(cx.mentions, p).filter(|&qi| {
        let q = &cx.mentions[qi];
        !q.modifier && matches!(q.kind, MentionKind::Known { .. } | MentionKind::Name { .. })
    }) else {
        return Vec::new();
    };
    let Some(q) = cx.mentions[qi]
        .entity
        .filter(|&q| cx.ents.list[q].ty == ActorType::Organization)
    else {
        return Vec::new();
    };
    let relation = if cx.is_party(q) {
        Relation::MemberOf
    } else {
        Relation::WorksFor
    };
    cx.found(e, relation, q, Modality::Fact, m.sentence, 0.7, "affil.of")
        .into_iter()
        .collect()
}

/// Nouns of a body named in lower case after a name that only begins it
/// ("the Commons public accounts committee", "the Treasury select committee").
const UNNAMED_BODIES: &[&str] = &[
    "committee",
    "subcommittee",
    "department",
    "ministry",
    "office",
    "agency",
    "panel",
    "caucus",
    "commission",
    "council",
    "unit",
    "team",
    "board",
];

/// Words after which a name stands in a list ("A, B and C"; "are A; B").
const LIST_MARKERS: &[&str] = &[
    ",",
    "and",
    ";",
    ":",
    "\u{2013}",
    "\u{2014}",
    "-",
    "are",
    "were",
    "including",
    "include",
    "includes",
    "included",
];

/// Group membership: "Four Labour MPs who lost the whip ... Neil Duncan-Jordan,
/// Chris Hinchliff, Brian Leishman and Rachael Maskell spoke ...". A plural
/// member title ("Labour MPs", "Republican senators"; without a qualifier, the
/// party last named) followed, in its sentence or at the start of the next two,
/// by a list of two or more people, makes each of them a member.
pub fn group_members(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], ents: &Entities) -> Vec<Found> {
    let cx = Ctx { t, lex, mentions, ents };
    let mut out = Vec::new();
    for (si, s) in t.sentences.iter().enumerate() {
        let mut k = s.first;
        while k < s.last {
            let Some((used, Relation::MemberOf, head)) = title_here(t, lex, k, s.last) else {
                k += 1;
                continue;
            };
            let after = k + used;
            if !t.word(head).ends_with('s') {
                k = after;
                continue;
            }
            // "Labour MPs", and a body's members ("shadow cabinet members").
            let qualifier = mention_ending(mentions, k)
                .and_then(|q| mentions[q].entity)
                .filter(|&q| {
                    cx.is_party(q) || (t.word(head) == "members" && cx.ents.list[q].ty == ActorType::Organization)
                });
            let (group, confidence) = match qualifier {
                Some(q) => (Some(q), 0.7),
                // "three other MPs who rebelled": the party the text is about
                // ("four candidates" may stand for anything).
                None if cx.title_ending(head).is_some_and(|title| title.body) => (
                    mentions
                        .iter()
                        .rev()
                        .filter(|m| m.last <= k && m.sentence + 3 >= si)
                        .filter_map(|m| m.entity)
                        .find(|&e| cx.is_party(e)),
                    0.55,
                ),
                None => (None, 0.0),
            };
            if let Some(g) = group {
                for list in [
                    cx.person_list(si, after, false, false),
                    cx.person_list(si + 1, 0, true, false),
                    cx.person_list(si + 2, 0, true, false),
                ] {
                    if list.len() >= 2 {
                        for (e, sentence) in list {
                            out.extend(cx.found(
                                e,
                                Relation::MemberOf,
                                g,
                                Modality::Fact,
                                sentence,
                                confidence,
                                "affil.group",
                            ));
                        }
                    }
                }
            }
            k = after;
        }
    }
    out.extend(both_members(&cx));
    out.extend(named_examples(&cx));
    out.extend(team_members(&cx));
    out.extend(members_include(&cx));
    out.extend(appointees(&cx));
    out.extend(as_posts(&cx));
    out.extend(leaders_like(&cx));
    out.extend(fellow_members(&cx));
    out
}

/// "some of Trump's fellow Republicans", "his fellow Democrats": the one
/// whose fellows a party's members are is a member too; so is one named
/// with its other members, the clause's subject ("Kennedy missed the vote,
/// along with 16 other Lib Dem MPs", "joined other Republicans in").
fn fellow_members(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for p in cx.mentions {
        // (The word before first: this runs on every mention.)
        let s = t.sentences[p.sentence];
        if p.first < s.first + 2 || !matches!(t.word(p.first - 1), "fellow" | "other") {
            continue;
        }
        let Some(party) = p.entity.filter(|&q| cx.is_party(q)) else {
            continue;
        };
        let (member, confidence) = if t.word(p.first - 1) == "fellow" {
            (fellows_owner(cx, p), 0.7)
        } else {
            (others_subject(cx, p), 0.65)
        };
        if let Some(e) = member.filter(|&e| is_person(cx.ents, e)) {
            out.extend(cx.found(
                e,
                Relation::MemberOf,
                party,
                Modality::Fact,
                p.sentence,
                confidence,
                "affil.fellow",
            ));
        }
    }
    out
}

/// Whose fellows the party's members `p` are: "his", "Trump's".
fn fellows_owner(cx: &Ctx, p: &Mention) -> Option<usize> {
    let t = cx.t;
    if !t.raw(p.last - 1).ends_with('s') {
        return None;
    }
    let owner = p.first - 2;
    if matches!(t.word(owner), "his" | "her") {
        mention_at(cx.mentions, owner).and_then(|mi| cx.mentions[mi].entity)
    } else if t.is_possessive_mark(owner) {
        mention_ending(cx.mentions, owner).and_then(|mi| cx.mentions[mi].entity)
    } else {
        None
    }
}

/// Who is named with the party's other members `p`: the clause's subject
/// before "along with [N] other" or "joined other".
fn others_subject(cx: &Ctx, p: &Mention) -> Option<usize> {
    let t = cx.t;
    let s = t.sentences[p.sentence];
    let mut k = p.first;
    if k <= s.first + 2 {
        return None;
    }
    k -= 1;
    if k > s.first && t.raw(k - 1).bytes().all(|b| b.is_ascii_digit()) {
        k -= 1;
    }
    // Members: a plural party word, or a plural member title after it.
    let plural = t.raw(p.last - 1).ends_with('s')
        || title_here(t, cx.lex, p.last, s.last)
            .is_some_and(|(_, r, head)| r == Relation::MemberOf && t.word(head).ends_with('s'));
    let joined = k >= s.first + 2 && t.word(k - 1) == "with" && t.word(k - 2) == "along"
        || k > s.first && matches!(t.word(k - 1), "joined" | "joining" | "joins");
    if !plural || !joined {
        return None;
    }
    // (The clause's subject: its first person, not the nearest name —
    // "missing the Commons vote, along with".)
    let verb = if t.word(k - 1) == "with" { k - 2 } else { k - 1 };
    cx.mentions
        .iter()
        .take_while(|m| m.first < verb)
        .filter(|m| m.sentence == p.sentence && !m.modifier)
        .find_map(|m| m.entity)
}

/// "leaders of allied countries like Germany's Angela Merkel, Canada's
/// Justin Trudeau or the U.K.'s Theresa May": heads named as examples of
/// leaders, each after a country's possessive, lead that country.
fn leaders_like(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for (si, s) in t.sentences.iter().enumerate() {
        for k in s.first..s.last {
            if !matches!(t.raw(k).len(), 7 | 8 | 10) || !matches!(t.word(k), "leaders" | "presidents" | "premiers") {
                continue;
            }
            let Some(open) = (k + 1..s.last.min(k + 8)).find(|&j| matches!(t.word(j), "like" | "including")) else {
                continue;
            };
            let from = cx.mentions.partition_point(|m| m.first <= open);
            let mut last_end = open + 1;
            for (mi, m) in cx.mentions.iter().enumerate().skip(from) {
                if m.sentence != si || m.first > last_end + 4 {
                    break;
                }
                last_end = m.last;
                // A person right after a country's possessive.
                let Some(e) = m.entity.filter(|&e| is_person(cx.ents, e)) else {
                    continue;
                };
                let Some(country) = (mi > 0 && m.first > 0 && t.is_possessive_mark(m.first - 1))
                    .then(|| mention_ending(cx.mentions, m.first - 1))
                    .flatten()
                    .and_then(|ci| cx.mentions[ci].entity)
                    .filter(|&c| cx.is_country(c))
                else {
                    continue;
                };
                out.extend(cx.found(
                    e,
                    Relation::Leads,
                    country,
                    Modality::Fact,
                    si,
                    0.6,
                    "affil.leaders_like",
                ));
            }
        }
    }
    out
}

/// Verbs and nouns before "as" that make the one serving hold the post
/// after it ("served as", "re-elected as", "his tenure as").
const SERVED_AS: &[&str] = &[
    "served",
    "serves",
    "serving",
    "serve",
    "elected",
    "re-elected",
    "reelected",
    "installed",
    "confirmed",
    "appointed",
    "named",
    "chosen",
    "remains",
    "remained",
    "remain",
    "sworn",
    "continues",
    "continued",
    "acting",
    "term",
    "tenure",
    "time",
    "stint",
    "role",
    "job",
    "years",
    "days",
    "capacity",
    "responsibilities",
];

/// "Putin won another term as president of Russia", "Grassley, who
/// previously served as the chairman of the Senate Judiciary Committee",
/// "during his tenure as head of the regulator": a post held "as" a title of
/// a body or a place (former posts count; a title with no body says
/// nothing).
fn as_posts(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for (si, s) in t.sentences.iter().enumerate() {
        for p in s.first + 1..s.last.saturating_sub(3) {
            // (The raw word's length first: this runs on every token.)
            let raw = t.raw(p).as_bytes();
            if raw.len() != 2 || !raw.eq_ignore_ascii_case(b"as") || !one_of(t.word(p - 1), SERVED_AS) {
                continue;
            }
            let mut k = p + 1;
            while k < s.last && (one_of(t.word(k), DETERMINERS) || cx.lex.title_modifier(t.word(k)).is_some()) {
                k += 1;
            }
            let Some((used, relation, head)) = title_here(t, cx.lex, k, s.last) else {
                continue;
            };
            let after = k + used;
            // (Not "to": an ambassador to Germany serves another country.)
            if after + 1 >= s.last || !matches!(t.word(after), "of" | "for" | "at") {
                continue;
            }
            let Some(body) = mention_at(cx.mentions, after + 1 + usize::from(t.word(after + 1) == "the"))
                .filter(|&bi| !cx.mentions[bi].possessive && !cx.mentions[bi].modifier)
                .and_then(|bi| cx.mentions[bi].entity)
                .filter(|&b| cx.ents.list[b].ty != ActorType::Person)
            else {
                continue;
            };
            // Who: the owner of "term", "tenure" ("his", "Putin's"), else
            // the clause's subject ("Kerry served as").
            let noun = !t.word(p - 1).ends_with("ed") && !t.word(p - 1).ends_with('s') || t.word(p - 1) == "years";
            let owner = noun
                .then(|| {
                    (p.saturating_sub(9).max(s.first + 1)..p - 1).rev().find_map(|q| {
                        if one_of(t.word(q), POSSESSIVE_PRONOUNS) {
                            Some(mention_at(cx.mentions, q).and_then(|mi| cx.mentions[mi].entity))
                        } else if t.word(q) == "whose" && q > s.first + 1 && t.raw(q - 1) == "," {
                            // "Anthony Scaramucci, whose stint as White House
                            // communications director".
                            Some(mention_ending(cx.mentions, q - 1).and_then(|mi| cx.mentions[mi].entity))
                        } else if t.is_possessive_mark(q) {
                            Some(mention_ending(cx.mentions, q).and_then(|mi| cx.mentions[mi].entity))
                        } else {
                            None
                        }
                    })
                })
                .flatten();
            // (For "won another six-year term as", the subject of the verb
            // before the noun's determiner.)
            let verb = if noun {
                (p.saturating_sub(6).max(s.first + 1)..p - 1)
                    .rev()
                    .find(|&q| one_of(t.word(q), DETERMINERS) || t.word(q) == "another")
                    .map_or(p - 1, |q| q - 1)
            } else {
                p - 1
            };
            let holder = match owner {
                Some(o) => o,
                None => cx
                    .subjects_before(verb, s.first)
                    .first()
                    .and_then(|&mi| cx.mentions[mi].entity),
            };
            let Some(e) =
                holder.filter(|&e| cx.ents.list[e].ty != ActorType::Organization || relation == Relation::MemberOf)
            else {
                continue;
            };
            if let Some(r) = cx.title_relation(relation, body, head) {
                out.extend(cx.found(e, r, body, Modality::Fact, si, 0.7, "affil.as"));
            }
        }
    }
    out
}

/// "Trump appointee Neomi Rao", "Obama-appointed Judge Reggie Walton",
/// "Srinivasan, an Obama appointee": a person's appointee was appointed by
/// them.
fn appointees(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for (qi, q) in cx.mentions.iter().enumerate() {
        let Some(boss) = q.entity.filter(|&e| is_person(cx.ents, e)) else {
            continue;
        };
        if q.possessive || !matches!(q.kind, MentionKind::Name { .. }) {
            continue;
        }
        let end = t.sentences[q.sentence].last;
        // "appointee", or "-appointed" glued on.
        let after = match q.last {
            k if k < end && matches!(t.word(k), "appointee" | "nominee") => k + 1,
            k if k + 1 < end
                && t.raw(k) == "-"
                && !t.tokens()[k].space_before
                && matches!(t.word(k + 1), "appointed" | "nominated") =>
            {
                k + 2
            }
            _ => continue,
        };
        // The person named after it, past a title or two ("Judge"), or the
        // one the phrase is set off after ("Srinivasan, an Obama appointee").
        let next = cx.mentions[qi + 1..]
            .iter()
            .take_while(|m| m.sentence == q.sentence && m.first <= after + 2)
            .find(|m| {
                m.first >= after
                    && !m.modifier
                    && (after..m.first).all(|j| title_here(t, cx.lex, j, end).is_some() || t.is_capitalized(j))
                    && m.entity.is_some_and(|e| is_person(cx.ents, e))
            })
            .and_then(|m| m.entity);
        let before = (q.first >= 3 && matches!(t.word(q.first - 1), "a" | "an") && t.raw(q.first - 2) == ",")
            .then(|| mention_ending(cx.mentions, q.first - 2))
            .flatten()
            .and_then(|pi| cx.mentions[pi].entity)
            .filter(|&e| is_person(cx.ents, e));
        for appointee in next.into_iter().chain(before) {
            out.extend(cx.found(
                boss,
                Relation::Appointed,
                appointee,
                Modality::Fact,
                q.sentence,
                0.7,
                "appointed.appointee",
            ));
        }
    }
    out
}

/// "Tribune ... when members included Yvette Cooper and Owen Smith", "the
/// Socialist Campaign Group, whose members include John McDonnell": the
/// people listed after "members include" belong to the body named last
/// before it in the sentence.
fn members_include(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for (si, s) in t.sentences.iter().enumerate() {
        for k in s.first + 1..s.last.saturating_sub(1) {
            if t.word(k) != "members" || !matches!(t.word(k + 1), "include" | "included" | "includes" | "including") {
                continue;
            }
            let Some(body) = cx.mentions[cx.sentence_mentions(si)]
                .iter()
                .rev()
                .filter(|m| m.last <= k && !m.possessive && !m.modifier)
                .filter_map(|m| m.entity)
                .find(|&b| cx.ents.list[b].ty == ActorType::Organization)
            else {
                continue;
            };
            // (Past words like "those who were close to Corbyn's leadership
            // like", and names after a preposition.)
            let from = (k + 2..s.last.min(k + 14))
                .find(|&j| {
                    mention_at(cx.mentions, j).is_some_and(|mi| {
                        let m = &cx.mentions[mi];
                        !m.modifier
                            && !m.possessive
                            && (t.word(j - 1) == "like" || !one_of(t.word(j - 1), PREPOSITIONS))
                            && m.entity.is_some_and(|e| is_person(cx.ents, e))
                    })
                })
                .unwrap_or(s.last);
            out.extend(cx.listed(si, from, Relation::MemberOf, body, "affil.group"));
        }
    }
    out
}

/// "Several Republicans, including Mitt Romney and Susan Collins", "Labour
/// MPs such as Diane Abbott", "al Qaeda, including Osama bin Laden": the
/// people given as examples of a party, a chamber or a group (or of a
/// party's members) are its members.
fn named_examples(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    let group_kind = |e: usize| {
        cx.ents.list[e].ty == ActorType::Organization
            && cx.ents.list[e]
                .entry
                .is_some_and(|x| matches!(cx.lex.entry(x).kind.as_str(), "party" | "legislature" | "group"))
    };
    // From the groups' mentions, far fewer than the tokens.
    for q in cx.mentions {
        let Some(group) = q.entity.filter(|&e| group_kind(e)) else {
            continue;
        };
        if q.possessive {
            continue;
        }
        let si = q.sentence;
        let s = t.sentences[si];
        // A party's plural, a chamber or a group ("Several Republicans,
        // including"), or a party's members ("Labour MPs such as").
        let mut end = q.last;
        if cx.is_party(group) && !t.raw(q.last - 1).ends_with('s') {
            match title_here(t, cx.lex, end, s.last) {
                Some((n, Relation::MemberOf, head)) if t.word(head).ends_with('s') => end += n,
                _ => continue,
            }
        }
        let k = end + usize::from(end < s.last && t.raw(end) == ",");
        if k + 2 >= s.last {
            continue;
        }
        let used = match t.word(k) {
            "including" | "like" => 1,
            "such" if t.word(k + 1) == "as" => 2,
            _ => continue,
        };
        // The first example right after the word, past a title or two.
        let Some(first) = cx.first_listed(si, k + used, |j, first| {
            t.is_capitalized(j)
                || matches!(t.word(j), "the" | "former" | "." | "-")
                || title_here(t, cx.lex, j, first).is_some()
        }) else {
            continue;
        };
        out.extend(cx.listed(si, first, Relation::MemberOf, group, "affil.group"));
    }
    out
}

/// "President Trump's impeachment defense team, which includes attorney Alan
/// Dershowitz and Ken Starr", "Trump's legal team, including Rudy
/// Giuliani": the people a person's or a body's team includes work for it.
fn team_members(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for q in cx.mentions.iter().filter(|q| q.possessive) {
        let Some(owner) = q.entity.filter(|&e| cx.ents.list[e].ty != ActorType::Place) else {
            continue;
        };
        let si = q.sentence;
        let s = t.sentences[si];
        // "'s [lower-case words] team|staff".
        let from = q.last + 1;
        let Some(team) = (from..s.last.min(from + 4))
            .take_while(|&j| t.tokens()[j].kind == TokenKind::Word && !t.is_capitalized(j))
            .find(|&j| matches!(t.word(j), "team" | "staff"))
        else {
            continue;
        };
        let mut k = team + 1;
        if k < s.last && t.raw(k) == "," {
            k += 1;
        }
        if k + 1 < s.last && t.word(k) == "which" {
            k += 1;
        }
        if !(k + 1 < s.last && matches!(t.word(k), "including" | "includes" | "included")) {
            continue;
        }
        // (Past a description's words only: "heavyweight attorney Alan
        // Dershowitz", not "a lawyer and met Nancy Pelosi".)
        let Some(first) = cx.first_listed(si, k + 1, |j, _| {
            (t.tokens()[j].kind == TokenKind::Word || t.raw(j) == ".")
                && !matches!(t.word(j), "and" | "or" | "but")
                && !one_of(t.word(j), PREPOSITIONS)
        }) else {
            continue;
        };
        out.extend(cx.listed(si, first, Relation::WorksFor, owner, "affil.team"));
    }
    out
}

/// "Senators Chris Coons of Delaware and Martin Heinrich of New Mexico, both
/// Democrats": a party's plural after "both" or "all" closing a list of
/// people makes each of them a member.
fn both_members(cx: &Ctx) -> Vec<Found> {
    let t = cx.t;
    let mut out = Vec::new();
    for (pi, p) in cx.mentions.iter().enumerate() {
        let Some(party) = p.entity.filter(|&q| cx.is_party(q)) else {
            continue;
        };
        let first = t.sentences[p.sentence].first;
        if p.first < first + 3
            || !matches!(t.word(p.first - 1), "both" | "all")
            || t.raw(p.first - 2) != ","
            || !t.raw(p.last - 1).ends_with('s')
        {
            continue;
        }
        // Back over the list: names, each perhaps with "of" and its place.
        let mut people = Vec::new();
        let mut end = p.first - 2;
        for q in cx.mentions[..pi].iter().rev() {
            if q.sentence != p.sentence {
                break;
            }
            if q.last > end {
                continue;
            }
            let gap = &t.tokens()[q.last..end];
            let joined = gap.is_empty() || (gap.len() == 1 && one_of(t.word(q.last), &[",", "and"]));
            let of_place = q.entity.is_some_and(|e| cx.ents.list[e].ty == ActorType::Place)
                && q.first > first
                && t.word(q.first - 1) == "of"
                && joined;
            if of_place {
                end = q.first - 1;
                continue;
            }
            match q.entity {
                Some(e) if joined && is_person(cx.ents, e) => {
                    people.push(e);
                    end = q.first;
                }
                _ => break,
            }
        }
        if people.len() >= 2 {
            for e in people {
                out.extend(cx.found(
                    e,
                    Relation::MemberOf,
                    party,
                    Modality::Fact,
                    p.sentence,
                    0.7,
                    "affil.group",
                ));
            }
        }
    }
    out
}

impl Ctx<'_, '_> {
    /// Where the first person after `from` in sentence `si` is named, if
    /// within four tokens and every token between passes `between` (given the
    /// token and that name's start): "including Sens. Mitt Romney".
    fn first_listed(&self, si: usize, from: usize, between: impl Fn(usize, usize) -> bool) -> Option<usize> {
        let first = self.mentions[self.sentence_mentions(si)]
            .iter()
            .find(|m| m.first >= from && m.entity.is_some_and(|e| is_person(self.ents, e)))?
            .first;
        (first <= from + 4 && (from..first).all(|j| between(j, first))).then_some(first)
    }

    /// `relation` to `target` for each person a list opening at `from` in
    /// sentence `si` names ("members include A and B", "Republicans,
    /// including A", "his team, including A").
    fn listed(&self, si: usize, from: usize, relation: Relation, target: usize, rule: &str) -> Vec<Found> {
        self.person_list(si, from, false, true)
            .into_iter()
            .filter_map(|(e, sentence)| self.found(e, relation, target, Modality::Fact, sentence, 0.65, rule))
            .collect()
    }

    /// The people named in list position in sentence `si` from token `from` on
    /// (with `early`, only a list that starts near the sentence's beginning).
    /// (With `opened`, the first name at `from` opens the list whatever
    /// stands before it: "members include those close to him like X and Y".)
    fn person_list(&self, si: usize, from: usize, early: bool, opened: bool) -> Vec<(usize, usize)> {
        let t = self.t;
        let Some(s) = t.sentences.get(si) else {
            return Vec::new();
        };
        let start = from.max(s.first);
        let mut out = Vec::new();
        let mut prev_end = start;
        for m in self.mentions[self.sentence_mentions(si)]
            .iter()
            .filter(|m| m.first >= start)
        {
            let (MentionKind::Name { .. }, Some(e)) = (&m.kind, m.entity) else {
                continue;
            };
            if !is_person(self.ents, e) || m.modifier {
                continue;
            }
            let listed = m.first == s.first || one_of(t.word(m.first - 1), LIST_MARKERS) || (opened && out.is_empty());
            if out.is_empty() {
                if early && m.first > s.first + 6 {
                    break;
                }
                if listed {
                    out.push((e, si));
                    prev_end = m.last;
                }
                continue;
            }
            // The list goes on only while names follow each other closely, or
            // after a relative clause closed by ";" ("A, who resigned; B").
            let gap = prev_end..m.first;
            let close = gap.len() <= 2 || gap.clone().any(|i| t.raw(i) == ";");
            if !(listed && close) {
                break;
            }
            if !out.iter().any(|&(x, _)| x == e) {
                out.push((e, si));
            }
            prev_end = m.last;
        }
        out
    }
}

/// "Russian cryptocurrency figure Alexander Vinnik": a demonym and a few plain
/// words before a name give citizenship.
fn nationality_before(cx: &Ctx, m: &Mention, e: usize) -> Vec<Found> {
    let s = cx.t.sentences[m.sentence];
    let mut p = m.first;
    let mut words = 0;
    let demonym = |qi: usize| match (&cx.mentions[qi].kind, cx.mentions[qi].entity) {
        (
            MentionKind::Known {
                surface: SurfaceKind::Demonym,
                ..
            },
            Some(c),
        ) => Some(c),
        _ => None,
    };
    while p > s.first && words <= 3 {
        let prev = p - 1;
        if let Some(qi) = mention_ending(cx.mentions, p) {
            let Some(c) = demonym(qi) else {
                return Vec::new();
            };
            let mut countries = vec![c];
            // "Lebanese-American businessman George Nader": both.
            let q = &cx.mentions[qi];
            if q.first > s.first + 1
                && cx.t.raw(q.first - 1) == "-"
                && cx.t.glued(q.first - 1)
                && let Some(other) = mention_ending(cx.mentions, q.first - 1).and_then(demonym)
                && other != c
            {
                countries.insert(0, other);
            }
            return countries
                .into_iter()
                .filter_map(|c| {
                    cx.found(
                        e,
                        Relation::CitizenOf,
                        c,
                        Modality::Fact,
                        m.sentence,
                        0.7,
                        "affil.nationality",
                    )
                })
                .collect();
        }
        let w = cx.t.raw(prev);
        // "Japan's iconic abduction victim Megumi Yokota": a country's,
        // with a plain noun between (no title: "Russia's Sergei Lavrov" may
        // be its minister).
        if words > 0
            && prev > s.first
            && matches!(cx.t.word(prev), "'s" | "\u{2019}s")
            && let Some(c) = mention_ending(cx.mentions, prev)
                .filter(|&qi| matches!(cx.mentions[qi].kind, MentionKind::Known { .. }))
                .and_then(|qi| cx.mentions[qi].entity)
                .filter(|&c| cx.is_country(c))
        {
            return cx
                .found(
                    e,
                    Relation::CitizenOf,
                    c,
                    Modality::Fact,
                    m.sentence,
                    0.65,
                    "affil.nationality",
                )
                .into_iter()
                .collect();
        }
        // Plain nouns only: "Canadian parliament condemns Trump" has a verb between.
        if !is_plain_word(w)
            || cx.lex.title_at(&[cx.t.word(prev)]).is_some()
            || !cx.lex.triggers_starting(cx.t.word(prev)).is_empty()
            || one_of(cx.t.word(prev), VERB_GROUP)
        {
            return Vec::new();
        }
        words += 1;
        p = prev;
    }
    Vec::new()
}

fn apposition(cx: &Ctx, m: &Mention, e: usize, facts: &mut Vec<(usize, TitleFact)>) -> Vec<Found> {
    let t = cx.t;
    let s = t.sentences[m.sentence];
    let mut out = Vec::new();
    let mut p = m.last;
    // "Bill Shine has been named White House deputy chief of staff", "was
    // appointed", "has become": a post stated with a verb.
    let named = [
        &["has", "been", "named"][..],
        &["has", "been", "appointed"],
        &["has", "been", "elected"],
        &["was", "named"],
        &["was", "appointed"],
        &["was", "elected"],
        &["has", "become"],
        &["is", "now"],
    ]
    .iter()
    .find(|words| p + words.len() < s.last && words.iter().enumerate().all(|(i, w)| t.word(p + i) == *w))
    .map(|words| words.len());
    if let Some(used) = named {
        out.extend(appositive(cx, m, e, p + used, facts));
        return out;
    }
    // ("Corey Lewandowski – President Donald Trump's first campaign
    // manager –": a dash sets an apposition off as a comma does.)
    if p >= s.last
        || !(matches!(t.word(p), "," | "(" | "is" | "was" | "as" | "became")
            || matches!(t.raw(p), "\u{2013}" | "\u{2014}"))
    {
        return out;
    }
    let bracket = t.word(p) == "(";
    p += 1;
    // "Jared Bernstein, who served as economic adviser to Joe Biden": a
    // relative clause that states a post.
    if t.word(p - 1) == "," && p + 1 < s.last && t.word(p) == "who" {
        // ("who had also worked as", "who previously served as", "who was
        // formerly": past adverbs of time.)
        let skip = |mut q: usize| {
            while q + 1 < s.last
                && matches!(
                    t.word(q),
                    "also" | "previously" | "formerly" | "once" | "later" | "briefly"
                )
            {
                q += 1;
            }
            q
        };
        let q = skip(p + 1);
        let next = skip(q + 1);
        let q = if next < s.last
            && (one_of(t.word(q), &["has", "had", "have"]) && t.word(next) == "been"
                || one_of(t.word(q), &["served", "serves", "worked", "works", "acted", "acts"]) && t.word(next) == "as")
        {
            next + 1
        } else if one_of(t.word(q), &["is", "was", "became", "becomes"]) {
            next
        } else if one_of(t.word(q), &["had", "has", "have"])
            && one_of(t.word(next), &["served", "worked", "acted"])
            && next + 1 < s.last
            && t.word(next + 1) == "as"
        {
            next + 2
        } else {
            return out;
        };
        if q >= s.last {
            return out;
        }
        out.extend(appositive(cx, m, e, q, facts));
        return out;
    }
    // "Sen. John McCain, R-Ariz.", "Kevin McCarthy (R-Calif.)": a US party code.
    if p + 2 < s.last && t.raw(p + 1) == "-" && t.glued(p) {
        let party = match t.raw(p) {
            "R" => Some("Republican Party"),
            "D" => Some("Democratic Party"),
            _ => None,
        };
        if let Some(q) = party.and_then(|name| cx.ents.list.iter().position(|x| x.name == name))
            && let Some(f) = cx.found(
                e,
                Relation::MemberOf,
                q,
                Modality::Fact,
                m.sentence,
                0.8,
                "affil.party_code",
            )
        {
            out.push(f);
        }
        return out;
    }
    // "he attacked Obama, Google, Sherrod Brown, the mayor of Dayton, Beto":
    // in a list of three or more, what follows a comma is the next item.
    if bracket || list_before(cx, m.sentence, m.first) >= 2 {
        return out;
    }
    out.extend(appositive(cx, m, e, p, facts));
    out
}

/// "deputy secretary of State under President Barack Obama", "an official
/// at the State Department under President George W. Bush": a post held
/// under a person is held for that person (GUIDELINES: works_for). Looks
/// from `from`, the post's end, to the clause's next comma.
fn served_under(cx: &Ctx, e: usize, si: usize, from: usize) -> Option<Found> {
    let t = cx.t;
    let end = t.sentences[si].last;
    let mut j = (from..end.min(from + 8))
        .take_while(|&j| is_plain_word(t.raw(j)))
        .find(|&j| t.word(j) == "under")?
        + 1;
    // Past "the", "then-", "former" and a title to the name.
    for _ in 0..4 {
        if j >= end || mention_at(cx.mentions, j).is_some() {
            break;
        }
        if matches!(t.word(j), "the" | "then" | "-") || cx.lex.title_modifier(t.word(j)).is_some() {
            j += 1;
        } else if let Some((used, _, _)) = title_here(t, cx.lex, j, end) {
            j += used;
        } else {
            return None;
        }
    }
    let q = &cx.mentions[mention_at(cx.mentions, j)?];
    // ("under Obama's first secretary of State": the one served is named later.)
    let boss = q.entity.filter(|&b| !q.possessive && is_person(cx.ents, b))?;
    cx.found(e, Relation::WorksFor, boss, Modality::Fact, si, 0.7, "affil.under")
}

/// How many actors (up to two) stand in a comma list right before token
/// `start` of sentence `si` ("Obama, Google, | Sherrod Brown": two).
fn list_before(cx: &Ctx, si: usize, mut start: usize) -> usize {
    let t = cx.t;
    let first = t.sentences[si].first;
    for n in 0..2 {
        if start < first + 2 || t.raw(start - 1) != "," {
            return n;
        }
        match mention_ending(cx.mentions, start - 1) {
            Some(pi)
                if cx.mentions[pi].entity.is_some() || matches!(cx.mentions[pi].kind, MentionKind::Name { .. }) =>
            {
                start = cx.mentions[pi].first;
            }
            _ => return n,
        }
    }
    2
}

/// Past "the" and a lower-case description of a body ending in one of
/// BODY_NOUNS ("the audit and consulting firm"), where a capitalised name
/// follows it; else `p` itself.
fn past_body_description(t: &Tokenized, p: usize, end: usize) -> usize {
    let start = p + usize::from(p < end && t.word(p) == "the");
    let mut j = start;
    while j < end && j < start + 5 && is_plain_word(t.raw(j)) {
        if j + 1 < end && t.is_capitalized(j + 1) && one_of(t.word(j), BODY_NOUNS) {
            return j + 1;
        }
        j += 1;
    }
    start
}

/// The organization named at `p`, past "the" and a description of it.
fn body_at(cx: &Ctx, p: usize) -> Option<usize> {
    let at = past_body_description(cx.t, p, cx.t.sentences[cx.t.sentence_of(p)].last);
    mention_at(cx.mentions, at)
        .filter(|&bi| !matches!(cx.mentions[bi].kind, MentionKind::Pronoun { .. }))
        .and_then(|bi| cx.mentions[bi].entity)
        .filter(|&b| cx.ents.list[b].ty == ActorType::Organization)
}

/// One to three lower-case words naming a portfolio right before a title at
/// `p` ("arms control official", "campaigns director"): how many, if so.
/// Not verbs, adverbs or function words ("said spokesman X" holds no
/// portfolio).
fn portfolio_words(cx: &Ctx, p: usize, end: usize) -> Option<usize> {
    let t = cx.t;
    for n in 1..=3 {
        let j = p + n - 1;
        if j >= end
            || !is_plain_word(t.raw(j))
            || t.raw(j).len() < 3
            || one_of(t.word(j), VERB_GROUP)
            || one_of(t.word(j), PORTFOLIO_STOPS)
            || t.word(j).ends_with("ed")
            || t.word(j).ends_with("ly")
            || title_here(t, cx.lex, j, end).is_some()
        {
            return None;
        }
        if title_here(t, cx.lex, j + 1, end).is_some() {
            return Some(n);
        }
    }
    None
}

/// Whether a mention names a body: a known organization, or a name ending
/// in a body's head word ("Center for Strategic Studies").
fn is_body_name(cx: &Ctx, q: &Mention) -> bool {
    match q.kind {
        MentionKind::Known { entry, .. } => cx.lex.entry(entry).actor_type == ActorType::Organization,
        _ => cx.lex.name_head(cx.t.raw(q.last - 1)) == Some(ActorType::Organization),
    }
}

/// Whether a body's name is a broadcast's ("Today programme", "Jeremy Vine
/// show"), whatever list knows it.
fn is_programme(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| matches!(w, "programme" | "program" | "show" | "Show"))
}

/// Heads of titles that lead a state or a town: what follows them with "at"
/// is where they are, not a body they serve.
const STATE_TITLES: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "emir",
    "sultan",
    "governor",
    "mayor",
    "leader",
    "secretary",
];

/// Words that end a description rather than name a portfolio.
const PORTFOLIO_STOPS: &[&str] = &[
    "and",
    "but",
    "who",
    "which",
    "that",
    "whose",
    "with",
    "for",
    "from",
    "said",
    "says",
    "told",
    "added",
    "then",
    "now",
    "also",
    "not",
    "its",
    "his",
    "her",
    "their",
    "our",
    "your",
    "one",
    "two",
    "three",
    "longtime",
    "top",
    "according",
    "being",
    "having",
    "whom",
];

/// An apposition's content from token `p` on: "[a|the] [modifiers]
/// [qualifier] TITLE [of|for|at|to QUALIFIER]", "California Democrat", "an
/// American teacher"; and a second one after "and" ("New York Democrat and
/// chairman of the House Foreign Affairs Committee").
fn appositive(cx: &Ctx, m: &Mention, e: usize, mut p: usize, facts: &mut Vec<(usize, TitleFact)>) -> Vec<Found> {
    let t = cx.t;
    let s = t.sentences[m.sentence];
    let mut out = Vec::new();
    // "Jim Parton, from Families Need Fathers", "Oliver Finegold, of the
    // Evening Standard newspaper": a body one is from (GUIDELINES: works_for;
    // a party's member).
    // "Shahid Malik, who is on Labour's ruling NEC": a seat on a body (and
    // its party's membership).
    if p + 1 < s.last && t.word(p) == "on" {
        let mut q = p + 1 + usize::from(t.word(p + 1) == "the");
        if let Some(oi) = mention_at(cx.mentions, q).filter(|&oi| cx.mentions[oi].possessive) {
            if let Some(o) = cx.mentions[oi].entity.filter(|&o| cx.is_party(o)) {
                out.extend(cx.found(e, Relation::MemberOf, o, Modality::Fact, m.sentence, 0.7, "affil.from"));
            }
            q = cx.mentions[oi].last + 1;
        }
        while q < s.last && is_plain_word(t.raw(q)) && q < p + 6 {
            q += 1;
        }
        if let Some(b) = body_at(cx, q).filter(|&b| !cx.is_party(b)) {
            out.extend(cx.found(e, Relation::MemberOf, b, Modality::Fact, m.sentence, 0.7, "affil.from"));
        }
        return out;
    }
    if p + 1 < s.last && matches!(t.word(p), "from" | "of") {
        if let Some(b) = body_at(cx, p + 1) {
            let relation = if cx.is_party(b) {
                Relation::MemberOf
            } else {
                Relation::WorksFor
            };
            out.extend(cx.found(e, relation, b, Modality::Fact, m.sentence, 0.7, "affil.from"));
        }
        return out;
    }
    if p < s.last && matches!(t.word(p), "a" | "an" | "the") {
        p += 1;
    }
    let content = p;
    let mut qualifier = None;
    let mut outer = Vec::new();
    let mut demonym = None;
    // A post over part of a body ("China director at Human Rights Watch",
    // "campaigns director at Greenpeace", "vice chairman for Greater China at
    // Credit Suisse") is a post in it, not its head.
    let mut portfolio = false;
    while p < s.last {
        // (A name first: "New" of "New York Democrat" is no title's "new".)
        let named =
            mention_at(cx.mentions, p).filter(|&qi| !matches!(cx.mentions[qi].kind, MentionKind::Description { .. }));
        // "President Donald Trump's first campaign manager": a titled owner.
        let titled_owner = title_here(t, cx.lex, p, s.last)
            .and_then(|(used, _, _)| mention_at(cx.mentions, p + used))
            .filter(|&oi| cx.mentions[oi].possessive && cx.mentions[oi].entity.is_some());
        if named.is_none() && cx.lex.title_modifier(t.word(p)).is_some() && title_here(t, cx.lex, p, s.last).is_none() {
            p += 1;
        } else if let Some(oi) = titled_owner.filter(|_| named.is_none()) {
            outer.extend(qualifier);
            qualifier = cx.mentions[oi].entity;
            p = cx.mentions[oi].last + 1;
        } else if let Some(qi) = named {
            let q = &cx.mentions[qi];
            if matches!(
                q.kind,
                MentionKind::Known {
                    surface: SurfaceKind::Demonym,
                    ..
                }
            ) {
                demonym = q.entity;
            }
            outer.extend(qualifier);
            qualifier = q.entity;
            p = q.last + usize::from(q.possessive);
        } else if let Some(words) = portfolio_words(cx, p, s.last) {
            // "a former arms control official", "campaigns director".
            portfolio = true;
            p += words;
        } else {
            break;
        }
    }
    if let Some((used, relation, head)) = title_here(t, cx.lex, p, s.last) {
        let mut after = p + used;
        // "Russia's Vladimir Putin, U.S. President Donald Trump said": a title
        // followed by a name belongs to that name, not to ours.
        if after < s.last
            && mention_at(cx.mentions, after).is_some_and(|n| matches!(cx.mentions[n].kind, MentionKind::Name { .. }))
        {
            return out;
        }
        // A party or place before a title whose body follows it: the title is
        // of that body. "the Republican chairman of the Senate Foreign
        // Relations Committee" makes a party member; "China director at Human
        // Rights Watch" is a portfolio, with no affiliation to China.
        if let Some(q) =
            qualifier.filter(|&q| (cx.is_party(q) || cx.ents.list[q].ty == ActorType::Place) && outer.is_empty())
            && after + 1 < s.last
            && matches!(t.word(after), "of" | "for" | "at")
            && mention_at(cx.mentions, after + 1 + usize::from(t.word(after + 1) == "the"))
                .and_then(|qi| cx.mentions[qi].entity)
                .is_some_and(|b| cx.ents.list[b].ty == ActorType::Organization)
        {
            qualifier = None;
            if cx.is_party(q) {
                out.extend(cx.found(e, Relation::MemberOf, q, Modality::Fact, m.sentence, 0.8, "affil.party"));
            } else if demonym.is_none() {
                portfolio = true;
            }
        }
        if qualifier.is_none()
            && after < s.last
            && matches!(t.word(after), "of" | "for" | "at" | "to" | "from" | "in" | "with")
        {
            let after_link = after;
            after += 1;
            // "adviser to former Vice President Joe Biden": past articles,
            // modifiers and a title, to the one served.
            for _ in 0..6 {
                if after >= s.last || mention_at(cx.mentions, after).is_some() {
                    break;
                }
                if matches!(t.word(after), "the" | "a" | "an") || cx.lex.title_modifier(t.word(after)).is_some() {
                    after += 1;
                } else if let Some((used, _, _)) = title_here(t, cx.lex, after, s.last) {
                    after += used;
                } else {
                    break;
                }
            }
            after = past_body_description(t, after, s.last);
            // "chairman of the Commons public accounts committee": the
            // committee named in lower case after its chamber.
            if let Some(qi) = mention_at(cx.mentions, after)
                && let Some(ci) = mention_at(cx.mentions, cx.mentions[qi].last)
                && cx.mentions[ci]
                    .entity
                    .is_some_and(|c| cx.ents.list[c].ty == ActorType::Organization)
                && one_of(t.word(cx.mentions[ci].last - 1), UNNAMED_BODIES)
            {
                after = cx.mentions[ci].first;
            }
            qualifier = mention_at(cx.mentions, after)
                .filter(|&qi| {
                    !matches!(
                        cx.mentions[qi].kind,
                        MentionKind::Description { .. } | MentionKind::Pronoun { .. }
                    )
                })
                // "chairman of the Commons public accounts committee": the
                // name only begins the body's.
                .filter(|&qi| {
                    let end = cx.mentions[qi].last;
                    !(end..s.last.min(end + 4))
                        .take_while(|&j| is_plain_word(t.raw(j)))
                        .any(|j| one_of(t.word(j), UNNAMED_BODIES))
                })
                .and_then(|qi| cx.mentions[qi].entity)
                // ("ambassador to Germany", "envoy to Tanzania": a post to a
                // country serves another.)
                .filter(|&q| !envoy_to_place(cx, head, after_link, q));
            // "… for Greater China at Credit Suisse", "director of research at
            // the Brookings Institution": the portfolio, then the body.
            // (Not a head of state's: "president of Ukraine at the UN" is where.)
            let portfolio_end = match mention_at(cx.mentions, after) {
                // (A place or a region, not a body: "a fellow at the Center
                // for Strategic Studies at Victoria University" is the Center's.)
                Some(qi)
                    if qualifier.is_some_and(|q| cx.ents.list[q].ty != ActorType::Person)
                        && !is_body_name(cx, &cx.mentions[qi])
                        && !one_of(t.word(head), STATE_TITLES) =>
                {
                    Some(cx.mentions[qi].last)
                }
                Some(_) => None,
                // Plain words after "of", "for" or "in" ("head of research
                // at", "a senior fellow in governance studies at"), or a
                // region no mention names ("for Greater China at"); not
                // "adviser in communication with Kremlin spies".
                None if matches!(t.word(after_link), "of" | "for" | "in") => Some(
                    (after..s.last.min(after + 4))
                        .find(|&j| {
                            t.word(j) == "at"
                                || t.word(j) == "with" && t.word(after_link) != "in"
                                || !(is_plain_word(t.raw(j))
                                    || t.is_capitalized(j) && mention_at(cx.mentions, j).is_none())
                        })
                        .unwrap_or(after),
                ),
                None => Some(
                    (after..s.last.min(after + 3))
                        .find(|&j| !is_plain_word(t.raw(j)))
                        .unwrap_or(after),
                ),
            };
            if let Some(j) = portfolio_end.filter(|&j| j + 1 < s.last && matches!(t.word(j), "at" | "with")) {
                // (A body not known here still ends the portfolio's claim.)
                qualifier = body_at(cx, j + 1);
                portfolio = true;
            }
        }
        // ("Scotland's nationalist first minister" leads Scotland.)
        let relation = if portfolio && relation == Relation::Leads && !one_of(t.word(head), STATE_TITLES) {
            Relation::WorksFor
        } else {
            relation
        };
        out.extend(served_under(cx, e, m.sentence, p + used));
        if let Some(f) = cx.title_found(
            e,
            relation,
            qualifier,
            (content, head),
            m.sentence,
            0.8,
            "affil.apposition",
            facts,
        ) {
            out.push(f);
            // "the White House National Trade Council director": the outer body employs.
            for o in outer {
                if cx.ents.list[o].ty != ActorType::Place {
                    out.extend(cx.found(
                        e,
                        Relation::WorksFor,
                        o,
                        Modality::Fact,
                        m.sentence,
                        0.7,
                        "affil.apposition",
                    ));
                }
            }
        }
    } else if let Some(q) = qualifier.filter(|&q| cx.is_party(q))
        && (p >= s.last
            || matches!(t.word(p), "," | "." | ";" | ")" | "who" | "on" | "in" | "and")
            // "Christopher Smith, Republican of New Jersey": the state after.
            || (t.word(p) == "of"
                && mention_at(cx.mentions, p + 1)
                    .and_then(|pi| cx.mentions[pi].entity)
                    .is_some_and(|pl| cx.ents.list[pl].ty == ActorType::Place)))
    {
        // "Barbara Lee, California Democrat", "Eliot Engel, the top Democrat on
        // the committee": a party's member.
        out.extend(cx.found(e, Relation::MemberOf, q, Modality::Fact, m.sentence, 0.8, "affil.party"));
        if p + 1 < s.last && t.word(p) == "and" {
            out.extend(appositive(cx, m, e, p + 1, facts));
        }
        // "… on the House Judiciary Committee": and a member of that body.
        if p + 1 < s.last
            && t.word(p) == "on"
            && let Some(b) = mention_at(cx.mentions, p + 1 + usize::from(t.word(p + 1) == "the"))
                // (Not "the U.S. House of Representatives Foreign Affairs
                // Committee": the body's name goes on.)
                .filter(|&bi| {
                    let b = &cx.mentions[bi];
                    let goes_on = |j: usize| j < s.last && t.is_capitalized(j);
                    !(b.possessive
                        || b.modifier
                        || goes_on(b.last)
                        || (b.last < s.last && t.word(b.last) == "of" && goes_on(b.last + 1)))
                })
                .and_then(|bi| cx.mentions[bi].entity)
                .filter(|&b| cx.ents.list[b].ty == ActorType::Organization && !cx.is_party(b))
        {
            out.extend(cx.found(
                e,
                Relation::MemberOf,
                b,
                Modality::Fact,
                m.sentence,
                0.75,
                "affil.party",
            ));
        }
    } else if let Some(c) = demonym {
        // "Marc Fogel, an American teacher": nationality.
        if p < s.last
            && t.raw(p).chars().all(char::is_lowercase)
            && let Some(f) = cx.found(
                e,
                Relation::CitizenOf,
                c,
                Modality::Fact,
                m.sentence,
                0.7,
                "affil.nationality",
            )
        {
            out.push(f);
        }
    }
    out
}

/// Affiliations given by descriptions bound to a person: "an aide to Russian
/// President Vladimir Putin" → (aide, works_for, Vladimir Putin); "the U.S. envoy"
/// → (envoy, works_for, United States).
pub fn description_affiliations(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], ents: &mut Entities) -> Vec<Found> {
    let mut out = Vec::new();
    let mut facts = Vec::new();
    {
        let cx = Ctx { t, lex, mentions, ents };
        for m in mentions {
            let (
                MentionKind::Description {
                    relation,
                    head,
                    indefinite,
                },
                Some(e),
            ) = (&m.kind, m.entity)
            else {
                continue;
            };
            let s = t.sentences[m.sentence];
            // A definite description bound by salience alone ("the president
            // of Ukraine" taken for the article's Trump) says nothing new of
            // its person; one set off right after the name does ("Peter
            // Navarro, the White House trade council director").
            let apposition = m.first > s.first + 1
                && t.raw(m.first - 1) == ","
                && mention_ending(mentions, m.first - 1).and_then(|pi| mentions[pi].entity) == Some(e)
                && list_before(&cx, m.sentence, m.first) < 2;
            // Nor one that continues the last sentence's subject as the post
            // in a body that none of that person's titles names ("Nigel
            // Farage will promise … The Reform UK leader will give", bound
            // so by `resolve_references`): that says the post.
            let continued = !indefinite
                && crate::resolve::subject_slot(t, m).is_some()
                && crate::resolve::is_body_post(ents, &qualifiers_in(mentions, m.first, m.last))
                && !ents.list[e].titles.iter().any(|f| f.head == t.word(*head));
            if !indefinite && !apposition && !continued {
                continue;
            }
            let mut quals = qualifiers_in(mentions, m.first, m.last);
            let mut targeted = false;
            // "a California Republican": a party's member, of nothing else.
            if let Some(party) = mention_at(mentions, *head)
                .and_then(|qi| mentions[qi].entity)
                .filter(|&q| cx.is_party(q))
            {
                out.extend(cx.found(
                    e,
                    Relation::MemberOf,
                    party,
                    Modality::Fact,
                    m.sentence,
                    0.75,
                    "affil.description",
                ));
                continue;
            }
            // "an aide to X", "head of X" (not "ambassador to Russia": a post
            // to a country serves another)
            if m.last < s.last && matches!(t.word(m.last), "to" | "of" | "for" | "at") {
                let at = |j: usize| j < s.last && matches!(t.word(j), "at" | "with");
                let target = mentions
                    .iter()
                    .filter(|q| q.first > m.last && q.first <= m.last + 4 && !q.modifier && q.sentence == m.sentence)
                    .find(|q| !matches!(q.kind, MentionKind::Pronoun { .. }))
                    // ("the head of state at Camp David": where, not whose.)
                    .filter(|q| !(m.last + 1..q.first).any(at))
                    // ("a vice chairman for Asia at Goldman Sachs": a
                    // portfolio; the apposition names the body.)
                    .filter(|q| !(at(q.last) && q.entity.is_some_and(|p| ents.list[p].ty == ActorType::Place)))
                    .and_then(|q| q.entity)
                    .filter(|&q| !envoy_to_place(&cx, *head, m.last, q));
                // "China director at Human Rights Watch": a country named
                // (not a demonym) before a title of a body is a portfolio.
                if target.is_some_and(|b| ents.list[b].ty == ActorType::Organization) {
                    let inside = mentions.partition_point(|x| x.first < m.first);
                    let countries: Vec<usize> = mentions[inside..]
                        .iter()
                        .take_while(|x| x.first < m.last)
                        .filter(|x| {
                            x.last <= m.last
                                && matches!(
                                    x.kind,
                                    MentionKind::Known {
                                        surface: SurfaceKind::Name,
                                        ..
                                    }
                                )
                        })
                        .filter_map(|x| x.entity)
                        .filter(|&q| ents.list[q].ty == ActorType::Place)
                        .collect();
                    quals.retain(|q| !countries.contains(q));
                }
                targeted = target.is_some();
                quals.extend(target);
            }
            // ("the committee's Democratic chairman": a party's word before the
            // title says whose member one is; the post is the body's.)
            let last_qualifier = quals
                .iter()
                .rev()
                .find(|&&q| ents.list[q].ty == ActorType::Organization && !cx.is_party(q))
                .filter(|_| !targeted && quals.last().is_some_and(|&q| cx.is_party(q)))
                .or(quals.last())
                .copied();
            // "The Scottish Conservative leader": a place before a party names
            // the party's branch, not an employer.
            // (Not "Minnesota's Democratic attorney general": a possessive
            // place is the one served.)
            let inside = mentions.partition_point(|x| x.first < m.first);
            let branch: Vec<usize> = mentions[inside..]
                .windows(2)
                .take_while(|w| w[1].last <= m.last)
                .filter(|w| !w[0].possessive && w[0].last == w[1].first)
                .filter_map(|w| w[0].entity.zip(w[1].entity))
                .filter(|&(place, party)| ents.list[place].ty == ActorType::Place && cx.is_party(party))
                .map(|(place, _)| place)
                .collect();
            for q in quals {
                if branch.contains(&q) {
                    continue;
                }
                // "a Republican member of the committee": of the party, a member.
                let relation = if Some(q) == last_qualifier {
                    relation
                } else if cx.is_party(q) {
                    &Relation::MemberOf
                } else {
                    &Relation::WorksFor
                };
                // "the Kremlin leader" for Putin repeats "Russian President": nothing new.
                let known = ents.list[e]
                    .titles
                    .iter()
                    .any(|f| f.qualifier.is_some_and(|fq| same_side(ents, fq, q)));
                if !indefinite && known {
                    continue;
                }
                facts.push((
                    e,
                    TitleFact {
                        head: t.word(*head).to_string(),
                        portfolio: portfolio(t, mentions, m.first, *head),
                        relation: *relation,
                        qualifier: Some(q),
                    },
                ));
                if let Some(r) = cx.title_relation(*relation, q, *head)
                    && let Some(f) = cx.found(e, r, q, Modality::Fact, m.sentence, 0.7, "affil.description")
                {
                    out.push(f);
                }
            }
        }
    }
    for (e, fact) in facts {
        if !ents.list[e].titles.contains(&fact) {
            ents.list[e].titles.push(fact);
        }
    }
    out
}

/// "since they first met in New York", "when they meet at the Group of 20
/// meeting in Argentina", "their one-on-one meeting in Helsinki", "the talks
/// they started in Helsinki": a "they" who meet are the two people named
/// before it in its sentence (filled in from the sentence before if fewer;
/// none if three or more), and both are where they meet. The patterns read
/// a "he" or "she" only; a meeting needs two.
pub fn pair_meetings(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], ents: &Entities) -> Vec<Found> {
    let cx = Ctx { t, lex, mentions, ents };
    let mut out = Vec::new();
    // From the places, far fewer than the tokens: "in [the] PLACE", then
    // back through the clause to the meeting word and its "they" or "their".
    for pm in mentions {
        let Some(place) = pm.entity.filter(|&p| ents.list[p].ty == ActorType::Place) else {
            continue;
        };
        let si = pm.sentence;
        let s = t.sentences[si];
        let mut link = pm.first;
        if link > s.first && t.word(link - 1) == "the" {
            link -= 1;
        }
        if link < s.first + 3 || t.word(link - 1) != "in" {
            continue;
        }
        let link = link - 1;
        // The meeting word after "they" (past a few adverbs and
        // auxiliaries), or after "their" (past adjectives): "when they meet
        // at the Group of 20 meeting in Argentina" is the first "meet".
        let they = |meet: usize| {
            (meet.saturating_sub(3).max(s.first)..meet).rev().find(|&k| {
                t.word(k) == "they"
                    && !matches!(t.word(meet), "summit" | "talks")
                    && (k + 1..meet).all(|j| t.tokens()[j].kind == TokenKind::Word && !one_of(t.word(j), PREPOSITIONS))
            })
        };
        let their = |meet: usize| {
            (meet.saturating_sub(4).max(s.first)..meet).rev().find(|&k| {
                t.word(k) == "their"
                    && matches!(t.word(meet), "meeting" | "summit" | "talks")
                    && (k + 1..meet).all(|j| t.tokens()[j].kind == TokenKind::Word || t.raw(j) == "-")
            })
        };
        let Some((meet, k)) = (link.saturating_sub(8).max(s.first)..link)
            .rev()
            .take_while(|&j| !matches!(t.raw(j), "," | ";" | ":") && !one_of(t.word(j), RELATIVES))
            .filter(|&j| {
                matches!(
                    t.word(j),
                    "met" | "meet" | "meets" | "meeting" | "summit" | "talks" | "held" | "started" | "began"
                )
            })
            .find_map(|j| they(j).or_else(|| their(j)).map(|k| (j, k)))
        else {
            continue;
        };
        // "held", "started", "began": only of talks or a meeting named
        // right before "they" ("the talks they started").
        if matches!(t.word(meet), "held" | "started" | "began") && !(k > s.first && one_of(t.word(k - 1), GATHERINGS)) {
            continue;
        }
        // The two: the people named before "they" in its sentence, if
        // two (three or more make a group the "they" may be part of); if
        // fewer, the last named in the sentence before fill in.
        let mut pair: Vec<usize> = Vec::new();
        let before = mentions.partition_point(|m| m.first < k);
        for m in mentions[..before].iter().rev() {
            if m.sentence + 1 < si || m.sentence < si && pair.len() >= 2 {
                break;
            }
            if let Some(e) = m.entity.filter(|&e| is_person(ents, e))
                && !pair.contains(&e)
            {
                pair.push(e);
            }
        }
        let [a, b] = pair[..] else { continue };
        let modality = cx.modality(si, k, meet);
        for e in [a, b] {
            out.extend(cx.found(e, Relation::Visited, place, modality, si, 0.55, "visited.pair"));
        }
        if matches!(t.word(meet), "met" | "meet" | "meets" | "meeting" | "summit") {
            out.extend(cx.found(a, Relation::Met, b, modality, si, 0.55, "met.pair"));
        }
    }
    out
}

/// How a telling is said to be by phone.
const PHONE_PHRASES: &[&[&str]] = &[
    &["by", "phone"],
    &["by", "telephone"],
    &["on", "the", "phone"],
    &["over", "the", "phone"],
    &["in", "a", "phone", "call"],
    &["in", "a", "telephone", "call"],
    &["during", "a", "phone", "call"],
    &["in", "a", "call"],
];

/// Triples from the relation patterns.
pub fn patterns(t: &Tokenized, lex: &Lexicon, mentions: &[Mention], ents: &Entities) -> Vec<Found> {
    let cx = Ctx { t, lex, mentions, ents };
    let mut covered = vec![false; t.tokens().len()];
    for m in mentions {
        // (Not a capitalised word opening a sentence that no one is:
        // "Appearing on BBC Radio 4's Today programme, Mr Malik" opens with
        // a trigger.)
        if matches!(m.kind, MentionKind::Known { .. } | MentionKind::Name { .. })
            && (m.entity.is_some() || m.last > m.first + 1 || m.first != t.sentences[m.sentence].first)
        {
            covered[m.first..m.last].iter_mut().for_each(|c| *c = true);
        }
    }
    let mut out = Vec::new();
    // The patterns whose longest trigger fits at a position; one list for the
    // whole document, not one allocated per trigger word.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (si, s) in t.sentences.iter().enumerate() {
        let mut k = s.first;
        while k < s.last {
            if covered[k] || !may_start_trigger(t, k) {
                k += 1;
                continue;
            }
            // Every trigger starting here, the longest first ("called for X's
            // resignation" before "call"): the patterns of the longest that
            // finds something make the triples.
            candidates.clear();
            for &(pi, ti) in lex.triggers_starting(t.word(k)) {
                if lex.patterns()[pi].kind == PatternKind::Locative {
                    continue;
                }
                let trig = &lex.patterns()[pi].triggers[ti];
                if t.phrase_at(k, s.last, trig) && !candidates.contains(&(trig.len(), pi)) {
                    candidates.push((trig.len(), pi));
                }
            }
            candidates.sort_unstable_by_key(|&(len, pi)| (std::cmp::Reverse(len), pi));
            let mut best_len = 0;
            // One pattern per trigger, but telling someone and what they were
            // told to do are two triples: "told ABC that Trump should" spoke
            // to ABC and urged Trump.
            let mut told = false;
            for &(len, pi) in &candidates {
                if best_len > len {
                    break;
                }
                let pat = &lex.patterns()[pi];
                if told && pat.kind != PatternKind::Complement {
                    continue;
                }
                let found = match pat.kind {
                    // "told his Iranian counterpart, Hassan Rouhani, in a phone
                    // call": a telling by phone is a call.
                    PatternKind::Verb if pat.relation == Relation::SpokeTo && cx.by_phone(si, k + len) => {
                        let mut found = cx.apply_verb(pat, si, k, k + len);
                        for f in &mut found {
                            f.relation = Relation::Called;
                        }
                        found
                    }
                    // "inviting Putin to the White House": the one invited is
                    // to come there.
                    PatternKind::Verb if pat.relation == Relation::Invited => {
                        let mut found = cx.apply_verb(pat, si, k, k + len);
                        let visits: Vec<Found> = found.iter().filter_map(|f| cx.invited_to(f, k + len)).collect();
                        found.extend(visits);
                        found
                    }
                    PatternKind::Verb => cx.apply_verb(pat, si, k, k + len),
                    // The verb's reading with the roles turned round.
                    PatternKind::Received => {
                        let mut found = cx.apply_verb(pat, si, k, k + len);
                        for f in &mut found {
                            std::mem::swap(&mut f.subject, &mut f.object);
                        }
                        found
                    }
                    PatternKind::Noun => cx.apply_noun(pat, si, k, k + len),
                    PatternKind::Prefix => cx.apply_prefix(pat, si, k, k + len),
                    PatternKind::Complement => cx.apply_complement(pat, si, k, k + len),
                    // Found from their link word, below.
                    PatternKind::Locative => Vec::new(),
                };
                if !found.is_empty() {
                    best_len = len;
                    out.extend(found);
                    if pat.relation != Relation::SpokeTo || told {
                        break;
                    }
                    told = true;
                }
            }
            // (Past the trigger that made triples, else one word on.)
            let best_len = if best_len > 0 {
                best_len
            } else {
                candidates.first().map_or(1, |c| c.0)
            };
            k += best_len.max(1);
        }
    }
    // Locative patterns start from the places, far fewer than the tokens.
    let locatives: Vec<usize> = (0..lex.patterns().len())
        .filter(|&p| lex.patterns()[p].kind == PatternKind::Locative)
        .collect();
    if !locatives.is_empty() {
        for pm in 0..mentions.len() {
            cx.locatives(pm, &locatives, &mut out);
        }
        let theres = cx.place_theres();
        if !theres.is_empty() {
            for &pi in &locatives {
                cx.there(pi, &theres, &mut out);
            }
        }
    }
    out
}

/// Verbs whose object is a guest, where the host is (not "host", "hosts":
/// mostly a presenter, "Fox News host Laura Ingraham").
const HOSTS: &[&str] = &["hosted", "hosting", "welcomed", "welcoming", "received", "greeted"];

/// Adverbs of time and degree without "-ly" that stand in a verb group.
const ADVERBS: &[&str] = &[
    "long", "also", "still", "already", "often", "once", "again", "just", "even", "ever", "always", "later", "earlier",
    "now", "then", "too", "first", "soon",
];

/// Verbs that a noun trigger carries the meaning of: "made remarks", "gave a
/// speech", "held talks".
const LIGHT_VERBS: &[&str] = &[
    "made",
    "make",
    "makes",
    "making",
    "gave",
    "give",
    "gives",
    "giving",
    "delivered",
    "delivers",
    "held",
    "holds",
    "took",
    "takes",
];

const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their", "my", "our", "your"];

/// Parts of a site one can stand in: "on the lawn of the White House", "on
/// the steps of the Capitol".
const SITE_PARTS: &[&str] = &[
    "lawn",
    "steps",
    "grounds",
    "gates",
    "halls",
    "floor",
    "corridors",
    "premises",
    "compound",
    "courtyard",
];

/// Whether the words from a sentence's start up to `k` open it with a
/// preposition and a determiner ("In remarks", "At a news conference",
/// "During his visit"): a phrase whose subject is the clause's after it.
fn opening_phrase(t: &Tokenized, first: usize, k: usize) -> bool {
    k > first
        && k <= first + 3
        && matches!(t.word(first), "in" | "at" | "during" | "after" | "before" | "following")
        && (first + 1..k).all(|j| matches!(t.word(j), "a" | "an" | "the" | "his" | "her" | "their" | "its"))
}

/// Plural nouns for a body's or a country's people who act for it when
/// named as a group with it ("U.S. officials", "EU leaders").
const GROUP_AGENTS: &[&str] = &[
    "officials",
    "leaders",
    "diplomats",
    "negotiators",
    "authorities",
    "ministers",
    "lawmakers",
    "legislators",
    "senators",
    "envoys",
    "delegates",
    "prosecutors",
    "investigators",
    "regulators",
    "forces",
    "troops",
    "commanders",
];

/// Words between a body's name and its group of people ("U.S. military
/// officials", "Iranian government officials").
const GROUP_KINDS: &[&str] = &[
    "military",
    "intelligence",
    "government",
    "administration",
    "security",
    "defense",
    "defence",
    "health",
    "trade",
    "foreign",
    "state",
    "party",
    "campaign",
    "embassy",
];

/// Nouns naming a kind of body right before its name ("the broadcaster
/// NHK", "the think tank Chatham House"): skipped on the way to an object.
const CLASSIFIERS: &[&str] = &[
    "broadcaster",
    "newspaper",
    "network",
    "channel",
    "agency",
    "website",
    "magazine",
    "outlet",
    "daily",
    "tabloid",
    "paper",
    "podcast",
    "programme",
    "program",
    "show",
    "group",
    "party",
    "union",
    "committee",
    "thinktank",
    "tank",
    "company",
    "firm",
    "organisation",
    "organization",
    "charity",
    "campaign",
    "body",
    "service",
];

/// Relations whose object may be an actor's act or words: criticism of "the
/// UK's rebate" is criticism of the UK (GUIDELINES), agreeing with "Dr Fox's
/// view" agrees with Fox, while backing "Labour's plans" supports a policy,
/// no actor.
const EVALUATIONS: &[Relation] = &[
    Relation::Criticized,
    Relation::Praised,
    Relation::AgreedWith,
    Relation::Opposed,
];

/// Nouns of an actor's acts, plans and words: judging "the Tory plans"
/// judges the Tories.
const ACTS: &[&str] = &[
    "plan",
    "plans",
    "proposal",
    "proposals",
    "policy",
    "policies",
    "remarks",
    "comments",
    "claims",
    "statement",
    "statements",
    "decision",
    "move",
    "approach",
    "record",
    "budget",
    "sums",
    "figures",
    "manifesto",
    "government",
    "leadership",
    "handling",
    "response",
    "tactics",
    "strategy",
    "push",
    "bid",
];

/// Verbs that undo what the noun after them names.
const UNDOING: &[&str] = &[
    "lift", "lifts", "lifted", "lifting", "ease", "eases", "eased", "easing", "remove", "removes", "removed",
    "removing", "drop", "dropped", "dropping", "end", "ended", "ending", "relief", "waive", "waived", "waiving",
];

/// Nouns naming a kind of place before its name ("the city of Basra").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "resort",
    "port",
    "capital",
    "region",
    "province",
    "state",
    "county",
    "district",
    "island",
    "islands",
    "enclave",
    "territory",
    "area",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "borough",
];

/// Words that open a relative clause, which a presence word does not reach
/// across ("meetings that occurred in Seychelles").
/// Verbs whose subject does what their object does ("joined Blunkett in
/// a visit").
const JOINING: &WordList = &WordList::new(&[
    "join",
    "joins",
    "joined",
    "joining",
    "accompany",
    "accompanies",
    "accompanied",
    "accompanying",
]);

/// Gatherings a place can be named after ("the G-7 summit in Biarritz").
const GATHERINGS: &WordList = &WordList::new(&[
    "summit",
    "meeting",
    "meetings",
    "talks",
    "conference",
    "forum",
    "rally",
    "gathering",
    "ceremony",
    "session",
    "assembly",
    "convention",
    "congress",
    "games",
    "funeral",
    "parade",
    "celebrations",
    "commemorations",
]);
const RELATIVES: &WordList = &WordList::new(&["that", "which", "who", "whom", "where", "when", "whose"]);

/// How far before its place a locative pattern's trigger may stand: "spoke
/// to reporters on Monday in Aspen", not the whole sentence.
const LOCATIVE_REACH: usize = 10;

/// Words between a presence word and its place that tie the place to
/// something else than being there ("was born in", "is based in").
const NOT_PRESENCE: &WordList = &WordList::new(&[
    "born",
    "raised",
    "grew",
    "based",
    "lives",
    "lived",
    "living",
    "headquartered",
    "elected",
    "educated",
    "buried",
    "died",
    "killed",
    "represents",
    "represented",
    "representing",
    "invested",
    "investment",
    "investments",
    "stake",
    "interests",
    "war",
    "shooting",
    "shootings",
    "attack",
    "attacks",
    "election",
    "elections",
    "protests",
    "operations",
    "troops",
    "forces",
    "embassy",
    "consulate",
    "office",
    "offices",
    "sanctions",
    "against",
]);

impl Ctx<'_, '_> {
    /// The mentions of sentence `si`, as an index range (mentions are sorted by
    /// position, so a sentence's are contiguous).
    fn sentence_mentions(&self, si: usize) -> std::ops::Range<usize> {
        let s = self.t.sentences[si];
        let lo = self.mentions.partition_point(|m| m.first < s.first);
        let hi = self.mentions.partition_point(|m| m.first < s.last);
        lo..hi
    }

    /// Whether an actor the pattern may take as its object starts within
    /// a few words after its trigger (past its link, where one is required).
    fn object_ahead(&self, pat: &Pattern, e: usize, last: usize) -> bool {
        let start = match self.link_after(pat, e, last) {
            Some(p) => p,
            None if pat.link_required => return false,
            None => e,
        };
        let from = self.mentions.partition_point(|m| m.first < start);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.first < last && m.first < start + 12)
            .any(|m| m.entity.is_some_and(|o| self.type_ok(o, &pat.object_types)))
    }

    fn type_ok(&self, e: usize, types: &[ActorType]) -> bool {
        types.contains(&self.ents.list[e].ty)
    }

    fn sentence(&self, si: usize) -> (usize, usize) {
        let s = self.t.sentences[si];
        (s.first, s.last)
    }

    /// The argument mentions starting at token `p`: skips determiners, titles and
    /// modifiers (and `budget` other words), then takes the first actor and the
    /// actors coordinated with it. Returns the entities and the mentions used.
    fn objects_from(&self, mut p: usize, end: usize, mut budget: usize) -> Vec<usize> {
        let t = self.t;
        let mut out = Vec::new();
        let mut steps = 0;
        while p < end && steps < 10 {
            steps += 1;
            if let Some(mi) = mention_at(self.mentions, p) {
                let m = &self.mentions[mi];
                // "on Fox News's “Hannity”", "on CNN's 'State of the Union'": a
                // programme named in quotes is its outlet's.
                let programme = m.possessive
                    && m.entity.is_some()
                    && m.last + 1 < end
                    && (matches!(t.raw(m.last + 1).chars().next(), Some('“' | '"' | '‘' | '\''))
                        // "told BBC One's Breakfast with Frost programme",
                        // "BBC Radio 4's Today programme": a programme named
                        // after its outlet is the outlet's; the outlet is the
                        // node (not its people: "MSNBC's Rachel Maddow").
                        || matches!(m.kind, MentionKind::Known { entry, .. } if self.lex.entry(entry).kind == "media")
                            && mention_at(self.mentions, m.last + 1).is_some_and(|pi| {
                                let p = &self.mentions[pi];
                                matches!(p.kind, MentionKind::Name { .. })
                                    && p.entity.is_none_or(|pe| self.ents.list[pe].ty != ActorType::Person)
                            }));
                if m.modifier && !programme {
                    p = m.last + usize::from(m.possessive);
                    continue;
                }
                let Some(e) = m.entity else { return out };
                out.push(mi);
                let _ = e;
                // Coordination: ", Y and Z".
                let mut q = m.last;
                loop {
                    let mut r = q;
                    let mut joined = false;
                    let mut conjunction = false;
                    while r < end && matches!(t.word(r), "," | "and" | "or") {
                        joined = true;
                        conjunction |= t.word(r) != ",";
                        r += 1;
                    }
                    if !joined {
                        break;
                    }
                    // "visited Osaka, Japan": the place a place is in (a
                    // modifier of it, see `mentions::contained_places`).
                    if r == q + 1
                        && let Some(ni) = mention_at(self.mentions, r)
                        && out.last().is_some_and(|&pi| self.place_holding(ni) == Some(pi))
                    {
                        out.push(ni);
                        q = self.mentions[ni].last;
                        continue;
                    }
                    // skip determiners, titles and modifiers before the next actor
                    let mut guard = 0;
                    while r < end && guard < 8 {
                        guard += 1;
                        if one_of(t.word(r), DETERMINERS) {
                            r += 1;
                        } else if let Some((used, _, _)) = title_here(t, self.lex, r, end) {
                            r += used;
                        } else if let Some(ni) = mention_at(self.mentions, r).filter(|&ni| self.mentions[ni].modifier) {
                            r = self.mentions[ni].last + usize::from(self.mentions[ni].possessive);
                        } else {
                            break;
                        }
                    }
                    match mention_at(self.mentions, r) {
                        // A bare comma joins a list only if the list goes on:
                        // "with CNN, Zarif continued" is no list.
                        Some(ni)
                            if self.mentions[ni].entity.is_some()
                                && !self.mentions[ni].modifier
                                && (conjunction
                                    || self.mentions[ni].last < end
                                        && matches!(t.word(self.mentions[ni].last), "," | "and" | "or")
                                    // (A list of three or more may end without "and".)
                                    || out.len() >= 2
                                        && (self.mentions[ni].last >= end
                                            || matches!(t.word(self.mentions[ni].last), "." | ";"))) =>
                        {
                            out.push(ni);
                            q = self.mentions[ni].last;
                        }
                        // An item that is no actor, in a list that goes on
                        // ("attacked Obama, Google, the mayor of Dayton,
                        // Beto"): passed over.
                        _ => match self.list_item_end(r, end) {
                            Some(next) => q = next,
                            None => break,
                        },
                    }
                }
                return out;
            }
            let w = t.word(p);
            let described = past_body_description(t, p, end);
            if described > p + 1 && mention_at(self.mentions, described).is_some() {
                // "contacted the conciliation service Acas": a body's
                // description before its name.
                p = described;
            } else if one_of(w, DETERMINERS) || crate::mentions::is_plain_honorific(t, self.lex, p) {
                p += 1;
            } else if matches!(t.raw(p), "\"" | "\u{201c}" | "\u{2018}") && mention_at(self.mentions, p + 1).is_some() {
                // "told \"Fox News Sunday\"": a programme in quotes.
                p += 1;
            } else if let Some((used, _, _)) = title_here(t, self.lex, p, end) {
                p += used;
                // "the party's chief whip, Jonathan Reynolds"
                if p + 1 < end && t.raw(p) == "," && mention_at(self.mentions, p + 1).is_some() {
                    p += 1;
                }
            } else if budget > 0
                && is_plain_word(t.raw(p))
                && !one_of(w, PREPOSITIONS)
                && !one_of(w, CLAUSE_WORDS)
                && !(w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            {
                // One adjective may stand before the object ("met visiting Premier Li");
                // a plural noun is an object itself ("told reporters Trump ...").
                budget -= 1;
                p += 1;
            } else if one_of(w, CLASSIFIERS) && p + 1 < end && mention_at(self.mentions, p + 1).is_some() {
                // "told Japanese public broadcaster NHK": the kind of body before its name.
                p += 1;
            } else if matches!(w, "some" | "many" | "several" | "most" | "all")
                && p + 1 < end
                && mention_at(self.mentions, p + 1).is_some()
            {
                // "criticized by some Democrats": part of a group is the group's.
                p += 1;
            } else if let Some(after) = including(t, p, end) {
                // "other world leaders, including French President Emmanuel Macron"
                p = after;
                budget = 0;
            } else if w == ","
                && steps > 1
                && out.is_empty()
                && let Some(ni) = mention_at(self.mentions, p + 1)
                && self.mentions[ni].entity.is_some()
                && self.mentions[ni].last < end
                && matches!(t.word(self.mentions[ni].last), ",")
            {
                // "attacked the media, Obama, Google…": a list whose first
                // item is no actor.
                p += 1;
            } else {
                return out;
            }
        }
        out
    }

    /// Where a list item that names no actor ends, if the list goes on after
    /// it with "," "and" or "or": a few plain or capitalised words ("the
    /// media", "the mayor of Dayton", "Google").
    fn list_item_end(&self, r: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let mut j = r;
        while j < end && j < r + 5 && !matches!(t.word(j), "," | "and" | "or") {
            let raw = t.raw(j);
            let wordy = raw
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.'));
            if !wordy
                || one_of(t.word(j), CLAUSE_WORDS)
                || (j > r && one_of(t.word(j), PREPOSITIONS) && t.word(j) != "of")
            {
                return None;
            }
            j += 1;
        }
        (j > r && j < end && matches!(t.word(j), "," | "and" | "or")).then_some(j)
    }

    /// The subject mentions of a trigger at `k`: the nearest actor to the left that
    /// is not a modifier or a preposition's object, with those coordinated with it.
    fn subjects_before(&self, k: usize, first: usize) -> Vec<usize> {
        let t = self.t;
        let mut out = Vec::new();
        let range = self.sentence_mentions(self.t.sentence_of(k));
        let Some(mut idx) = self.mentions[range.clone()]
            .iter()
            .rposition(|m| m.last <= k)
            .map(|i| range.start + i)
        else {
            return out;
        };
        // A short bracket closing right before the verb ("Mitt Romney (R-Utah)
        // walks"): the names inside it are no subjects.
        let mut c = k;
        while c > first && one_of(t.word(c - 1), VERB_GROUP) {
            c -= 1;
        }
        // "the 28 EU leaders agreed with Britain", "Iranian officials denied":
        // a body's or a country's people, named as a group right before the
        // verb, act for it (not after a preposition: "a memo to U.S. officials").
        if c > first + 1 && one_of(t.word(c - 1), GROUP_AGENTS) {
            let mut j = c - 1;
            if j > first + 1 && one_of(t.word(j - 1), GROUP_KINDS) {
                j -= 1;
            }
            if let Some(pi) = mention_ending(self.mentions, j).filter(|&pi| {
                let p = &self.mentions[pi];
                let start = self.np_start(p.first, first);
                p.first >= first
                    && !p.possessive
                    // (A body or a country; not a site: "Capitol Hill lawmakers".)
                    && p.entity.is_some_and(|e| self.ents.list[e].ty == ActorType::Organization || self.is_country(e))
                    && !(start > first && one_of(t.word(start - 1), PREPOSITIONS))
            }) {
                out.push(pi);
                return out;
            }
        }
        let bracket = (c > first + 1 && t.raw(c - 1) == ")")
            .then(|| {
                (c.saturating_sub(10).max(first)..c - 1)
                    .rev()
                    .find(|&j| t.raw(j) == "(")
            })
            .flatten()
            .map(|open| (open, c - 1));
        loop {
            let m = &self.mentions[idx];
            if m.first < first {
                return out;
            }
            if bracket.is_some_and(|(open, close)| m.first > open && m.last <= close) {
                if idx == 0 {
                    return out;
                }
                idx -= 1;
                continue;
            }
            // A clause boundary between the candidate and the trigger ends the
            // search; a short bracket right after a name does not ("Sen. Lindsey
            // Graham (R-S.C.) said").
            let from = self.after_bracket(m.last, k);
            if (from..k).any(|j| matches!(t.raw(j), ";" | ":" | "\u{2014}" | "(" | ")")) {
                return out;
            }
            let before = self.np_start(m.first, first);
            // "criticized from Democrats and Republicans in Washington for
            // siding": the second of two joined by "and" stands where the
            // first does ("after May and Major criticised" too).
            let mut opening = before;
            while opening > first + 1
                && matches!(t.word(opening - 1), "and" | "or")
                && let Some(pi) = mention_ending(self.mentions, opening - 1)
                && self.mentions[pi].first >= first
            {
                opening = self.np_start(self.mentions[pi].first, first);
            }
            // "after Trump fired X": after a subordinator right before its verb, a
            // name is a clause's subject, not a preposition's object.
            let clause_subject = opening > first && one_of(t.word(opening - 1), SUBORDINATORS) && k - m.last <= 3
                // "with election coordinator Alan Milburn accusing Mr Howard":
                // "with" opens a clause whose -ing verb follows its subject.
                // (So does "of": "a photo of Carlson interviewing Trump".)
                || opening > first
                    && matches!(t.word(opening - 1), "with" | "of")
                    && k == m.last
                    && t.word(k).ends_with("ing")
                // "including from Benjamin Netanyahu, who long has described
                // Iran as a threat": a relative "who" right after the name
                // makes it its clause's subject, whatever governs the name.
                // (A person's, set off: "a professor at NYU who", "an aide
                // to President Trump who was fired" are the noun's before.)
                || k <= m.last + 6
                    && m.last + 1 < k
                    && t.raw(m.last) == ","
                    && t.word(m.last + 1) == "who"
                    && m.entity.is_some_and(|e| is_person(self.ents, e));
            let in_pp = opening > first && one_of(t.word(opening - 1), PREPOSITIONS) && !clause_subject;
            // "Labour MPs have criticised X": a party's members, named as a
            // group (a description no one person is), act for the party.
            if m.entity.is_none()
                && !in_pp
                && m.last <= k
                && title_here(t, self.lex, m.last - 1, m.last)
                    .is_some_and(|(_, r, head)| r == Relation::MemberOf && t.word(head).ends_with('s'))
                && (m.last..k).all(|i| one_of(t.word(i), VERB_GROUP) || t.word(i).ends_with("ly"))
                && let Some(pi) = (range.start..range.end).find(|&pi| {
                    let p = &self.mentions[pi];
                    p.last <= m.last
                        && (p.last == m.first || p.first >= m.first)
                        && p.entity.is_some_and(|e| self.is_party(e))
                })
            {
                out.push(pi);
                return out;
            }
            // (A description can enclose the trigger's position; it is no subject.)
            if m.modifier || in_pp || m.last > k || k - m.last > 25 {
                if idx == 0 {
                    return out;
                }
                idx -= 1;
                continue;
            }
            // "an -ing clause" takes the main clause's subject, whatever stands
            // between; so does a trigger in an adjunct ("downplayed fears during
            // an appearance in Switzerland", "with a rally in Tulsa").
            let participle = t.word(k).ends_with("ing");
            // (A noun after "during an", "with a"; not "to" before a verb.)
            let adjunct = k > first + 1 && one_of(t.word(k - 1), DETERMINERS) && one_of(t.word(k - 2), PREPOSITIONS);
            // "An EPA spokesperson told The Hill": an unnamed spokesman or
            // official speaks for the body named in the description.
            if m.entity.is_none()
                && matches!(m.kind, MentionKind::Description { indefinite: true, .. })
                && k - m.last <= 3
                && let Some(body) = (idx + 1..range.end)
                    .take_while(|&bi| self.mentions[bi].last <= m.last)
                    .find(|&bi| {
                        !indirect(&self.mentions[bi])
                            && self.mentions[bi]
                                .entity
                                .is_some_and(|e| self.ents.list[e].ty == ActorType::Organization)
                    })
            {
                out.push(body);
                return out;
            }
            if m.entity.is_none() || (!participle && !adjunct && self.generic_subject_between(m.last, k)) {
                return out;
            }
            // "the Tsunami which struck": a relative pronoun's antecedent is the
            // subject, so it must be this mention.
            if let Some(r) = (m.last..k)
                .rev()
                .take(4)
                .find(|&r| matches!(t.word(r), "who" | "which" | "that"))
                && !(r == m.last || (r == m.last + 1 && t.raw(m.last) == ","))
            {
                return out;
            }
            // "Trump has blamed the Fed for slowing growth and has criticized
            // Powell": a verb joined by "and" shares the first verb's subject;
            // the name right after that verb is its object.
            // So does an -ing clause after a comma ("suspended Velikova, a
            // reporter, saying she had").
            // (An apposition's description stands for the name before it.)
            let before = match mention_ending(self.mentions, m.first.saturating_sub(1)) {
                Some(ni)
                    if matches!(m.kind, MentionKind::Description { .. })
                        && m.first > first + 1
                        && t.raw(m.first - 1) == ","
                        && self.mentions[ni].entity == m.entity =>
                {
                    self.np_start(self.mentions[ni].first, first)
                }
                _ => before,
            };
            if ((c..k).any(|j| t.word(j) == "and") || participle && k > first && t.raw(k - 1) == ",")
                && before > first
                && is_plain_word(t.raw(before - 1))
                && t.raw(before - 1).bytes().all(|b| b.is_ascii_lowercase())
                && ![PREPOSITIONS, DETERMINERS, CLAUSE_WORDS, SUBORDINATORS, VERB_GROUP]
                    .iter()
                    .any(|list| one_of(t.word(before - 1), list))
            {
                return self.subjects_before(before - 1, first);
            }
            // "Deborah Birx, the White House task force coordinator, told": a
            // name inside an apposition is no subject; the one it describes is.
            out.push(self.apposition_head(idx, k, first).unwrap_or(idx));
            break;
        }
        // "The United States stands firmly with the United Kingdom in
        // condemning Russia", "joined together with the United Kingdom in
        // accusing Russia": the one stood with does it too.
        if k > first + 2
            && t.word(k - 1) == "in"
            && t.word(k).ends_with("ing")
            && let Some(wi) = mention_ending(self.mentions, k - 1)
            && !out.contains(&wi)
            && self.mentions[wi].entity.is_some()
            && {
                let start = self.np_start(self.mentions[wi].first, first);
                start > first && t.word(start - 1) == "with"
            }
        {
            out.push(wi);
        }
        // "Blair is to join Blunkett in a visit to Sheffield": one who joins
        // or accompanies someone does what they do.
        let m = &self.mentions[out[0]];
        let before = self.np_start(m.first, first);
        if before > first
            && one_of(t.word(before - 1), JOINING)
            && (m.last..k).all(|j| !one_of(t.word(j), CLAUSE_WORDS))
        {
            for j in self.subjects_before(before - 1, first) {
                if !out.contains(&j) {
                    out.push(j);
                }
            }
        }
        // "X and Y", "X, Y and Z" before the subject.
        let mut cur = out[0];
        let mut seen_and = false;
        loop {
            let m = &self.mentions[cur];
            // "Defence Minister Sergei Shoigu and Deputy Defence Minister Yuri
            // Borisov": the list joins noun phrases, titles and all.
            let mut p = self.np_start(m.first, first);
            let mut joined = false;
            while p > first && matches!(t.word(p - 1), "," | "and") {
                joined = true;
                seen_and |= t.word(p - 1) == "and";
                p -= 1;
            }
            // "In Moscow, Putin met": a bare comma joins no subjects.
            if !joined || !seen_and {
                break;
            }
            match mention_ending(self.mentions, p) {
                // "in Helsinki, Trump and Putin met": a preposition's object joins no subjects.
                Some(pi)
                    if self.mentions[pi].entity.is_some()
                        && !self.mentions[pi].modifier
                        && !self.after_preposition(pi, first) =>
                {
                    out.push(pi);
                    cur = pi;
                }
                // "the U.S. envoy and Kremlin leader": a description ends at its title.
                _ => match self
                    .mentions
                    .iter()
                    .rposition(|d| d.last == p && matches!(d.kind, MentionKind::Description { .. }))
                {
                    Some(pi) if self.mentions[pi].entity.is_some() => {
                        out.push(pi);
                        cur = pi;
                    }
                    _ => break,
                },
            }
        }
        out
    }

    /// The person an apposition describes, where mention `mi` lies inside
    /// ", the|a|an ... ," set off between that person and the verb at `k`.
    fn apposition_head(&self, mi: usize, k: usize, first: usize) -> Option<usize> {
        let t = self.t;
        let m = &self.mentions[mi];
        let c1 = self.verb_group_start(k, first, false);
        if c1 <= first || t.raw(c1 - 1) != "," || m.last >= c1 {
            return None;
        }
        let c0 = (m.first.saturating_sub(20).max(first)..m.first)
            .rev()
            .find(|&j| t.raw(j) == ",")?;
        // ", the|a|an ...,", a relative clause ", who ...,", a member's tag
        // in capitals (", Virginia Democrat,").
        let tag = (c0 + 1..c1 - 1).all(|j| t.is_capitalized(j));
        // (Or a bare title: ", vice chairman of the Central Committee,".)
        let titled = self.lex.title_modifier(t.word(c0 + 1)).is_some() || title_here(t, self.lex, c0 + 1, c1).is_some();
        if !(matches!(t.word(c0 + 1), "the" | "a" | "an" | "who" | "which") || tag || titled) {
            return None;
        }
        let pi = mention_ending(self.mentions, c0)?;
        let p = &self.mentions[pi];
        let fits = match t.word(c0 + 1) {
            "which" => p.entity.is_some(),
            _ => p.entity.is_some_and(|e| is_person(self.ents, e)),
        };
        (!p.modifier && fits).then_some(pi)
    }

    /// Past a bracket of up to eight tokens opening at `p` and closing before
    /// `end` ("(R-S.C.)", "(EPA)"), or `p` itself.
    fn after_bracket(&self, p: usize, end: usize) -> usize {
        let t = self.t;
        if p < end
            && t.raw(p) == "("
            && let Some(c) = (p + 1..end.min(p + 10)).find(|&j| t.raw(j) == ")")
        {
            return c + 1;
        }
        p
    }

    /// The possessor opening the noun phrase at `p` ("the Kremlin's", "Russia's"),
    /// skipping a determiner.
    fn possessor_at(&self, mut p: usize, end: usize) -> Option<usize> {
        if p < end && one_of(self.t.word(p), DETERMINERS) {
            p += 1;
        }
        // "Dr Fox's view": a name's honorific is no part of it.
        if p < end && crate::mentions::is_plain_honorific(self.t, self.lex, p) {
            p += 1;
        }
        // "the House Democrats' push": past a modifier glued before the possessor.
        while let Some(mi) = mention_at(self.mentions, p) {
            let m = &self.mentions[mi];
            if !(m.modifier && !m.possessive && m.last < end && mention_at(self.mentions, m.last).is_some()) {
                break;
            }
            p = m.last;
        }
        mention_at(self.mentions, p).filter(|&mi| {
            let m = &self.mentions[mi];
            m.possessive && m.entity.is_some() && !matches!(m.kind, MentionKind::Pronoun { .. })
        })
    }

    /// The actor whose act, plan or words open the noun phrase at `p`: a
    /// possessor ("Trump's remarks") or a name qualifying an act's noun ("the
    /// Tory plans", "the Labour government's record").
    fn act_owner_at(&self, p: usize, end: usize) -> Option<usize> {
        if let Some(o) = self.possessor_at(p, end) {
            return Some(o);
        }
        let t = self.t;
        let mi = self.qualifier_at(p, end)?;
        let m = &self.mentions[mi];
        if matches!(m.kind, MentionKind::Pronoun { .. }) {
            return None;
        }
        (m.last..end.min(m.last + 2))
            .take_while(|&j| is_plain_word(t.raw(j)))
            .any(|j| one_of(t.word(j), ACTS))
            .then_some(mi)
    }

    /// Where the verb group before the verb at `k` starts: back over its
    /// auxiliaries and adverbs ("has also reportedly"), and a passive's
    /// "got" or "gets" too where `passive`.
    fn verb_group_start(&self, k: usize, first: usize, passive: bool) -> usize {
        let t = self.t;
        let mut c = k;
        while c > first
            && (passive && one_of(t.word(c - 1), BE)
                || one_of(t.word(c - 1), VERB_GROUP)
                || t.word(c - 1).ends_with("ly"))
        {
            c -= 1;
        }
        c
    }

    /// The country whose own body, named in lower case, is the subject of
    /// the verb at `k`: "China's foreign ministry urged", "Iran's
    /// government said" (a possessive country, at most one lower-case word,
    /// a body's noun, then the verb group).
    fn country_body_subject(&self, k: usize, first: usize) -> Option<usize> {
        const BODIES: &[&str] = &[
            "ministry",
            "government",
            "embassy",
            "military",
            "army",
            "navy",
            "cabinet",
            "parliament",
            "regime",
        ];
        let t = self.t;
        let c = self.verb_group_start(k, first, false);
        if c <= first + 2 || !one_of(t.word(c - 1), BODIES) || t.is_capitalized(c - 1) {
            return None;
        }
        let mut p = c - 1;
        if is_plain_word(t.raw(p - 1)) && !t.is_possessive_mark(p - 1) {
            p -= 1;
        }
        (p > first + 1 && t.is_possessive_mark(p - 1))
            .then(|| mention_ending(self.mentions, p - 1))
            .flatten()
            .filter(|&mi| self.mentions[mi].entity.is_some_and(|e| self.is_country(e)))
    }

    /// The actor whose act is the subject of a passive verb at `k`: a
    /// possessor before a noun of [`ACTS`], then at most a short phrase of
    /// plain words and names, then the verb group ("Biden's response to the
    /// attacks has been"). Not inside a prepositional phrase ("in Biden's
    /// response") nor after a comma's clause.
    fn passive_act_owner(&self, k: usize, first: usize) -> Option<usize> {
        let t = self.t;
        let c = self.verb_group_start(k, first, true);
        let from = c.saturating_sub(10).max(first);
        let mi = (from..c).find_map(|p| self.possessor_at(p, c))?;
        let m = &self.mentions[mi];
        let noun = m.last + 1;
        let clause_start = m.first == first
            || !(one_of(t.word(m.first - 1), PREPOSITIONS)
                || is_plain_word(t.raw(m.first - 1)) && !matches!(t.word(m.first - 1), "but" | "and" | "that"));
        (clause_start
            && noun < c
            && one_of(t.word(noun), ACTS)
            && (noun + 1..c)
                .all(|j| is_plain_word(t.raw(j)) || mention_at(self.mentions, j).is_some() || t.is_capitalized(j)))
        .then_some(mi)
    }

    /// Two modifiers joined by "and" starting at `p` ("House and Senate
    /// leaders"): their mentions.
    fn modifier_pair_at(&self, p: usize, end: usize) -> Option<(usize, usize)> {
        let a = mention_at(self.mentions, p)?;
        let am = &self.mentions[a];
        if !am.modifier || am.entity.is_none() || am.last + 1 >= end || self.t.word(am.last) != "and" {
            return None;
        }
        let b = mention_at(self.mentions, am.last + 1)?;
        let bm = &self.mentions[b];
        (bm.modifier && bm.entity.is_some() && bm.entity != am.entity).then_some((a, b))
    }

    /// Two modifiers joined by "and" right before token `k` ("Republican and
    /// Democratic | negotiators").
    fn modifier_pair_ending(&self, k: usize, first: usize) -> Option<(usize, usize)> {
        let b = mention_ending(self.mentions, k)?;
        let bm = &self.mentions[b];
        if bm.first < first + 2 || self.t.word(bm.first - 1) != "and" {
            return None;
        }
        let a = mention_ending(self.mentions, bm.first - 1)?;
        let am = &self.mentions[a];
        // (Adjacent to the noun, both qualify it, whether marked modifiers or not.)
        (!am.possessive && !bm.possessive && am.entity.is_some() && bm.entity.is_some() && am.entity != bm.entity)
            .then_some((a, b))
    }

    /// The actor whose forces or sites open the noun phrase at `p`: a
    /// possessor ("Saudi Arabia's Abqaiq plant") or a place or body named
    /// before one or two plain nouns ("Iranian bases", "Saudi oil facilities").
    /// (Not an act's or a deal's words: an attack on "Labour's record" is
    /// criticism, "strikes Turkmen gas deal" makes one.)
    fn target_owner_at(&self, p: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let words_after = |mi: usize| {
            let from = self.mentions[mi].last + usize::from(self.mentions[mi].possessive);
            (from..end.min(from + 3))
                .take_while(|&j| is_plain_word(t.raw(j)))
                .collect::<Vec<_>>()
        };
        let no_act = |words: &[usize]| {
            words.iter().all(|&j| {
                !one_of(t.word(j), ACTS) && !one_of(t.word(j), &["deal", "agreement", "accord", "pact", "contract"])
            })
        };
        if let Some(o) = self.possessor_at(p, end) {
            return no_act(&words_after(o)).then_some(o);
        }
        let mi = self.qualifier_at(p, end)?;
        let nouns = words_after(mi);
        ((1..=2).contains(&nouns.len())
            && no_act(&nouns)
            && self.mentions[mi]
                .entity
                .is_some_and(|e| self.ents.list[e].ty != ActorType::Person))
        .then_some(mi)
    }

    /// An actor's name qualifying the noun phrase at `p`, past its
    /// determiner ("the Tory | plans", "Iranian | bases"): a modifier, not a
    /// possessor.
    fn qualifier_at(&self, p: usize, end: usize) -> Option<usize> {
        let p = p + usize::from(p < end && one_of(self.t.word(p), DETERMINERS));
        let mi = mention_at(self.mentions, p)?;
        let m = &self.mentions[mi];
        (m.modifier && !m.possessive && m.entity.is_some()).then_some(mi)
    }

    /// Whether mention `mi` is the object of a preposition other than "of"
    /// ("the leaders of the United States, Germany and France" do act).
    fn after_preposition(&self, mi: usize, first: usize) -> bool {
        let before = self.np_start(self.mentions[mi].first, first);
        let w = self.t.word(before.saturating_sub(1));
        before > first && w != "of" && one_of(w, PREPOSITIONS) && !one_of(w, SUBORDINATORS)
    }

    /// Whether a plain noun stands right before the verb at `k`, after the
    /// candidate subject ending at `end`, and outside any prepositional phrase:
    /// "Robbins said that ... officials asked Mandelson" — the asking is done by
    /// "officials", which is no actor, so no triple.
    fn generic_subject_between(&self, end: usize, k: usize) -> bool {
        let t = self.t;
        let mut i = k;
        let mut joined = false;
        // Skip the verb group: auxiliaries, negation, adverbs ("has long
        // described", "also said").
        while i > end
            && (one_of(t.word(i - 1), VERB_GROUP) || t.word(i - 1).ends_with("ly") || one_of(t.word(i - 1), ADVERBS))
        {
            joined |= t.word(i - 1) == "and";
            i -= 1;
        }
        // "met with Trump last month and urged Congress": a verb joined by
        // "and" goes on with the last clause's subject; what ends that
        // clause ("last month") is none. (Not after a clause of its own:
        // "noted that Barr's testimony is voluntary and criticized".)
        let clause = (end..i).any(|j| one_of(t.word(j), CLAUSE_WORDS) || one_of(t.word(j), BE));
        if i <= end || joined && !clause {
            return false;
        }
        let w = t.word(i - 1);
        // "made his remarks", "gave a speech": a noun trigger's light verb
        // and determiner are no subject.
        if one_of(w, LIGHT_VERBS) || one_of(w, DETERMINERS) || one_of(w, POSSESSIVE_PRONOUNS) {
            let mut d = i;
            while d > end && (one_of(t.word(d - 1), DETERMINERS) || one_of(t.word(d - 1), POSSESSIVE_PRONOUNS)) {
                d -= 1;
            }
            if d > end && one_of(t.word(d - 1), LIGHT_VERBS) {
                return false;
            }
        }
        if !is_plain_word(t.raw(i - 1)) || one_of(w, VERB_GROUP) || one_of(w, CLAUSE_WORDS) || one_of(w, PREPOSITIONS) {
            return false;
        }
        // "Trump in a tweet slammed": a noun in a phrase right after the subject
        // is no subject ("assets of people deciding to leave" is another matter).
        let pp = i - 1 - end <= 3 && (end..i - 1).any(|j| one_of(t.word(j), PREPOSITIONS));
        !pp
    }

    /// Where the noun phrase ending in a mention starting at `i` begins: back over
    /// determiners, titles, modifiers and possessors ("to Russian President
    /// Vladimir Putin" begins after "to").
    fn np_start(&self, mut i: usize, first: usize) -> usize {
        let t = self.t;
        loop {
            if i <= first {
                return first;
            }
            if one_of(t.word(i - 1), DETERMINERS) {
                i -= 1;
            } else if let Some(k) = (i.saturating_sub(5).max(first)..i)
                .find(|&k| title_here(t, self.lex, k, i).is_some_and(|(used, _, _)| k + used == i))
            {
                i = k;
            } else if t.word(i - 1) == "'s" && i - 1 > first {
                match mention_ending(self.mentions, i - 1) {
                    Some(mi) => i = self.mentions[mi].first,
                    None => return i,
                }
            } else if let Some(mi) = mention_ending(self.mentions, i).filter(|&mi| self.mentions[mi].modifier) {
                i = self.mentions[mi].first;
            } else {
                return i;
            }
        }
    }

    fn modality(&self, si: usize, from: usize, trigger: usize) -> Modality {
        let t = self.t;
        let (first, last) = self.sentence(si);
        // '"If the bill goes through, it will hurt," Dansky told CBN News': a
        // quotation closed before the trigger holds the speaker's words, not
        // the cues of the telling.
        let first = (first + 1..trigger)
            .rev()
            .find(|&i| is_closing_quote(t.raw(i)) && matches!(t.raw(i - 1), "," | "." | "?" | "!"))
            .map_or(first, |q| q + 1);
        let aux_from = from.max(trigger.saturating_sub(4)).max(first);
        // "whether Witkoff, who has traveled to Russia": a relative clause is not
        // under the cues that stand before it.
        let clause_from = (from.max(first)..trigger)
            .rev()
            .find(|&i| matches!(t.word(i), "who" | "which"))
            .unwrap_or(first);
        // ("if he can't make a deal with Xi when they meet in Argentina": nor
        // is a "when" clause, taken for granted, not supposed; looked for only
        // past a clause's cue.)
        let when_after =
            |i: usize| (i + 1..trigger).any(|j| t.word(j) == "when" && (j..trigger).all(|k| t.raw(k) != ","));
        // Each word of the window looks up the cues it starts, rather than each
        // cue scanning the window.
        let (mut clause_hyp, mut neg, mut hyp, mut planned, mut done) = (false, false, false, false, false);
        for i in aux_from.min(clause_from)..trigger {
            for cue in self.lex.cues_starting(t.word(i)) {
                let from = match cue.scope {
                    CueScope::Aux => aux_from,
                    CueScope::Clause => clause_from,
                };
                let hit = i >= from
                    && t.phrase_at(i, trigger, &cue.words)
                    && !(cue.scope == CueScope::Clause && when_after(i));
                // "gave details of planned reforms in a speech": a phrase
                // between the cue and the trigger is what the cue is about.
                let beyond = cue.scope == CueScope::Aux
                    && (i + cue.words.len()..trigger).any(|j| t.word(j) != "to" && one_of(t.word(j), PREPOSITIONS));
                if !hit || beyond {
                    continue;
                }
                match (cue.modality, cue.scope) {
                    (Modality::Hypothetical, CueScope::Clause) => clause_hyp = true,
                    (Modality::Hypothetical, _) => hyp = true,
                    (Modality::Negated, _) => neg = true,
                    (Modality::Planned, _) => planned = true,
                    // "went on to describe", "managed to": the "to" is of a
                    // thing done.
                    (Modality::Fact, _) => done = true,
                }
            }
        }
        let question = last > first && t.raw(last - 1) == "?";
        if clause_hyp || question {
            Modality::Hypothetical
        } else if neg {
            Modality::Negated
        } else if hyp {
            Modality::Hypothetical
        } else if planned && !done {
            Modality::Planned
        } else {
            Modality::Fact
        }
    }

    fn confidence(&self, pat: &Pattern, args: &[usize], distance: usize) -> f32 {
        let mut c = pat.confidence;
        if args.iter().any(|&m| indirect(&self.mentions[m])) {
            c *= 0.85;
        }
        if distance > 4 {
            c *= 0.9f32.powi(((distance - 4) / 5 + 1) as i32);
        }
        c
    }

    fn emit(
        &self,
        pat: &Pattern,
        si: usize,
        subjects: &[usize],
        objects: &[usize],
        modality: Modality,
        distance: usize,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        for &sm in subjects {
            for &om in objects {
                let (Some(s), Some(o)) = (self.mentions[sm].entity, self.mentions[om].entity) else {
                    continue;
                };
                if !self.type_ok(s, &pat.subject_types)
                    || !self.type_ok(o, &pat.object_types)
                    || pat.object_kind.as_deref().is_some_and(|kind| {
                        self.ents.list[o].ty == ActorType::Organization
                            && !self.is_kind(o, kind)
                            // ("on BBC Radio 4's Today programme": an outlet's programme is media.)
                            && !(kind == "media" && is_programme(&self.ents.list[o].name))
                    })
                {
                    continue;
                }
                let conf = self.confidence(pat, &[sm, om], distance);
                out.extend(self.found(s, pat.relation, o, modality, si, conf, &pat.id));
                // "told MSNBC's Hugh Hewitt", "an interview with MSNBC's Rachel
                // Maddow": speaking to an outlet's person speaks to the outlet.
                let om_first = self.mentions[om].first;
                if pat.relation == Relation::SpokeTo
                    && self.ents.list[o].ty == ActorType::Person
                    && om_first > 1
                    && self.t.is_possessive_mark(om_first - 1)
                    && let Some(outlet) = mention_ending(self.mentions, om_first - 1)
                        .and_then(|qi| self.mentions[qi].entity)
                        .filter(|&q| self.is_kind(q, "media"))
                {
                    out.extend(self.found(s, pat.relation, outlet, modality, si, conf, &pat.id));
                }
            }
        }
        out
    }

    /// Past the longest of the pattern's links that starts at `p`, or after
    /// an adverb there ("spoken voluntarily with Congress").
    fn link_after(&self, pat: &Pattern, p: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let at = |p: usize| {
            pat.links
                .iter()
                .filter(|l| t.phrase_at(p, end, l))
                .map(|l| p + l.len())
                .max()
        };
        let verb = matches!(pat.kind, PatternKind::Verb | PatternKind::Received);
        // "received £200,000 from Bassim Haidar": only past a sum.
        if pat.sum_required {
            let n = amount_len(t, p, end);
            return (n > 0).then(|| at(p + n)).flatten();
        }
        at(p)
            .or_else(|| {
                // (After a verb only: "deal firmly with" makes "deal" no noun.)
                (verb && p + 1 < end && t.word(p).ends_with("ly") && is_plain_word(t.raw(p)))
                    .then(|| at(p + 1))
                    .flatten()
            })
            .or_else(|| {
                // "donated £2m to the party", "gave more than $1 million to":
                // a sum between the verb and its link.
                let n = if verb && !pat.links.is_empty() {
                    amount_len(t, p, end)
                } else {
                    0
                };
                (n > 0).then(|| at(p + n)).flatten()
            })
    }

    fn apply_verb(&self, pat: &Pattern, si: usize, k: usize, e: usize) -> Vec<Found> {
        let t = self.t;
        let (first, last) = self.sentence(si);
        // "the alleged victim", "with alleged abuser Biden": a participle
        // before a noun, after a determiner or a preposition, is no verb.
        if k > first
            && t.word(k).ends_with("ed")
            && (one_of(t.word(k - 1), DETERMINERS) || one_of(t.word(k - 1), PREPOSITIONS))
            && e < last
            && t.word(e).bytes().all(|b| b.is_ascii_lowercase())
        {
            return Vec::new();
        }
        // Passive: "was received by X"; and a participle set off right after
        // an actor's name with its agent: "al Qaeda, supported by the
        // Taliban, killed" (not "plans, backed by the UK": no actor).
        let set_off = (k > first + 1
            && t.raw(k - 1) == ","
            && e < last
            && t.word(e) == "by"
            && (t.word(k).ends_with("ed") || t.word(k).ends_with("en")))
        .then(|| mention_ending(self.mentions, k - 1))
        .flatten()
        .filter(|&mi| self.mentions[mi].entity.is_some() && !self.mentions[mi].modifier);
        let passive = (k.saturating_sub(2).max(first)..k).any(|i| one_of(t.word(i), BE)) || set_off.is_some();
        // (Most occurrences of a common trigger, "left", "went", "said", lead
        // to no object of the pattern's: turned away before the subject is
        // looked for. A passive's agent after "by" is looked for below.)
        if !pat.object_types.is_empty() && k > first && !passive && !self.object_ahead(pat, e, last) {
            return Vec::new();
        }
        let mut subjects = match set_off {
            Some(mi) => vec![mi],
            None => self.subjects_before(k, first),
        };
        // "China's foreign ministry urged the U.S.": a country's own body,
        // named in lower case, acts for the country.
        if subjects.is_empty() {
            subjects.extend(self.country_body_subject(k, first));
        }
        // "Leaving a Brussels summit, Mr Blair said": an opening participle's
        // subject is the main clause's, after its object.
        // (So has "Interviewed on BBC Radio 2's Jeremy Vine show, Mr Howard said".)
        if subjects.is_empty()
            && k == first
            && (t.word(k).ends_with("ing") || t.word(k) == "interviewed")
            && !pat.object_types.is_empty()
        {
            let start = self.link_after(pat, e, last).unwrap_or(e);
            // (The subject follows the phrase's comma: not "Hannity" of
            // "Appearing on Fox News' “Hannity,” Mr. Giuliani".)
            // Without a comma, right after the object ("Speaking to the House
            // Budget Committee he urged").
            if let Some(&o) = self.objects_from(start, last, 1).last() {
                let after = self.mentions[o].last;
                let (from, to) = match (after..last.min(after + 8)).find(|&j| t.raw(j) == ",") {
                    Some(comma) => (comma + 1, comma + 3),
                    None => (after, after + 2),
                };
                let range = self.sentence_mentions(si);
                subjects.extend(
                    self.mentions[range.clone()]
                        .iter()
                        .position(|m| m.first >= from && m.first <= to && !m.modifier && m.entity.is_some())
                        .map(|i| range.start + i),
                );
            }
        }
        // "Gwynne, who was sacked": a passive with no agent names no subject.
        let participle = t.word(k).ends_with("ed") || t.word(k).ends_with("en") || one_of(t.word(k), PARTICIPLES);
        // The agent's "by", right after the verb or after a short phrase of
        // plain words ("was informed of the announcement by Andrea Mitchell").
        let by = (e..last.min(e + 6))
            .take_while(|&j| j == e || is_plain_word(t.raw(j - 1)))
            .find(|&j| t.word(j) == "by");
        if passive && participle && by.is_none() && !pat.object_types.is_empty() {
            return Vec::new();
        }
        if passive
            && (participle || by == Some(e))
            && let Some(by) = by
            && !pat.object_types.is_empty()
        {
            let agents = self.objects_from(by + 1, last, 0);
            // "Biden's response to the attacks has been criticized by some
            // Democrats": judging an actor's act judges the actor, as in the
            // active voice.
            if subjects.is_empty() && EVALUATIONS.contains(&pat.relation) {
                subjects.extend(self.passive_act_owner(k, first));
            }
            if agents.is_empty() || subjects.is_empty() {
                return Vec::new();
            }
            let from = self.mentions[subjects[0]].last;
            let modality = self.modality(si, from, k);
            return self.emit(pat, si, &agents, &subjects, modality, k - from);
        }
        if subjects.is_empty() {
            return Vec::new();
        }
        let from = self.mentions[subjects[0]].last.min(k);
        let modality = self.modality(si, from, k);
        if pat.object_types.is_empty() {
            // "Witkoff and Dmitriev met": the coordinated subjects relate to each other.
            // (Not one inside a phrase before a clause's ", and": "a
            // biography of Perot, and Lichtman had agreed".)
            let in_phrase = |mi: usize| {
                let mut p = self.mentions[mi].first;
                while p > first && one_of(t.word(p - 1), DETERMINERS) {
                    p -= 1;
                }
                // ("after Trump and Macron met": a subordinator opens a clause.)
                p > first
                    && one_of(t.word(p - 1), PREPOSITIONS)
                    && !matches!(t.word(p - 1), "after" | "before" | "since" | "until" | "as")
            };
            let subjects: Vec<usize> = subjects.into_iter().filter(|&mi| !in_phrase(mi)).collect();
            if subjects.len() < 2
                || (e < last
                    && !matches!(t.raw(e), "." | "," | ";" | "\"" | "\u{201d}")
                    && mention_at(self.mentions, e).is_some())
            {
                return Vec::new();
            }
            let mut out = Vec::new();
            for (i, &a) in subjects.iter().enumerate() {
                for &b in &subjects[i + 1..] {
                    out.extend(self.emit_pair(pat, si, a, b, modality, k - from));
                    // "West and Hegar exchanging attacks": a one-way
                    // relation done to each other goes both ways.
                    if !pat.relation.is_symmetric() {
                        out.extend(self.emit_pair(pat, si, b, a, modality, k - from));
                    }
                }
            }
            return out;
        }
        let start = match self.link_after(pat, e, last) {
            Some(p) => p,
            None if pat.link_required => return Vec::new(),
            None => e,
        };
        let mut objects = self.objects_from(start, last, 1);
        // "backed the Tory plans": backing a policy supports no actor (GUIDELINES).
        if pat.relation == Relation::Supported {
            objects.retain(|&o| {
                let after = self.mentions[o].last;
                !(after < last && one_of(t.word(after), ACTS) && !matches!(t.word(after), "government" | "leadership"))
            });
        }
        // "condemning Russia's outrageous action", "praised Trump's remarks":
        // judging an actor's act judges the actor (GUIDELINES); attacking
        // "Iranian bases" attacks Iran.
        if objects.is_empty() && EVALUATIONS.contains(&pat.relation) {
            objects.extend(self.act_owner_at(start, last));
        } else if objects.is_empty() && pat.relation == Relation::Attacked {
            objects.extend(self.target_owner_at(start, last));
        }
        // "called him a 'brave man'", "called Putin a killer": naming, not a call.
        if pat.relation == Relation::Called
            && objects.last().is_some_and(|&o| {
                let after = self.mentions[o].last;
                after < last
                    && matches!(
                        self.t.word(after),
                        "a" | "an" | "the" | "\"" | "\u{201c}" | "'" | "\u{2018}"
                    )
            })
        {
            return Vec::new();
        }
        let mut out = self.emit(pat, si, &subjects, &objects, modality, k - from);
        if !out.is_empty() && matches!(pat.relation, Relation::Met | Relation::NegotiatedWith) {
            out.extend(self.location_adjunct(si, &subjects, &objects, modality));
        }
        out
    }

    /// `complement` patterns: "Kinzinger said Trump should retract", "May
    /// insisted that Brussels must act": the object opens a clause that the
    /// link (a modal) continues.
    fn apply_complement(&self, pat: &Pattern, si: usize, k: usize, e: usize) -> Vec<Found> {
        let t = self.t;
        let (first, last) = self.sentence(si);
        // "he had been told the United States had offered to": a passive names
        // no one who tells.
        if k > first && one_of(t.word(k - 1), BE) {
            return Vec::new();
        }
        if let Some(found) = self.quoted_complement(pat, si, k, e) {
            return found;
        }
        // Most "said" have no modal in the next few words: look for one first.
        if !(e..last.min(e + 10))
            .any(|j| pat.link_starts.contains(t.word(j)) && pat.links.iter().any(|l| t.phrase_at(j, last, l)))
        {
            return Vec::new();
        }
        let subjects = self.subjects_before(k, first);
        let Some(&s0) = subjects.first() else { return Vec::new() };
        let mut p = e;
        // "told ABC that the president should", "told reporters that": the
        // one told comes before the clause.
        if one_of(t.word(k), &["told", "tells", "tell", "telling"])
            && let Some(that) = (e + 1..last.min(e + 5)).find(|&j| t.word(j) == "that")
            && (e..that).all(|j| {
                t.raw(j)
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\''))
            })
        {
            p = that;
        }
        // "said Saturday that", "said last week that": a time said between
        // the verb and its clause.
        let when = time_phrase(t, p, last);
        if when > 0 && p + when < last && t.word(p + when) == "that" {
            p += when;
        }
        if p < last && t.word(p) == "that" {
            p += 1;
        }
        // 'Mr Redwood said: "Mr Blair has broken the pledges"': a quote after a colon.
        if p + 1 < last && t.raw(p) == ":" {
            p += 1;
            if is_opening_quote(t.raw(p)) {
                p += 1;
            }
        }
        // '"Like Labour, the Lib Dems are soft on crime"': the clause after
        // the comparison, said of both.
        let mut likened = Vec::new();
        if p + 2 < last
            && t.word(p) == "like"
            && let Some(li) = mention_at(self.mentions, p + 1)
            && self.mentions[li].last < last
            && t.raw(self.mentions[li].last) == ","
        {
            likened.push(li);
            p = self.mentions[li].last + 1;
        }
        let (mut objects, reach) = self.judged_objects(pat, p, last, 6);
        let Some(&o) = objects.last() else { return Vec::new() };
        // The object must open the clause: nothing but determiners and
        // titles between the trigger and it; and the link follows it within
        // three plain words ("called Putin a great leader", "described Trump
        // as dangerous", "said Trump, too, should").
        if self.mentions[objects[0]].first > p + 4 || !self.link_follows(pat, o, last, reach) {
            return Vec::new();
        }
        let from = self.mentions[s0].last.min(k);
        let modality = self.modality(si, from, k);
        objects.extend(likened);
        self.emit(pat, si, &subjects, &objects, modality, k - from)
    }

    /// The actors a complement judges, from `p`, and how far after the last
    /// its link may stand: the actors opening the clause, or the owner of an
    /// act ("called the House Democrats' push for impeachment a 'lynching'",
    /// "Tory proposals … would not work"), whose words may run on for
    /// `act_reach`; "Iran and its nuclear program" is Iran.
    fn judged_objects(&self, pat: &Pattern, p: usize, end: usize, act_reach: usize) -> (Vec<usize>, usize) {
        let t = self.t;
        let mut objects = self.objects_from(p, end, 0);
        let mut reach = 3;
        if objects.is_empty()
            && EVALUATIONS.contains(&pat.relation)
            && let Some(owner) = self.act_owner_at(p, end)
        {
            objects.push(owner);
            reach = act_reach;
        } else if let [only] = objects[..]
            && EVALUATIONS.contains(&pat.relation)
            && self.mentions[only].last < end
            && one_of(t.word(self.mentions[only].last), ACTS)
        {
            reach = act_reach;
        }
        if objects.len() > 1 {
            objects.retain(|&x| {
                !(self.mentions[x].possessive && matches!(self.mentions[x].kind, MentionKind::Pronoun { .. }))
            });
        }
        (objects, reach)
    }

    /// Whether a complement's link follows the object `o` before `end`,
    /// within `reach` plain words ("Putin a great leader", "Trump, too,
    /// should"), past its own things ("Iran and its nuclear program as a
    /// threat"); "must be wondering", "must have known" are guesses, no link.
    fn link_follows(&self, pat: &Pattern, o: usize, end: usize, reach: usize) -> bool {
        let t = self.t;
        let mut after = self.mentions[o].last;
        if after + 2 < end && t.word(after) == "and" && one_of(t.word(after + 1), POSSESSIVE_PRONOUNS) {
            let mut j = after + 2;
            while j < end && j < after + 5 && is_plain_word(t.raw(j)) && mention_at(self.mentions, j).is_none() {
                if self.link_after(pat, j, end).is_some() {
                    break;
                }
                j += 1;
            }
            after = j;
        }
        let mut j = after;
        loop {
            if let Some(l) = self.link_after(pat, j, end) {
                let guess = l + 1 < end && (t.word(l) == "be" && t.word(l + 1).ends_with("ing") || t.word(l) == "have");
                return !guess;
            }
            // (An act's own words may run on: "proposals to cap the number of
            // asylum seekers and process all claims abroad".)
            if j >= end
                || j >= after + reach
                || mention_at(self.mentions, j).is_some()
                || one_of(t.word(j), CLAUSE_WORDS) && !(reach > 3 && t.word(j) == "and")
            {
                return false;
            }
            j += 1;
        }
    }

    /// A complement said before its speaker, a quote set off by a comma:
    /// "“Prince Harry should see for himself …”, Rabbi Marvin Hier said",
    /// "“Labour is wrong,” said Mr Howard". The clause's opening actor is the
    /// object, the link within three plain words of it; the speaker stands
    /// between the quote's comma and the verb, or right after the verb.
    fn quoted_complement(&self, pat: &Pattern, si: usize, k: usize, e: usize) -> Option<Vec<Found>> {
        let t = self.t;
        let (first, last) = self.sentence(si);
        let quote = |j: usize| is_closing_quote(t.raw(j));
        // (Most speech verbs have no comma right before them, nor a quote's
        // within reach: done at once.)
        if k < first + 3
            || t.raw(k - 1) != ","
                && !(first + 2..k)
                    .rev()
                    .take(16)
                    .any(|c| t.raw(c) == "," && (quote(c - 1) || (c + 1 < k && quote(c + 1))))
        {
            return None;
        }
        // The verb ends the sentence or is followed by its speaker.
        let speaker_after = mention_at(self.mentions, e)
            .or_else(|| title_here(t, self.lex, e, last).and_then(|(used, _, _)| mention_at(self.mentions, e + used)))
            .filter(|&mi| {
                self.mentions[mi]
                    .entity
                    .is_some_and(|x| self.ents.list[x].ty == ActorType::Person)
            });
        // The quote's comma: the last before the verb, with a closing quote
        // on one side of it; or, with the speaker after the verb ending the
        // sentence, the comma right before the verb ("Tory proposals would
        // not work, argued Mr Blair").
        let inverted = speaker_after.is_some_and(|mi| {
            let end = self.mentions[mi].last;
            end >= last || matches!(t.raw(end), "." | "!")
        });
        let c = (first + 2..k)
            .rev()
            .take(16)
            .find(|&c| t.raw(c) == "," && (quote(c - 1) || (c + 1 < k && quote(c + 1)) || inverted && c + 1 == k))?;
        let ends = e >= last || matches!(t.raw(e), "." | "!" | "?");
        // (The speaker is the first actor after the quote's comma, whatever
        // apposition follows: "…”, Rabbi Marvin Hier, founder of the Simon
        // Wiesenthal Center said".)
        let subjects: Vec<usize> = if ends {
            let from = c + 1 + usize::from(quote(c + 1));
            let range = self.sentence_mentions(si);
            self.mentions[range.clone()]
                .iter()
                .position(|m| m.first >= from && m.first <= from + 2 && !m.modifier && m.entity.is_some())
                .map(|i| range.start + i)
                .filter(|&mi| self.mentions[mi].last <= k)
                .into_iter()
                .collect()
        } else {
            speaker_after.into_iter().collect()
        };
        let &s0 = subjects.first()?;
        // The quote's opening actor and its link.
        let mut p = first;
        while p < c && (is_opening_quote(t.raw(p)) || t.word(p) == "the") {
            p += 1;
        }
        // ("Tory proposals to cap asylum would not work": the owner of what
        // is judged, its act's words running on.)
        let (objects, reach) = self.judged_objects(pat, p, c, 10);
        let &o = objects.last()?;
        // (Named: a pronoun in a quote may be anyone's, "“He's a danger,” she added".)
        if self.mentions[objects[0]].first > p + 1
            || subjects.contains(&o)
            || objects.iter().any(|&x| {
                !matches!(
                    self.mentions[x].kind,
                    MentionKind::Name { .. } | MentionKind::Known { .. }
                )
            })
        {
            return None;
        }
        if !self.link_follows(pat, o, c, reach) {
            return None;
        }
        let modality = self.modality(si, self.mentions[s0].last.min(k), k);
        Some(self.emit(
            pat,
            si,
            &subjects,
            &objects,
            modality,
            k.abs_diff(self.mentions[s0].first),
        ))
    }

    /// `locative` patterns: "Barr speaks ... at the Department of Justice in
    /// Washington", "held a summit Tuesday in Singapore", "Speaking in Harrogate,
    /// Mr Kennedy said". A link word ("in", "at") before an actor of the
    /// object types, with a trigger (a presence word) at most
    /// [`LOCATIVE_REACH`] words before it in the same clause, gives the
    /// trigger's subject a visit there. "in Tulsa, Oklahoma" is a visit to
    /// both places.
    fn locatives(&self, pm: usize, locatives: &[usize], out: &mut Vec<Found>) {
        let t = self.t;
        let m = &self.mentions[pm];
        // ("at the Helsinki summit": a place naming a gathering is where it was.)
        let gathering = !m.possessive
            && m.last < t.sentences[m.sentence].last
            && one_of(t.word(m.last), GATHERINGS)
            && m.entity.is_some_and(|e| self.ents.list[e].ty == ActorType::Place);
        if (m.modifier && !gathering) || m.possessive || indirect(m) || m.entity.is_none() {
            return;
        }
        let si = m.sentence;
        let (first, last) = self.sentence(si);
        // The link ends right before the place, or before its "the", or
        // before "the [adjectives] city|village|... of" ("at the border
        // village of Panmunjom", "in the southern city of Basra").
        let mut end = m.first;
        if end > first + 2
            && t.word(end - 1) == "of"
            && one_of(t.word(end - 2), PLACE_NOUNS)
            && let Some(the) = (end.saturating_sub(6).max(first)..end - 2)
                .rev()
                .take_while(|&j| is_plain_word(t.raw(j)))
                .find(|&j| t.word(j) == "the")
        {
            end = the;
        }
        // "on the South Lawn of the White House", "on the steps of the
        // Capitol": a part of a site is the site.
        let of = if end > first && t.word(end - 1) == "the" {
            end - 1
        } else {
            end
        };
        if of > first + 3
            && t.word(of - 1) == "of"
            && (t.is_capitalized(of - 2) || one_of(t.word(of - 2), SITE_PARTS))
            && mention_ending(self.mentions, of - 1).is_none_or(|pi| self.mentions[pi].entity.is_none())
            && let Some(the) = (of.saturating_sub(5).max(first)..of - 1)
                .rev()
                .take_while(|&j| t.is_capitalized(j) || t.word(j) == "the" || one_of(t.word(j), SITE_PARTS))
                .find(|&j| t.word(j) == "the")
        {
            end = the;
        }
        // "in south east London", "in northern England": compass words
        // between the link and the place.
        while end > first + 1 && one_of(t.word(end - 1), COMPASS) {
            end -= 1;
        }
        if end > first && t.word(end - 1) == "the" {
            end -= 1;
        }
        // "Leaving a Brussels summit Mr Blair said", "During a White House
        // meeting, Peter Navarro said": an opening phrase about a gathering
        // its place names puts the subject there, with no link word.
        let opener = gathering
            && end > first
            && end == first + 1 + usize::from(matches!(t.word(end - 1), "a" | "an"))
            && matches!(t.word(first), "during" | "leaving" | "attending" | "addressing");
        for &pi in locatives {
            let pat = &self.lex.patterns()[pi];
            if !m.entity.is_some_and(|e| self.is_site(e, &pat.object_types)) {
                continue;
            }
            let link = pat
                .links
                .iter()
                // (At the sentence's start only before a gathering: "At the
                // Helsinki summit, Trump…".)
                .find(|lk| {
                    (lk.len() < end - first || gathering && lk.len() == end - first)
                        && t.phrase_at(end - lk.len(), end, lk)
                });
            // (The opening phrase once, whatever pattern's links.)
            let l = match link {
                Some(link) => end - link.len(),
                None if opener && pi == locatives[0] => first,
                None => continue,
            };
            let mut objects = vec![pm];
            // "in Biarritz, France", "at the White House in Washington": the
            // wider place named with it.
            let after = self.mentions[pm].last;
            if after + 1 < last
                && matches!(t.word(after), "," | "in")
                && let Some(wider) = mention_at(self.mentions, after + 1)
                && !self.mentions[wider].possessive
                && !indirect(&self.mentions[wider])
                && self.mentions[wider]
                    .entity
                    .is_some_and(|e| self.ents.list[e].ty == ActorType::Place)
            {
                objects.push(wider);
            }
            // Back from the link through the triggers within the clause,
            // nearest first, to the first whose subject is found ("held an
            // unprecedented summit Tuesday in Singapore": not the noun
            // "summit", whose left is the verb's, but "held").
            let mut subjects = Vec::new();
            let mut k = l;
            let mut j = l;
            while j > first && l - j < LOCATIVE_REACH && subjects.is_empty() {
                j -= 1;
                let w = t.word(j);
                if matches!(t.raw(j), ";" | ":" | "\u{2014}" | "(" | ")")
                    || one_of(w, NOT_PRESENCE)
                    || one_of(w, RELATIVES)
                {
                    break;
                }
                if !may_start_trigger(t, j) {
                    continue;
                }
                let Some(len) = self
                    .lex
                    .triggers_starting(w)
                    .iter()
                    .filter(|&&(p, _)| p == pi)
                    .map(|&(_, ti)| &pat.triggers[ti])
                    .filter(|tr| t.phrase_at(j, l, tr))
                    .map(|tr| tr.len())
                    .max()
                else {
                    continue;
                };
                // "was in Moscow", not "was criticized by Democrats in Washington".
                if one_of(w, BE) && l - (j + len) > usize::from(t.word(j + len).ends_with("ly")) {
                    continue;
                }
                k = j;
                subjects = self.subjects_before(j, first);
                // "Speaking in Aspen, Coats stood by", "In remarks to
                // reporters in Singapore, Pompeo said", "At a news conference
                // in Tehran that was carried live, Kamalvandi said": an
                // opening phrase's subject follows its place, after the comma.
                if subjects.is_empty() && ((j == first && w.ends_with("ing")) || opening_phrase(t, first, j)) {
                    let end = self.mentions[*objects.last().unwrap_or(&pm)].last;
                    let comma = (end..last)
                        .take_while(|&c| !matches!(t.raw(c), ";" | ":" | "(" | ")" | "\u{2014}"))
                        .find(|&c| t.raw(c) == ",");
                    let range = self.sentence_mentions(si);
                    subjects.extend(
                        self.mentions[range.clone()]
                            .iter()
                            .position(|m| {
                                (m.first >= end && m.first <= end + 2 || Some(m.first) == comma.map(|c| c + 1))
                                    && !m.modifier
                                    && !m.possessive
                                    && m.entity.is_some()
                            })
                            .map(|i| range.start + i),
                    );
                }
            }
            // "At the Helsinki summit, Trump sided with Putin": a gathering
            // its place names, opening the sentence, is where the subject
            // after the comma was.
            if subjects.is_empty() && gathering && l == first {
                let after = self.mentions[pm].last + 1;
                // (Or right after it, with no comma: "Leaving a Brussels summit
                // Mr Blair said".)
                let comma = (after..last.min(after + 4)).find(|&c| t.raw(c) == ",");
                let mut at = comma.map_or(after, |c| c + 1);
                if at < last && self.lex.honorific(t.raw(at)).is_some() {
                    at += 1;
                }
                if comma.is_some() || opener {
                    let range = self.sentence_mentions(si);
                    subjects.extend(
                        self.mentions[range.clone()]
                            .iter()
                            .position(|q| q.first == at && !q.modifier && !q.possessive && q.entity.is_some())
                            .map(|i| range.start + i),
                    );
                }
            }
            let Some(&s0) = subjects.first() else { continue };
            // "Russian President Vladimir Putin ... in Kazan, Russia": a
            // visit at home is to the town, not to one's own country.
            // (Those named with one at home there, no home of their own
            // said, are taken to be at home too.)
            if objects.len() == 2
                && let Some(wider) = self.mentions[objects[1]].entity
            {
                let homes: Vec<Option<&str>> = subjects
                    .iter()
                    .map(|&sm| self.mentions[sm].entity.and_then(|e| self.home_country(e)))
                    .collect();
                let at_home = |h: &Option<&str>| *h == Some(self.ents.list[wider].name.as_str());
                if homes.iter().any(at_home) && homes.iter().all(|h| h.is_none() || at_home(h)) {
                    objects.pop();
                }
            }
            let from = self.mentions[s0].last.min(k);
            let modality = self.modality(si, from, k);
            out.extend(self.emit(pat, si, &subjects, &objects, modality, l - from));
            out.extend(self.guests_visit(pat, si, k, l, &objects, modality, l - from));
        }
    }

    /// "Roosevelt hosted Churchill at Camp David", "Putin welcomed Trump in
    /// Helsinki": the one hosted was there too.
    // One argument per thing the triples need: a struct would hide nothing.
    #[allow(clippy::too_many_arguments)]
    fn guests_visit(
        &self,
        pat: &Pattern,
        si: usize,
        k: usize,
        end: usize,
        places: &[usize],
        modality: Modality,
        distance: usize,
    ) -> Vec<Found> {
        let t = self.t;
        // ("Mr Blunkett was joined by Tony Blair at Welling School": the one
        // who joins is there too.)
        let joined_by =
            t.word(k) == "joined" && k > 0 && one_of(t.word(k - 1), BE) && k + 2 < end && t.word(k + 1) == "by";
        if !one_of(t.word(k), HOSTS) && !joined_by {
            return Vec::new();
        }
        let guests: Vec<usize> = self
            .objects_from(k + 1 + usize::from(joined_by), end, 1)
            .into_iter()
            .filter(|&g| {
                self.mentions[g]
                    .entity
                    .is_some_and(|e| self.ents.list[e].ty != ActorType::Place)
            })
            .collect();
        self.emit(pat, si, &guests, places, modality, distance)
    }

    /// "Eisenhower … met with Soviet leader Nikita Khrushchev there in
    /// 1959": "there" after a presence word is the place last named, in its
    /// sentence or the one before (not "there is", "there were": no place).
    /// Every "there" that may stand for a place, as (sentence, token): found
    /// once for all the locative patterns. Not existential ("there is",
    /// "there were"), nor opening a clause ("said there cannot be", "hope
    /// there really is").
    fn place_theres(&self) -> Vec<(usize, usize)> {
        let t = self.t;
        let mut out = Vec::new();
        for (si, s) in t.sentences.iter().enumerate() {
            for j in s.first + 1..s.last {
                if t.raw(j).len() != 5 || t.raw(j) != "there" {
                    continue;
                }
                let opens_clause = one_of(t.word(j - 1), CLAUSE_WORDS)
                    || matches!(
                        t.word(j - 1),
                        "said" | "says" | "say" | "believes" | "believe" | "think" | "thinks" | "hope" | "argued"
                    );
                let existential = j + 1 < s.last
                    && (one_of(t.word(j + 1), BE)
                        || one_of(t.word(j + 1), VERB_GROUP)
                        || matches!(
                            t.word(j + 1),
                            "'s" | "seems" | "seemed" | "appears" | "appeared" | "cannot" | "really"
                        ));
                if !opens_clause && !existential {
                    out.push((si, j));
                }
            }
        }
        out
    }

    fn there(&self, pi: usize, theres: &[(usize, usize)], out: &mut Vec<Found>) {
        let t = self.t;
        let pat = &self.lex.patterns()[pi];
        for &(si, j) in theres {
            let s = &t.sentences[si];
            // The place: the last one named before, in this sentence or
            // the one before, no modifier.
            // (Back over this sentence's and the last one's mentions only.)
            let before = self.mentions.partition_point(|m| m.first < j);
            let from = self.mentions.partition_point(|m| m.sentence + 1 < si).min(before);
            let Some(place) = self.mentions[from..before]
                .iter()
                .rposition(|m| {
                    let of_title = m.first > 2 && {
                        let of = m.first - 1 - usize::from(t.word(m.first - 1) == "the");
                        t.word(of) == "of" && title_here(t, self.lex, of - 1, of).is_some()
                    };
                    m.sentence + 1 >= si
                        && !m.modifier
                        && !m.possessive
                        && !of_title
                        && m.entity.is_some_and(|e| self.is_site(e, &pat.object_types))
                })
                .map(|i| from + i)
            else {
                continue;
            };
            // The presence word, within the clause before "there".
            let mut k = j;
            let mut trigger = None;
            while k > s.first && j - k < 8 && trigger.is_none() {
                k -= 1;
                if matches!(t.raw(k), "," | ";" | ":" | "(" | ")" | "\u{2014}") {
                    break;
                }
                // (Not being or holding: "is there for four years",
                // "held it there".)
                if may_start_trigger(t, k)
                    && !one_of(t.word(k), BE)
                    && !matches!(t.word(k), "held" | "hold" | "holds" | "holding")
                    && self
                        .lex
                        .triggers_starting(t.word(k))
                        .iter()
                        .any(|&(p, ti)| p == pi && t.phrase_at(k, j, &pat.triggers[ti]))
                {
                    trigger = Some(k);
                }
            }
            let Some(k) = trigger else { continue };
            let subjects = self.subjects_before(k, s.first);
            let Some(&s0) = subjects.first() else { continue };
            let from = self.mentions[s0].last.min(k);
            let modality = self.modality(si, from, k);
            out.extend(self.emit(pat, si, &subjects, &[place], modality, j - from));
            out.extend(self.guests_visit(pat, si, k, j, &[place], modality, j - from));
        }
    }

    /// Whether an entity of these types is somewhere one can be: a place, or
    /// the seat of a government body ("at the White House").
    fn is_site(&self, e: usize, types: &[ActorType]) -> bool {
        self.type_ok(e, types) && (self.ents.list[e].ty != ActorType::Organization || self.is_kind(e, "government"))
    }

    /// "met with Putin ... in St. Petersburg": being somewhere is a visit
    /// (GUIDELINES), made by the subject (the one met is often at home
    /// there: Putin in St. Petersburg, Moon in Seoul).
    fn location_adjunct(&self, si: usize, subjects: &[usize], objects: &[usize], modality: Modality) -> Vec<Found> {
        let t = self.t;
        let (_, last) = self.sentence(si);
        let Some(&o) = objects.last() else { return Vec::new() };
        let after = self.mentions[o].last;
        // "in", right after the one met or after the gathering it happened
        // at: "meeting with Boris Johnson during this weekend's G-7 summit
        // in Biarritz".
        let at_gathering = |i: usize| {
            i > after
                && matches!(t.word(after), "during" | "at" | "on")
                && (after + 1..i).any(|j| one_of(t.word(j), GATHERINGS))
                && (after + 1..i).all(|j| {
                    !one_of(t.word(j), RELATIVES)
                        && !matches!(t.raw(j), "," | ";" | ":" | "(" | ")" | "\u{2014}")
                        && !one_of(t.word(j), NOT_PRESENCE)
                })
        };
        let place = (after..(after + 12).min(last))
            .find(|&i| t.word(i) == "in" && (i < after + 3 || at_gathering(i)))
            .and_then(|i| {
                mention_at(
                    self.mentions,
                    i + 1 + usize::from(i + 1 < last && t.word(i + 1) == "the"),
                )
            })
            .filter(|&pm| {
                self.mentions[pm]
                    .entity
                    .is_some_and(|p| self.ents.list[p].ty == ActorType::Place)
            });
        let Some(pm) = place else { return Vec::new() };
        let Some(place) = self.mentions[pm].entity else {
            return Vec::new();
        };
        // "in Biarritz, France": the wider place named with it.
        let wider = self.mentions[pm].last;
        let wider = (wider + 1 < last && t.word(wider) == ",")
            .then(|| mention_at(self.mentions, wider + 1))
            .flatten()
            .filter(|&w| {
                self.place_holding(w) == Some(pm) || !self.mentions[w].possessive && !self.mentions[w].modifier
            })
            .and_then(|w| self.mentions[w].entity)
            .filter(|&w| self.ents.list[w].ty == ActorType::Place);
        // The one met was there too, unless at home: "summit with Putin in
        // Helsinki" is Putin's visit, "met with Putin in St. Petersburg" not.
        let away = |e: usize| {
            let there = self.place_country(place);
            there.is_some() && self.home_country(e).is_some_and(|home| Some(home) != there)
        };
        let visitors = subjects.iter().filter_map(|&sm| self.mentions[sm].entity).chain(
            objects
                .iter()
                .filter_map(|&om| self.mentions[om].entity)
                .filter(|&o| away(o)),
        );
        visitors
            .filter(|&s| is_person(self.ents, s))
            .flat_map(|s| {
                [Some(place), wider]
                    .into_iter()
                    .flatten()
                    .filter_map(move |p| self.found(s, Relation::Visited, p, modality, si, 0.6, "visited.location"))
            })
            .collect()
    }

    /// The country a person holds a title of or for, as the document's
    /// titles tell ("Russian President", "UK prime minister").
    fn home_country(&self, e: usize) -> Option<&str> {
        self.ents.list[e]
            .titles
            .iter()
            .filter_map(|title| title.qualifier)
            .find_map(|q| self.ents.list[q].country.as_deref())
    }

    fn emit_pair(
        &self,
        pat: &Pattern,
        si: usize,
        a: usize,
        b: usize,
        modality: Modality,
        distance: usize,
    ) -> Option<Found> {
        let (s, o) = (self.mentions[a].entity?, self.mentions[b].entity?);
        if !self.type_ok(s, &pat.subject_types) || !self.type_ok(o, &pat.subject_types) {
            return None;
        }
        let conf = self.confidence(pat, &[a, b], distance);
        self.found(s, pat.relation, o, modality, si, conf, &pat.id)
    }

    fn apply_noun(&self, pat: &Pattern, si: usize, k: usize, e: usize) -> Vec<Found> {
        let t = self.t;
        let (first, last) = self.sentence(si);
        // "lift sanctions on Iran", "an end to the embargo": undoing it is no sanction.
        if pat.relation == Relation::Sanctioned && k > first && one_of(t.word(k - 1), UNDOING) {
            return Vec::new();
        }
        let modality = self.modality(si, k.saturating_sub(4), k);
        // "Republican and Democratic negotiators", "American and Chinese
        // negotiators": the two sides qualify the noun.
        if let Some((a, b)) = self.modifier_pair_ending(k, first) {
            return self.emit_pair(pat, si, a, b, modality, 0).into_iter().collect();
        }
        // "talks between X and Y", "between House and Senate leaders"
        if e < last && t.word(e) == "between" {
            let mut args = self.objects_from(e + 1, last, 0);
            if args.len() < 2 {
                let p = e + 1 + usize::from(e + 1 < last && t.word(e + 1) == "the");
                args.extend(
                    self.modifier_pair_at(p, last)
                        .map(|(a, b)| [a, b])
                        .into_iter()
                        .flatten(),
                );
            }
            if args.len() >= 2 {
                return self
                    .emit_pair(pat, si, args[0], args[1], modality, 0)
                    .into_iter()
                    .collect();
            }
            return Vec::new();
        }
        // "Turkey-EU talks", "Turkey-EU talks deal": a hyphenated pair before the noun.
        let pair_end = if mention_ending(self.mentions, k).is_some() {
            k
        } else if k > first + 1 && is_plain_word(t.raw(k - 1)) {
            k - 1
        } else {
            k
        };
        if let Some(bi) = mention_ending(self.mentions, pair_end)
            && self.mentions[bi].first >= 2
            && t.raw(self.mentions[bi].first - 1) == "-"
            && !t.tokens()[self.mentions[bi].first].space_before
            && let Some(ai) = mention_ending(self.mentions, self.mentions[bi].first - 1)
        {
            return self.emit_pair(pat, si, ai, bi, modality, 0).into_iter().collect();
        }
        // "a letter by Zarif to Mogherini": the agent names the subject.
        // ("attacks by Republicans on Kerry" are words, no attack.)
        let agents = if e + 1 < last && t.word(e) == "by" && pat.relation != Relation::Attacked {
            self.objects_from(e + 1, last, 0)
        } else {
            Vec::new()
        };
        let from = agents.last().map_or(e, |&a| self.mentions[a].last);
        let Some(start) = self.link_after(pat, from, last) else {
            return Vec::new();
        };
        let mut objects = self.objects_from(start, last, 0);
        // "drone attacks on Saudi Arabia's Abqaiq plant": its owner's.
        if objects.is_empty() && pat.relation == Relation::Attacked {
            objects.extend(self.target_owner_at(start, last));
        }
        if !agents.is_empty() && !objects.is_empty() {
            return self.emit(pat, si, &agents, &objects, modality, 0);
        }
        if objects.is_empty() {
            return Vec::new();
        }
        // The subject: the possessor ("Trump's call with Putin"), else the clause's subject.
        let mut p = k;
        while p > first
            && !matches!(t.word(p - 1), "'s" | "," | ";")
            && mention_ending(self.mentions, p).is_none()
            && k - p < 4
        {
            p -= 1;
        }
        let subjects = if p > first && t.word(p - 1) == "'s" {
            mention_ending(self.mentions, p - 1).into_iter().collect()
        } else if let Some(mi) = mention_ending(self.mentions, p).filter(|&mi| self.mentions[mi].entity.is_some()) {
            // "an EU demand for Turkey", "a Trump call with Putin"
            vec![mi]
        } else {
            let range = self.sentence_mentions(si);
            let clause_subject = self.mentions[range.clone()].iter().position(|m| {
                m.last <= k && !m.modifier && m.entity.is_some() && {
                    let before = self.np_start(m.first, first);
                    !(before > first && one_of(t.word(before - 1), PREPOSITIONS))
                }
            });
            // "In a letter to Nandy, Starmer said": an opening phrase's
            // subject is the main clause's, right after its comma.
            let opening = || {
                let comma = (self.mentions[*objects.last()?].last..last).find(|&j| t.raw(j) == ",")?;
                let lead = (one_of(t.word(first), PREPOSITIONS) || one_of(t.word(first), SUBORDINATORS))
                    && k - first <= 5
                    && (first..k).all(|j| t.raw(j).chars().all(char::is_alphabetic));
                (lead && comma <= self.mentions[*objects.last()?].last + 3)
                    .then(|| {
                        self.mentions[range.clone()]
                            .iter()
                            .position(|m| m.first == comma + 1 && !m.modifier)
                    })
                    .flatten()
                    .map(|i| range.start + i)
                    .filter(|&i| self.mentions[i].entity.is_some())
            };
            clause_subject
                .map(|i| range.start + i)
                .or_else(opening)
                .into_iter()
                .collect::<Vec<_>>()
        };
        let distance = subjects.first().map_or(0, |&s| k.saturating_sub(self.mentions[s].last));
        let mut out = self.emit(pat, si, &subjects, &objects, modality, distance);
        // "Trump's summit with Putin in Helsinki": a visit, as for the verb.
        if !out.is_empty() && matches!(pat.relation, Relation::Met | Relation::NegotiatedWith) {
            out.extend(self.location_adjunct(si, &subjects, &objects, modality));
        }
        out
    }

    fn apply_prefix(&self, pat: &Pattern, si: usize, k: usize, e: usize) -> Vec<Found> {
        let t = self.t;
        let (_, last) = self.sentence(si);
        // "Iranian-backed Houthi rebels"
        if k < 2 || t.raw(k - 1) != "-" || t.tokens()[k - 1].space_before || t.tokens()[k].space_before {
            return Vec::new();
        }
        let Some(ai) = mention_ending(self.mentions, k - 1) else {
            return Vec::new();
        };
        let objects: Vec<usize> = mention_at(self.mentions, e)
            .filter(|&m| self.mentions[m].entity.is_some())
            .into_iter()
            .collect();
        let _ = last;
        let modality = self.modality(si, k, k);
        self.emit(pat, si, &[ai], &objects, modality, 0)
    }
}

/// How many words at `i` say when ("Saturday", "on Monday night", "last
/// week", "earlier this month", "yesterday"), 0 if none do.
fn time_phrase(t: &Tokenized, i: usize, end: usize) -> usize {
    const PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
    const SPANS: &[&str] = &[
        "week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter",
    ];
    let word = |j: usize| if j < end { t.word(j) } else { "" };
    let day = |j: usize| j < end && WEEKDAYS.contains(&t.raw(j));
    let mut n = 0;
    if word(i) == "on" && day(i + 1) {
        n = 2;
    } else if day(i) || matches!(word(i), "yesterday" | "today" | "tonight") {
        n = 1;
    } else if matches!(word(i), "last" | "this") && one_of(word(i + 1), SPANS) {
        return 2;
    } else if matches!(word(i), "earlier" | "later") && word(i + 1) == "this" && one_of(word(i + 2), SPANS) {
        return 3;
    }
    if n > 0 && one_of(word(i + n), PARTS) {
        n += 1;
    }
    n
}
