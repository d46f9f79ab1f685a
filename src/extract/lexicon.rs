//! Lexicons and relation patterns: data files, loaded once, compiled into matchers.
//!
//! The built-in files under `data/` are compiled into the binary (so an installed
//! `polgraph` needs no data directory); `--lexicon DIR` adds the user's files of the
//! same names on top, so a user can add a country, an alias, a title or a verb
//! without recompiling. Every malformed line is an error naming the file and line.

use crate::error::{Error, Result};
use crate::model::{ActorType, Modality, Relation};
use crate::naming::{Correction, Located};
use crate::text::{same_bytes, same_word};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

/// The lexicon files polgraph reads, by file name, with their built-in contents.
pub const FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../data/lexicon/countries.tsv")),
    (
        "organizations.tsv",
        include_str!("../../data/lexicon/organizations.tsv"),
    ),
    ("places.tsv", include_str!("../../data/lexicon/places.tsv")),
    (
        "places.imported.tsv",
        include_str!("../../data/lexicon/places.imported.tsv"),
    ),
    ("titles.tsv", include_str!("../../data/lexicon/titles.tsv")),
    (
        "title_modifiers.tsv",
        include_str!("../../data/lexicon/title_modifiers.tsv"),
    ),
    ("given_names.tsv", include_str!("../../data/lexicon/given_names.tsv")),
    (
        "given_names.imported.tsv",
        include_str!("../../data/lexicon/given_names.imported.tsv"),
    ),
    (
        "name_sexes.imported.tsv",
        include_str!("../../data/lexicon/name_sexes.imported.tsv"),
    ),
    ("nicknames.tsv", include_str!("../../data/lexicon/nicknames.tsv")),
    (
        "nicknames.imported.tsv",
        include_str!("../../data/lexicon/nicknames.imported.tsv"),
    ),
    ("corrections.tsv", include_str!("../../data/lexicon/corrections.tsv")),
    (
        COMMON_WORDS,
        include_str!("../../data/lexicon/common_words.imported.tsv"),
    ),
    ("not_actors.tsv", include_str!("../../data/lexicon/not_actors.tsv")),
    ("name_heads.tsv", include_str!("../../data/lexicon/name_heads.tsv")),
    ("honorifics.tsv", include_str!("../../data/lexicon/honorifics.tsv")),
    ("relations.tsv", include_str!("../../data/patterns/relations.tsv")),
    ("modality.tsv", include_str!("../../data/patterns/modality.tsv")),
];

/// The sex of a given name's bearers, as `name_sexes*.tsv` states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// A man's name: "he", "him", "his".
    Male,
    /// A woman's name: "she", "her".
    Female,
}

/// The imported common words: compiled in sorted, read in place.
const COMMON_WORDS: &str = "common_words.imported.tsv";

/// A file's text after the comment lines that open it.
fn after_comments(text: &'static str) -> &'static str {
    let mut rest = text;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest
}

/// Lines of a compiled-in text sorted bytewise, looked up by binary search
/// over where each line starts. The starts are found on the first lookup,
/// not at start-up: a table of the 60,000 common words took 4 ms of every
/// start-up, and a binary search over the bytes alone, widening each probe
/// to its line, cost 3,000 instructions a lookup (2% of a run).
#[derive(Debug)]
struct SortedLines {
    text: &'static str,
    /// Each line's start, then one past the text's end.
    starts: std::sync::OnceLock<Box<[u32]>>,
}

impl SortedLines {
    fn new(text: &'static str) -> Self {
        Self {
            text,
            starts: std::sync::OnceLock::new(),
        }
    }

    fn starts(&self) -> &[u32] {
        self.starts.get_or_init(|| {
            let b = self.text.strip_suffix('\n').unwrap_or(self.text).as_bytes();
            let mut starts = Vec::with_capacity(b.len() / 8);
            if !b.is_empty() {
                starts.push(0);
            }
            starts.extend(memchr::memchr_iter(b'\n', b).map(|p| p as u32 + 1));
            starts.push(b.len() as u32 + 1);
            starts.into_boxed_slice()
        })
    }

    fn contains(&self, word: &str) -> bool {
        let starts = self.starts();
        let b = self.text.as_bytes();
        // Line i is b[starts[i]..starts[i + 1] - 1] (its newline, or the
        // text's end, cut off).
        let n = starts.len() - 1;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let line = &b[starts[mid] as usize..starts[mid + 1] as usize - 1];
            match line.cmp(word.as_bytes()) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        false
    }

    #[cfg(test)]
    fn lines(&self) -> std::str::Lines<'static> {
        self.text.lines()
    }
}

/// How a known actor's surface form refers to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceKind {
    /// Its canonical name or an alias ("Russia", "Russian Federation").
    Name,
    /// A demonym or adjective ("Russian"): qualifies a title or a person, never a
    /// verb's argument on its own.
    Demonym,
    /// A capital or seat standing for the country ("Moscow said").
    Capital,
}

/// An actor the lexicon knows by name.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// Person, organization or place.
    pub actor_type: ActorType,
    /// For organizations: government, party, media, ...; "country" for countries.
    pub kind: String,
    /// The country it belongs to, by canonical name.
    pub country: Option<String>,
}

/// What a relation pattern looks for (see data/patterns/relations.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    /// SUBJECT ... TRIGGER \[link\] OBJECT.
    Verb,
    /// TRIGGER between X and Y / TRIGGER with Y.
    Noun,
    /// X-TRIGGER Y ("Iranian-backed rebels").
    Prefix,
    /// SUBJECT TRIGGER \[that\] OBJECT LINK: the object is the subject of a
    /// clause the link opens ("Trump said Kim should resign").
    Complement,
    /// SUBJECT ... TRIGGER ... LINK OBJECT, the link a few words after the
    /// trigger ("spoke to reporters in Aspen"): where an actor was.
    Locative,
    /// SUBJECT TRIGGER \[link\] OBJECT read the other way round: the object
    /// does it to the subject ("Trump faced blowback from fellow Republicans":
    /// the Republicans criticized Trump; "Mainstream has the backing of Andy
    /// Burnham": Burnham supports it).
    Received,
}

/// One relation pattern, a line of relations.tsv.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Stable id, shown in each triple's `rule`.
    pub id: String,
    /// The relation it makes.
    pub relation: Relation,
    /// What it looks for.
    pub kind: PatternKind,
    /// Trigger phrases, lower case, as word sequences.
    pub triggers: Vec<Vec<String>>,
    /// Words allowed between trigger and object.
    pub links: Vec<Vec<String>>,
    /// The first words of the links: a `complement` pattern looks for one
    /// in the words after every "said" before anything else, and a set
    /// answers for a word at once where fifty links compared one by one
    /// cost a tenth of a run.
    pub link_starts: HashSet<String>,
    /// Whether one of the links must be there ("said to").
    pub link_required: bool,
    /// Whether a sum must stand between the trigger and the link
    /// ("received £200,000 from": a `$` before the links).
    pub sum_required: bool,
    /// Allowed subject types.
    pub subject_types: Vec<ActorType>,
    /// Allowed object types; empty means the pattern relates coordinated subjects
    /// ("Witkoff and Dmitriev met").
    pub object_types: Vec<ActorType>,
    /// A lexicon kind the object must have where it is an organization
    /// (`organization:media`: "said on Fox News" is speaking to an outlet,
    /// "said on Twitter" is not).
    pub object_kind: Option<String>,
    /// Base confidence of what it makes.
    pub confidence: f32,
}

/// Where a modality cue must stand to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueScope {
    /// In the verb group right before the trigger.
    Aux,
    /// Anywhere in the sentence before the trigger.
    Clause,
}

/// A word or phrase that changes a triple's modality.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The cue, lower case, as words.
    pub words: Vec<String>,
    /// The modality it signals.
    pub modality: Modality,
    /// Where it must stand.
    pub scope: CueScope,
}

/// A title and what it implies ("spokesman" → works_for).
#[derive(Debug, Clone)]
pub struct Title {
    /// Lower-case words.
    pub words: Vec<String>,
    /// The relation towards the body it is a title of.
    pub relation: Relation,
    /// The relation towards a party named with it: a "Tory shadow chancellor"
    /// or a "Democratic senator" is a member of the party, its "spokesman"
    /// works for it, its "leader" leads it.
    pub party: Relation,
    /// The relation towards a country or place named with it, where that is
    /// not `relation`: a profession says where one is from ("American writer
    /// X" is a citizen of the United States, "AP writer X" works for AP).
    pub place: Relation,
    /// Whether the title relates its holder to a body that is neither a
    /// party nor a place: a "Labour candidate" is the party's member, a
    /// "Senate candidate" is no senator (`body:-` in titles.tsv).
    pub body: bool,
}

/// [`Lexicon::word_tags`] bit: the word can start a title ("press" in "press secretary").
pub const TITLE_START: u8 = 1;
/// [`Lexicon::word_tags`] bit: the word can modify a title ("former", "special").
pub const TITLE_MODIFIER: u8 = 2;
/// [`Lexicon::word_tags`] bit: the word starts a relation pattern's trigger ("met", "spoke").
pub const TRIGGER_START: u8 = 4;

/// All lexicon data, compiled.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    by_name: HashMap<String, usize>,
    surfaces: Vec<(usize, SurfaceKind)>,
    /// Anchored only: the mention finder asks at token starts, never mid-word.
    matcher: AhoCorasick,
    /// Bytes that start a surface form (most tokens are turned away here,
    /// in 32 bytes that stay in cache), then one bit per pair of first two
    /// bytes, so most of the rest need no search either.
    surface_first: [bool; 256],
    surface_starts: Bits,
    /// Then one bit per class of first four bytes (hashed): set for every
    /// surface of four bytes or more, and for a three-byte one with any
    /// fourth. A pair that begins a surface of one or two bytes passes on
    /// the pair alone (`short_starts`). "The", "Pr", "Mi" begin some surface
    /// and thousands of words that begin none.
    surface_quads: Bits,
    short_starts: Bits,
    titles: Vec<Title>,
    titles_by_first: WordMap<Vec<usize>>,
    title_modifiers: WordMap<Option<Relation>>,
    /// [`TITLE_START`], [`TITLE_MODIFIER`] and [`TRIGGER_START`] bits per
    /// word: one lookup per token, and later stages test bits.
    word_tags: WordMap<u8>,
    given_names: WordMap<()>,
    name_sexes: WordMap<Sex>,
    /// Lower-case English words (`common_words.imported.tsv`): the built-in
    /// file's lines as compiled in, sorted, looked up by binary search, and
    /// any a user adds in a table.
    common_builtin: SortedLines,
    common_extra: WordMap<()>,
    not_actors: WordMap<()>,
    name_heads: WordMap<ActorType>,
    /// Head words of names that are no actors: laws, agreements, holidays
    /// ("Patriot Act", "Bill of Rights", "Paris Agreement").
    no_actor_heads: WordMap<()>,
    honorifics: WordMap<bool>,
    patterns: Vec<Pattern>,
    triggers_by_first: WordMap<Vec<(usize, usize)>>,
    cues: Vec<Cue>,
    /// Indices into `cues` by first word.
    cues_by_first: WordMap<Vec<usize>>,
    /// A capital's spellings, each to the entry of the city itself.
    capital_cities: HashMap<String, usize>,
    /// Names of places imported from gazetteers: they type a name the text
    /// gives no other clue about, and never make a mention of their own (in
    /// the automaton, 30,000 cities cost 70 ms of start-up and took "Des
    /// Moines Register" and "Prince Edward" from the names they begin).
    gazetteer: WordMap<u16>,
    /// The countries of gazetteer places, by the index a place holds
    /// (`u16::MAX` for none).
    gazetteer_countries: Vec<String>,
    /// Lines of `nicknames*.tsv` (checked when loaded), read by the
    /// corpus-wide naming pass only.
    nicknames: String,
    /// The user's corrections to the corpus-wide naming, with where each was written.
    corrections: Vec<Located<Correction>>,
}

/// A fixed-size set of small numbers, one bit each.
#[derive(Debug)]
struct Bits(Box<[u64]>);

impl Bits {
    fn new(size: usize) -> Self {
        Bits(vec![0; size.div_ceil(64)].into_boxed_slice())
    }

    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The filter class of a surface's first four bytes.
#[inline]
fn quad_class(bytes: [u8; 4]) -> usize {
    (u32::from_le_bytes(bytes).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// A map from words that answers "absent" for most absent words without
/// hashing them or comparing strings: a filter holds one bit per class of
/// (length, first two bytes, last byte), set for the classes of the words the
/// map holds. Every token of every article is looked up in one of these maps
/// and nearly all are absent. The filter has about 16 bits per word, so that
/// all the lexicon's filters together stay in the first-level cache.
#[derive(Debug)]
struct WordMap<V> {
    /// Where each word stands in `words`, and its value, found by FxHash and
    /// compared inline: a `HashMap<String, _>` calls `memcmp` on every hit.
    entries: hashbrown::HashTable<(u32, u32, V)>,
    /// The words, one after another. In one buffer rather than a box each,
    /// a word compared on a hit is seldom a miss in the cache: boxes lay
    /// scattered over the heap, and comparing with them was 4% of a run.
    words: Box<str>,
    filter: Bits,
    /// 32 less the base-2 logarithm of the filter's bits.
    shift: u32,
}

fn hash_word(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// The filter bit of a word's class, for a filter of `32 - shift` bits' size.
#[inline]
fn filter_bit(word: &[u8], shift: u32) -> usize {
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return 0;
    };
    let second = word.get(1).copied().unwrap_or(0);
    let class = u32::from(first) | (u32::from(second) << 8) | (u32::from(last) << 16) | ((word.len() as u32) << 24);
    (class.wrapping_mul(0x9E37_79B1) >> shift) as usize
}

impl<V> WordMap<V> {
    fn new(map: HashMap<String, V>) -> Self {
        Self::build(map.len(), map)
    }

    /// The map of `items`, the first value of a word kept where it comes
    /// twice; `n` is how many there are at most, to size the filter.
    fn build<S: AsRef<str>>(n: usize, items: impl IntoIterator<Item = (S, V)>) -> Self {
        let bits = (n * 16).next_power_of_two().clamp(512, 1 << 20);
        let shift = 32 - bits.trailing_zeros();
        let mut filter = Bits::new(bits);
        let mut entries: hashbrown::HashTable<(u32, u32, V)> = hashbrown::HashTable::with_capacity(n);
        let mut words = String::new();
        for (w, v) in items {
            let w = w.as_ref();
            let hash = hash_word(w);
            let known = entries
                .find(hash, |&(s, e, _)| {
                    same_bytes(&words.as_bytes()[s as usize..e as usize], w.as_bytes())
                })
                .is_some();
            if known {
                continue;
            }
            filter.insert(filter_bit(w.as_bytes(), shift));
            let start = u32::try_from(words.len()).expect("lexicon words under 4 GB");
            words.push_str(w);
            let end = u32::try_from(words.len()).expect("lexicon words under 4 GB");
            // Every word is in the table when it grows, so the rehash
            // reads `words` as it stands.
            let text = &words;
            entries.insert_unique(hash, (start, end, v), |&(s, e, _)| {
                hash_word(&text[s as usize..e as usize])
            });
        }
        WordMap {
            entries,
            words: words.into_boxed_str(),
            filter,
            shift,
        }
    }

    /// The filter is inlined into the caller, the lookup behind it is not.
    #[inline]
    fn get(&self, word: &str) -> Option<&V> {
        if !self.filter.contains(filter_bit(word.as_bytes(), self.shift)) {
            return None;
        }
        self.lookup(word)
    }

    #[inline(never)]
    fn lookup(&self, word: &str) -> Option<&V> {
        let words = self.words.as_bytes();
        self.entries
            .find(hash_word(word), |&(s, e, _)| {
                same_bytes(&words[s as usize..e as usize], word.as_bytes())
            })
            .map(|(_, _, v)| v)
    }

    fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl WordMap<()> {
    fn from_set(set: HashSet<String>) -> Self {
        WordMap::build(set.len(), set.into_iter().map(|w| (w, ())))
    }

    /// The set of a buffer's lines, duplicates once, without a `String`
    /// per line: 45,000 imported names cost start-up two allocations and
    /// two hashes each through a `HashSet`.
    fn from_lines(text: &str) -> Self {
        WordMap::build(
            text.lines().count(),
            text.lines().filter(|w| !w.is_empty()).map(|w| (w, ())),
        )
    }
}

/// The gazetteer's names, each with the index of its country in the list
/// returned beside it, from lines of "name TAB country" (empty if unknown).
fn gazetteer(text: &str) -> (WordMap<u16>, Vec<String>) {
    let mut countries: Vec<String> = Vec::new();
    let mut index: HashMap<&str, u16> = HashMap::default();
    let map = WordMap::build(
        text.lines().count(),
        text.lines().filter(|l| !l.is_empty()).map(|line| {
            let (name, country) = line.split_once('\t').unwrap_or((line, ""));
            let i = if country.is_empty() {
                u16::MAX
            } else {
                *index.entry(country).or_insert_with(|| {
                    countries.push(country.to_string());
                    u16::try_from(countries.len() - 1).unwrap_or(u16::MAX)
                })
            };
            (name, i)
        }),
    );
    (map, countries)
}

/// Raw lexicon data, gathered from files before compiling.
#[derive(Debug, Default)]
struct Raw {
    entries: Vec<Entry>,
    by_name: HashMap<String, usize>,
    surfaces: Vec<(String, usize, SurfaceKind)>,
    titles: Vec<Title>,
    title_modifiers: HashMap<String, Option<Relation>>,
    /// Given names, one a line: tens of thousands of names, kept in one
    /// buffer rather than a `String` each (start-up allocated each twice).
    given_names: String,
    name_sexes: HashMap<String, Sex>,
    /// Lower-case English words a user adds, one a line, as `given_names`.
    common_words: String,
    /// The built-in ones: the compiled-in file after its comments.
    common_builtin: &'static str,
    not_actors: HashSet<String>,
    name_heads: HashMap<String, ActorType>,
    no_actor_heads: HashSet<String>,
    honorifics: HashMap<String, bool>,
    patterns: Vec<Pattern>,
    cues: Vec<Cue>,
    capital_cities: HashMap<String, usize>,
    /// Gazetteer names, one a line, as `given_names`.
    gazetteer: String,
    /// Lines of `nicknames*.tsv`, checked.
    nicknames: String,
    corrections: Vec<Located<Correction>>,
}

fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Items keyed by the first word of their phrase, in the order given
/// (phrases are never empty: the loaders reject empty ones).
fn by_first_word<'w, T>(items: impl IntoIterator<Item = (&'w Vec<String>, T)>) -> HashMap<String, Vec<T>> {
    let mut index: HashMap<String, Vec<T>> = HashMap::default();
    for (phrase, item) in items {
        if let Some(first) = phrase.first() {
            index.entry(first.clone()).or_default().push(item);
        }
    }
    index
}

/// A phrase's words as the tokenizer cuts text: lower case, and a hyphen a
/// word of its own ("vice-president" is vice, -, president), so hyphenated
/// titles and triggers match.
fn words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let w = w.to_lowercase().replace('\u{2019}', "'");
        let mut parts = w.split('-').peekable();
        while let Some(p) = parts.next() {
            if !p.is_empty() {
                out.push(p.to_string());
            }
            if parts.peek().is_some() {
                out.push("-".to_string());
            }
        }
    }
    out
}

/// The lines of a data file that carry data, with their 1-based numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

impl Raw {
    fn add_entry(&mut self, entry: Entry) -> usize {
        if let Some(&i) = self.by_name.get(&entry.name) {
            return i;
        }
        let i = self.entries.len();
        self.by_name.insert(entry.name.clone(), i);
        self.entries.push(entry);
        i
    }

    fn add_surface(&mut self, surface: &str, entry: usize, kind: SurfaceKind) {
        let surface = surface.strip_prefix("the ").unwrap_or(surface).trim();
        if !surface.is_empty() {
            self.surfaces.push((surface.to_string(), entry, kind));
        }
    }

    fn load(&mut self, file: &str, text: &str, path: &Path) -> Result<()> {
        let err = |line: usize, message: String| Error::Lexicon {
            path: path.to_path_buf(),
            line,
            message,
        };
        match file {
            "countries.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    let name = cols[0].trim();
                    if name.is_empty() || cols.len() > 4 {
                        return Err(err(
                            n,
                            "expected: name, aliases, demonyms, capitals (tab-separated)".into(),
                        ));
                    }
                    let e = self.add_entry(Entry {
                        name: name.to_string(),
                        actor_type: ActorType::Place,
                        kind: "country".into(),
                        country: Some(name.to_string()),
                    });
                    self.add_surface(name, e, SurfaceKind::Name);
                    let col = |i: usize| cols.get(i).copied().unwrap_or("");
                    for a in split_list(col(1)) {
                        self.add_surface(a, e, SurfaceKind::Name);
                    }
                    for a in split_list(col(2)) {
                        self.add_surface(a, e, SurfaceKind::Demonym);
                    }
                    // Each capital is also a city of its own, the place a
                    // visitor goes to ("flew to Tokyo"); every spelling of it
                    // names the first one ("Kiev" is Kyiv).
                    let mut city = None;
                    for a in split_list(col(3)) {
                        self.add_surface(a, e, SurfaceKind::Capital);
                        let c = *city.get_or_insert_with(|| {
                            self.add_entry(Entry {
                                name: a.to_string(),
                                actor_type: ActorType::Place,
                                kind: "capital".into(),
                                country: Some(name.to_string()),
                            })
                        });
                        self.capital_cities.insert(a.to_string(), c);
                    }
                }
            }
            "organizations.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    if cols.len() < 2 || cols.len() > 4 || cols[0].trim().is_empty() {
                        return Err(err(n, "expected: name, kind, aliases, country (tab-separated)".into()));
                    }
                    let country = cols.get(3).map(|c| c.trim()).filter(|c| !c.is_empty());
                    let e = self.add_entry(Entry {
                        name: cols[0].trim().to_string(),
                        actor_type: ActorType::Organization,
                        kind: cols[1].trim().to_string(),
                        country: country.map(str::to_string),
                    });
                    self.add_surface(cols[0].trim(), e, SurfaceKind::Name);
                    for a in split_list(cols.get(2).copied().unwrap_or("")) {
                        self.add_surface(a, e, SurfaceKind::Name);
                    }
                }
            }
            "places.imported.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    if cols.len() > 3 || cols[0].trim().is_empty() {
                        return Err(err(n, "expected: name, aliases, country (tab-separated)".into()));
                    }
                    let country = cols.get(2).map_or("", |c| c.trim());
                    for name in std::iter::once(cols[0]).chain(split_list(cols.get(1).copied().unwrap_or(""))) {
                        self.gazetteer.push_str(name.trim());
                        self.gazetteer.push('\t');
                        self.gazetteer.push_str(country);
                        self.gazetteer.push('\n');
                    }
                }
            }
            "places.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    if cols.len() > 3 || cols[0].trim().is_empty() {
                        return Err(err(n, "expected: name, aliases, country (tab-separated)".into()));
                    }
                    let country = cols.get(2).map(|c| c.trim()).filter(|c| !c.is_empty());
                    let e = self.add_entry(Entry {
                        name: cols[0].trim().to_string(),
                        actor_type: ActorType::Place,
                        kind: "place".into(),
                        country: country.map(str::to_string),
                    });
                    self.add_surface(cols[0].trim(), e, SurfaceKind::Name);
                    for a in split_list(cols.get(1).copied().unwrap_or("")) {
                        self.add_surface(a, e, SurfaceKind::Name);
                    }
                }
            }
            "titles.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    let relation = cols
                        .get(1)
                        .ok_or_else(|| err(n, "expected: title, relation (tab-separated)".into()))?
                        .trim()
                        .parse::<Relation>()
                        .map_err(|m| err(n, m))?;
                    let title = words(cols[0]);
                    if title.is_empty() {
                        return Err(err(n, "the title is empty".into()));
                    }
                    if cols.len() > 3 {
                        return Err(err(
                            n,
                            "expected: title, relation, overrides such as party:member_of (tab-separated)".into(),
                        ));
                    }
                    let (mut party, mut place, mut body) = (relation, relation, true);
                    for o in cols.get(2).map_or("", |c| c.trim()).split_whitespace() {
                        let (towards, r) = o.split_once(':').ok_or_else(|| {
                            err(
                                n,
                                format!("override {o:?}: expected party:RELATION, place:RELATION or body:-"),
                            )
                        })?;
                        if towards == "body" && r == "-" {
                            body = false;
                            continue;
                        }
                        let r = r.parse::<Relation>().map_err(|m| err(n, m))?;
                        match towards {
                            "party" => party = r,
                            "place" => place = r,
                            _ => return Err(err(n, format!("override {o:?}: expected party:, place: or body:-"))),
                        }
                    }
                    self.titles.push(Title {
                        words: title,
                        relation,
                        party,
                        place,
                        body,
                    });
                }
            }
            "title_modifiers.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    let relation = match cols.get(1).map(|c| c.trim()) {
                        None | Some("") => None,
                        Some(r) => Some(r.parse::<Relation>().map_err(|m| err(n, m))?),
                    };
                    self.title_modifiers.insert(cols[0].trim().to_lowercase(), relation);
                }
            }
            "given_names.tsv" | "given_names.imported.tsv" => {
                for (_, l) in data_lines(text) {
                    self.given_names.push_str(l.trim());
                    self.given_names.push('\n');
                }
            }
            "nicknames.tsv" | "nicknames.imported.tsv" => {
                // Checked here, kept as text: only the naming pass reads them.
                for (n, line) in data_lines(text) {
                    let mut cols = line.split('\t');
                    let name = cols.next().unwrap_or("").trim();
                    let nicks = cols.next().map_or(0, |c| split_list(c).count());
                    if name.is_empty() || nicks == 0 || cols.next().is_some() {
                        return Err(err(
                            n,
                            "expected: given name, nicknames (|-separated; tab-separated)".into(),
                        ));
                    }
                    self.nicknames.push_str(line);
                    self.nicknames.push('\n');
                }
            }
            "corrections.tsv" => {
                for (n, line) in data_lines(text) {
                    let correction = Correction::parse(line).map_err(|m| err(n, m))?;
                    self.corrections.push(Located {
                        item: correction,
                        path: path.to_path_buf(),
                        line: n,
                    });
                }
            }
            "common_words.imported.tsv" => {
                for (_, l) in data_lines(text) {
                    self.common_words.push_str(l.trim());
                    self.common_words.push('\n');
                }
            }
            "not_actors.tsv" => {
                self.not_actors
                    .extend(data_lines(text).map(|(_, l)| l.trim().to_string()));
            }
            "name_heads.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    if cols.get(1).map(|c| c.trim()) == Some("none") {
                        self.no_actor_heads.insert(cols[0].trim().to_string());
                        continue;
                    }
                    let ty = cols
                        .get(1)
                        .ok_or_else(|| err(n, "expected: word, type (tab-separated)".into()))?
                        .trim()
                        .parse::<ActorType>()
                        .map_err(|m| err(n, m))?;
                    self.name_heads.insert(cols[0].trim().to_string(), ty);
                }
            }
            "name_sexes.tsv" | "name_sexes.imported.tsv" => {
                for (n, line) in data_lines(text) {
                    let (name, sex) = line.split_once('\t').unwrap_or((line, ""));
                    let sex = match sex.trim() {
                        "m" => Sex::Male,
                        "f" => Sex::Female,
                        s => {
                            return Err(err(
                                n,
                                format!("expected: given name, m or f (tab-separated), found {s:?}"),
                            ));
                        }
                    };
                    self.name_sexes.insert(name.trim().to_string(), sex);
                }
            }
            "honorifics.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    let keep = match cols.get(1).map(|c| c.trim()) {
                        Some("keep") => true,
                        Some("drop") | None => false,
                        Some(k) => return Err(err(n, format!("expected keep or drop, found {k:?}"))),
                    };
                    self.honorifics.insert(cols[0].trim().to_string(), keep);
                }
            }
            "relations.tsv" => {
                for (n, line) in data_lines(text) {
                    let p = parse_pattern(line).map_err(|m| err(n, m))?;
                    if let Some(old) = self.patterns.iter_mut().find(|q| q.id == p.id) {
                        *old = p;
                    } else {
                        self.patterns.push(p);
                    }
                }
            }
            "modality.tsv" => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    if cols.len() != 3 {
                        return Err(err(n, "expected: cue, modality, scope (tab-separated)".into()));
                    }
                    let modality = cols[1].trim().parse::<Modality>().map_err(|m| err(n, m))?;
                    let scope = match cols[2].trim() {
                        "aux" => CueScope::Aux,
                        "clause" => CueScope::Clause,
                        s => return Err(err(n, format!("unknown scope {s:?} (aux or clause)"))),
                    };
                    let cue = words(cols[0]);
                    if cue.is_empty() {
                        return Err(err(n, "the cue is empty".into()));
                    }
                    self.cues.push(Cue {
                        words: cue,
                        modality,
                        scope,
                    });
                }
            }
            _ => unreachable!("FILES lists every file name"),
        }
        Ok(())
    }
}

fn parse_types(field: &str) -> Result<Vec<ActorType>, String> {
    match field.trim() {
        "-" | "" => Ok(Vec::new()),
        "any" => Ok(vec![ActorType::Person, ActorType::Organization, ActorType::Place]),
        f => split_list(f).map(str::parse).collect(),
    }
}

/// The kinds of organizations.tsv, which a pattern's object types may name.
const ORG_KINDS: &[&str] = &[
    "government",
    "legislature",
    "party",
    "international",
    "media",
    "agency",
    "military",
    "court",
    "group",
    "company",
    "ngo",
];

fn parse_pattern(line: &str) -> Result<Pattern, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 8 {
        return Err(format!(
            "expected 8 tab-separated columns (id, relation, kind, triggers, links, subject types, object types, confidence), found {}",
            cols.len()
        ));
    }
    let kind = match cols[2].trim() {
        "verb" => PatternKind::Verb,
        "noun" => PatternKind::Noun,
        "prefix" => PatternKind::Prefix,
        "locative" => PatternKind::Locative,
        "complement" => PatternKind::Complement,
        "received" => PatternKind::Received,
        k => {
            return Err(format!(
                "unknown pattern kind {k:?} (verb, noun, prefix, locative, complement or received)"
            ));
        }
    };
    let (link_required, links) = match cols[4].trim() {
        "-" | "" => (false, ""),
        l => match l.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, l),
        },
    };
    let (sum_required, links) = match links.strip_prefix('$') {
        Some(rest) if link_required => (true, rest),
        Some(_) => return Err("a sum ($) goes with a required link: !$from".into()),
        None => (false, links),
    };
    let confidence: f32 = cols[7]
        .trim()
        .parse()
        .map_err(|_| format!("confidence {:?} is not a number", cols[7]))?;
    if !(0.0..=1.0).contains(&confidence) {
        return Err(format!("confidence {confidence} is outside 0..1"));
    }
    if let Some((types, kind)) = cols[6].split_once(':')
        && (types.trim() != "organization" || !ORG_KINDS.contains(&kind.trim()))
    {
        return Err(format!(
            "object types {:?}: a kind goes with organization, one of {}",
            cols[6],
            ORG_KINDS.join(", ")
        ));
    }
    let triggers: Vec<Vec<String>> = split_list(cols[3]).map(words).collect();
    if triggers.is_empty() {
        return Err("a pattern needs at least one trigger".into());
    }
    Ok(Pattern {
        id: cols[0].trim().to_string(),
        relation: cols[1].trim().parse()?,
        kind,
        triggers,
        link_starts: split_list(links).filter_map(|l| words(l).into_iter().next()).collect(),
        links: split_list(links).map(words).collect(),
        link_required,
        sum_required,
        subject_types: parse_types(cols[5])?,
        object_types: parse_types(cols[6].split(':').next().unwrap_or(""))?,
        object_kind: cols[6].split_once(':').map(|(_, k)| k.trim().to_string()),
        confidence,
    })
}

impl Lexicon {
    /// The built-in lexicons and patterns.
    pub fn builtin() -> Self {
        Self::load(None, &[]).expect("the built-in lexicons are valid (tested)")
    }

    /// The built-in lexicons plus the files of the same names found in `dirs`,
    /// with the named rules switched off.
    pub fn load(dirs: Option<&[PathBuf]>, disabled_rules: &[String]) -> Result<Self> {
        let mut raw = Raw::default();
        for (file, text) in FILES {
            if *file == COMMON_WORDS {
                raw.common_builtin = after_comments(text);
                continue;
            }
            let dir = if file.ends_with("relations.tsv") || file.ends_with("modality.tsv") {
                "data/patterns"
            } else {
                "data/lexicon"
            };
            raw.load(file, text, &Path::new(dir).join(file))?;
        }
        for dir in dirs.unwrap_or(&[]) {
            if !dir.is_dir() {
                return Err(Error::io(
                    dir,
                    std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
                ));
            }
            let mut found = false;
            for (file, _) in FILES {
                let path = dir.join(file);
                if path.is_file() {
                    found = true;
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    raw.load(file, &text, &path)?;
                }
            }
            if !found {
                return Err(Error::Invalid(format!(
                    "{}: holds none of the lexicon files ({})",
                    dir.display(),
                    FILES.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ")
                )));
            }
        }
        for id in disabled_rules {
            let before = raw.patterns.len();
            raw.patterns.retain(|p| &p.id != id);
            if raw.patterns.len() == before {
                return Err(Error::Invalid(format!("no rule with id {id:?} to disable")));
            }
        }
        Ok(Self::compile(raw))
    }

    fn compile(raw: Raw) -> Self {
        // Earlier surfaces win on duplicates: a country's own name over another's alias.
        let mut seen = HashSet::default();
        let mut patterns_text = Vec::new();
        let mut surfaces = Vec::new();
        for (text, entry, kind) in raw.surfaces {
            if seen.insert(text.clone()) {
                patterns_text.push(text);
                surfaces.push((entry, kind));
            }
        }
        // Anchored searches at token starts run a few bytes each, so the build
        // (at every start-up) costs more than the search: a contiguous NFA.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns_text)
            .expect("lexicon automaton fits in memory");
        let mut surface_starts = Bits::new(1 << 16);
        let mut short_starts = Bits::new(1 << 16);
        let mut surface_quads = Bits::new(1 << 16);
        let mut surface_first = [false; 256];
        for p in &patterns_text {
            let b = p.as_bytes();
            surface_first[usize::from(b[0])] = true;
            // A one-byte surface starts before any second byte.
            let seconds = match b.get(1) {
                Some(&second) => second..=second,
                None => 0..=255,
            };
            for second in seconds {
                let pair = usize::from(b[0]) << 8 | usize::from(second);
                surface_starts.insert(pair);
                if b.len() <= 2 {
                    short_starts.insert(pair);
                }
            }
            match *b {
                [w, x, y, z, ..] => surface_quads.insert(quad_class([w, x, y, z])),
                [w, x, y] => (0..=255).for_each(|z| surface_quads.insert(quad_class([w, x, y, z]))),
                _ => {}
            }
        }
        let (gazetteer, gazetteer_countries) = gazetteer(&raw.gazetteer);
        let titles_by_first = by_first_word(raw.titles.iter().enumerate().map(|(i, t)| (&t.words, i)));
        let mut word_tags: HashMap<String, u8> = HashMap::default();
        for w in titles_by_first.keys() {
            *word_tags.entry(w.clone()).or_default() |= TITLE_START;
        }
        for w in raw.title_modifiers.keys() {
            *word_tags.entry(w.clone()).or_default() |= TITLE_MODIFIER;
        }
        let triggers_by_first = by_first_word(
            raw.patterns
                .iter()
                .enumerate()
                .flat_map(|(p, pat)| pat.triggers.iter().enumerate().map(move |(t, trig)| (trig, (p, t)))),
        );
        for w in triggers_by_first.keys() {
            *word_tags.entry(w.clone()).or_default() |= TRIGGER_START;
        }
        Lexicon {
            entries: raw.entries,
            by_name: raw.by_name,
            surfaces,
            matcher,
            surface_first,
            surface_starts,
            surface_quads,
            short_starts,
            titles: raw.titles,
            titles_by_first: WordMap::new(titles_by_first),
            title_modifiers: WordMap::new(raw.title_modifiers),
            word_tags: WordMap::new(word_tags),
            given_names: WordMap::from_lines(&raw.given_names),
            name_sexes: WordMap::new(raw.name_sexes),
            common_builtin: SortedLines::new(raw.common_builtin),
            common_extra: WordMap::from_lines(&raw.common_words),
            not_actors: WordMap::from_set(raw.not_actors),
            name_heads: WordMap::new(raw.name_heads),
            no_actor_heads: WordMap::from_set(raw.no_actor_heads),
            honorifics: WordMap::new(raw.honorifics),
            patterns: raw.patterns,
            triggers_by_first: WordMap::new(triggers_by_first),
            cues_by_first: WordMap::new(by_first_word(raw.cues.iter().enumerate().map(|(i, c)| (&c.words, i)))),
            cues: raw.cues,
            capital_cities: raw.capital_cities,
            gazetteer,
            gazetteer_countries,
            nicknames: raw.nicknames,
            corrections: raw.corrections,
        }
    }

    /// The longest known surface form starting at byte `start` of `text` (a
    /// character boundary), as (end, entry, kind).
    #[inline]
    pub fn known_at(&self, text: &str, start: usize) -> Option<(usize, usize, SurfaceKind)> {
        let bytes = text.as_bytes();
        let first = *bytes.get(start)?;
        if !self.surface_first[usize::from(first)] {
            return None;
        }
        let pair = usize::from(first) << 8 | usize::from(bytes.get(start + 1).copied().unwrap_or(0));
        if !self.surface_starts.contains(pair) {
            return None;
        }
        self.known_search(text, start, pair)
    }

    /// [`Lexicon::known_at`] past its byte and pair filters: seven tokens in
    /// eight never get here, so those are inlined into the caller and this
    /// is not. The four-byte filter turns away half of the rest.
    #[inline(never)]
    fn known_search(&self, text: &str, start: usize, pair: usize) -> Option<(usize, usize, SurfaceKind)> {
        if !self.short_starts.contains(pair) {
            // Past the text's end counts as 0: a surface of four bytes or
            // more cannot match there, and one of three passes with any.
            let byte = |k: usize| text.as_bytes().get(start + k).copied().unwrap_or(0);
            if !self
                .surface_quads
                .contains(quad_class([byte(0), byte(1), byte(2), byte(3)]))
            {
                return None;
            }
        }
        self.search_at(text, start)
    }

    /// The anchored search itself, with no filter.
    fn search_at(&self, text: &str, start: usize) -> Option<(usize, usize, SurfaceKind)> {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let m = self.matcher.try_find(input).ok()??;
        let (entry, kind) = self.surfaces[m.pattern().as_usize()];
        Some((m.end(), entry, kind))
    }

    /// Whether a known surface form starts anywhere in `text`.
    pub fn contains_known(&self, text: &str) -> bool {
        text.char_indices().any(|(i, _)| self.known_at(text, i).is_some())
    }

    /// Whether a name the lexicon's entries do not know is a place of the
    /// imported gazetteers ("Tulsa", "El Paso").
    pub fn is_gazetteer_place(&self, name: &str) -> bool {
        self.gazetteer.contains(name)
    }

    /// The country a gazetteer place lies in ("Biarritz": France).
    pub fn gazetteer_country(&self, name: &str) -> Option<&str> {
        let &i = self.gazetteer.get(name)?;
        self.gazetteer_countries.get(usize::from(i)).map(String::as_str)
    }

    /// The entry of the city a capital's spelling names, as a place rather
    /// than the country it can stand for ("in Moscow" as against "Moscow said").
    pub fn capital_city(&self, surface: &str) -> Option<usize> {
        self.capital_cities.get(surface).copied()
    }

    /// A known actor by index.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// A known actor by canonical name.
    pub fn entry_by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// The longest title starting at `words[0]` (lower case), as (title, words used).
    pub fn title_at(&self, words: &[&str]) -> Option<(&Title, usize)> {
        let first = words.first()?;
        self.titles_by_first
            .get(first)?
            .iter()
            .map(|&i| &self.titles[i])
            .filter(|t| t.words.len() <= words.len() && t.words.iter().zip(words).all(|(a, b)| same_word(a, b)))
            .max_by_key(|t| t.words.len())
            .map(|t| (t, t.words.len()))
    }

    /// What a lower-case word can be: [`TITLE_START`], [`TITLE_MODIFIER`]
    /// and [`TRIGGER_START`] bits, 0 for none.
    #[inline]
    pub fn word_tags(&self, word: &str) -> u8 {
        self.word_tags.get(word).copied().unwrap_or(0)
    }

    /// Whether a lower-case word may stand before a title, and how it changes it.
    pub fn title_modifier(&self, word: &str) -> Option<Option<Relation>> {
        self.title_modifiers.get(word).copied()
    }

    /// The sex a given name is nearly always given to, if one
    /// (`name_sexes*.tsv`): whom "he" and "she" may stand for.
    pub fn name_sex(&self, given: &str) -> Option<Sex> {
        self.name_sexes.get(given).copied()
    }

    /// Whether a capitalised word is a common given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// Whether a lower-case word is a common English word that is no name
    /// ("financial", "election"; not "brown", "will").
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_builtin.contains(lower) || self.common_extra.contains(lower)
    }

    /// Given names and their nicknames, as written in the files: (William, Bill).
    pub fn nicknames(&self) -> impl Iterator<Item = (&str, &str)> {
        self.nicknames.lines().flat_map(|line| {
            let (name, nicks) = line.split_once('\t').unwrap_or((line, ""));
            split_list(nicks).map(move |nick| (name.trim(), nick))
        })
    }

    /// The corrections to the corpus-wide naming (`corrections.tsv`), in file order.
    pub fn corrections(&self) -> &[Located<Correction>] {
        &self.corrections
    }

    /// Whether a capitalised word never names an actor on its own.
    pub fn is_not_actor(&self, word: &str) -> bool {
        self.not_actors.contains(word)
    }

    /// The type a name ending in `word` has ("Fund" → organization).
    pub fn name_head(&self, word: &str) -> Option<ActorType> {
        self.name_heads.get(word).copied()
    }

    /// Whether a name ending in (or headed by) `word` names no actor: a
    /// law, an agreement, a holiday (type `none` in name_heads.tsv).
    pub fn is_no_actor_head(&self, word: &str) -> bool {
        self.no_actor_heads.contains(word)
    }

    /// Whether a capitalised word is an honorific, and if so whether it stays in
    /// the name ("Prince Harry") or not ("Mr Blair").
    pub fn honorific(&self, word: &str) -> Option<bool> {
        self.honorifics.get(word).copied()
    }

    /// All relation patterns.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// (pattern, trigger) pairs whose trigger starts with this lower-case word.
    pub fn triggers_starting(&self, word: &str) -> &[(usize, usize)] {
        self.triggers_by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// The modality cues whose first word is `word`, in file order.
    pub fn cues_starting(&self, word: &str) -> impl Iterator<Item = &Cue> {
        self.cues_by_first
            .get(word)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.cues[i])
    }

    /// All modality cues.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// How many known actors, titles and patterns there are (for `--verbose` and docs).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.entries.len(), self.titles.len(), self.patterns.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in common words are sorted, and the binary search finds
    /// every one of them and nothing else.
    #[test]
    fn common_words_are_found_by_binary_search() {
        let lex = Lexicon::builtin();
        let words: Vec<&str> = lex.common_builtin.lines().collect();
        assert!(words.len() > 50_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "common_words.imported.tsv is not sorted"
        );
        for w in &words {
            assert!(lex.is_common_word(w), "{w}");
        }
        for w in [
            "",
            "a",
            "brown",
            "will",
            "zzzz",
            "financiall",
            "financia",
            "aardvarkz",
            "Financial",
        ] {
            assert!(!lex.is_common_word(w), "{w}");
        }
        let contains = |text: &'static str, w: &str| SortedLines::new(text).contains(w);
        assert!(contains("b\nd\n", "d") && !contains("b\nd\n", "c") && !contains("b\nd\n", ""));
        assert!(contains("b", "b") && !contains("", "b") && !contains("", ""));
        assert!(contains("a\nb\nc", "a") && contains("a\nb\nc", "c") && !contains("a\nb\nc", "d"));
    }

    /// A sum before a link ("!$from") needs the link required; the sum is
    /// read off, the link kept.
    #[test]
    fn a_pattern_may_require_a_sum_before_its_link() {
        let p = parse_pattern("x\tsupported\treceived\treceived\t!$from\tperson\tperson\t0.6").unwrap();
        assert!(p.sum_required && p.link_required);
        assert_eq!(p.links, vec![vec!["from".to_string()]]);
        let e = parse_pattern("x\tsupported\treceived\treceived\t$from\tperson\tperson\t0.6").unwrap_err();
        assert!(e.contains("required link"), "{e}");
        assert!(
            !parse_pattern("x\tmet\tverb\tmet\twith\tperson\tperson\t0.6")
                .unwrap()
                .sum_required
        );
    }

    #[test]
    fn builtin_lexicons_load() {
        let lex = Lexicon::builtin();
        let (actors, titles, patterns) = lex.sizes();
        assert!(actors > 300, "{actors} actors");
        assert!(titles > 50 && patterns > 20);
        // Every relation of the vocabulary except the title-made ones has a pattern.
        for r in Relation::ALL {
            let by_title = matches!(
                r,
                Relation::Leads | Relation::WorksFor | Relation::MemberOf | Relation::AllyOf | Relation::CitizenOf
            );
            assert!(by_title || lex.patterns().iter().any(|p| p.relation == *r), "{r}");
        }
    }

    /// The filters before the search turn away no position where a surface
    /// starts: at every character of the sample article, and of every
    /// surface cut short, glued to the next or standing alone, `known_at`
    /// finds what the bare search finds.
    #[test]
    fn the_filters_lose_no_match() {
        let lex = Lexicon::builtin();
        let mut raw = Raw::default();
        for (file, text) in FILES {
            raw.load(file, text, Path::new(file)).unwrap();
        }
        let mut texts = vec![include_str!("../../data/articles/witkoff-2025-04-22.txt").to_string()];
        let (mut short, mut found) = (0, 0);
        for (surface, _, _) in &raw.surfaces {
            short += usize::from(surface.len() <= 3);
            texts.push(surface.clone());
            texts.push(format!("{surface}'s"));
            texts.push(format!("{surface}x y"));
            if let Some((cut, _)) = surface.char_indices().last() {
                texts.push(surface[..cut].to_string());
            }
        }
        assert!(short > 10, "{short} surfaces of three bytes or fewer");
        for text in &texts {
            for (i, _) in text.char_indices() {
                let expected = lex.search_at(text, i);
                found += usize::from(expected.is_some());
                assert_eq!(lex.known_at(text, i), expected, "{text:?} at {i}");
            }
        }
        assert!(found > raw.surfaces.len() * 2, "{found} matches");
    }

    #[test]
    fn surfaces_match_longest_first() {
        let lex = Lexicon::builtin();
        let text = "Russian Direct Investment Fund head met U.S. officials";
        let (end, entry, kind) = lex.known_at(text, 0).unwrap();
        assert_eq!(
            (&text[..end], lex.entry(entry).name.as_str(), kind),
            (
                "Russian Direct Investment Fund",
                "Russian Direct Investment Fund",
                SurfaceKind::Name
            )
        );
        let us = text.find("U.S.").unwrap();
        let found = [(), ()].map(|_| lex.known_at(text, us).map(|(_, i, _)| lex.entry(i)));
        assert_eq!(found[1].map(|e| e.name.as_str()), Some("United States"));
        assert!(
            lex.known_at(text, 1).is_none(),
            "a surface starting inside a word is not looked for there"
        );
        assert!(lex.contains_known("pro-Russia") && !lex.contains_known("Rus"));
    }

    #[test]
    fn titles_match_the_longest_phrase() {
        let lex = Lexicon::builtin();
        let (t, n) = lex.title_at(&["press", "secretary", "karoline"]).unwrap();
        assert_eq!((t.relation, n), (Relation::WorksFor, 2));
        assert_eq!(
            lex.title_at(&["president", "donald"]).unwrap().0.relation,
            Relation::Leads
        );
        assert!(lex.title_at(&["teacher"]).is_none());
    }

    #[test]
    fn malformed_user_lines_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        // The error of loading a user directory holding just this file.
        let error_of = |file: &str, text: &str| {
            for (f, _) in FILES {
                let _ = std::fs::remove_file(dir.path().join(f));
            }
            std::fs::write(dir.path().join(file), text).unwrap();
            Lexicon::load(Some(&[dir.path().to_path_buf()]), &[])
                .unwrap_err()
                .to_string()
        };
        let msg = error_of("titles.tsv", "# comment\nenvoy\tworks_for\nczar\tgoverns\n");
        assert!(msg.contains("titles.tsv:3:") && msg.contains("governs"), "{msg}");
        // An empty title used to panic the lexicon's compilation.
        let msg = error_of("titles.tsv", "envoy\tworks_for\n \tworks_for\n");
        assert!(msg.contains("titles.tsv:2:") && msg.contains("empty"), "{msg}");
        // An empty cue would make every verb of every sentence match it.
        let msg = error_of("modality.tsv", "might\thypothetical\taux\n \tnegated\tclause\n");
        assert!(msg.contains("modality.tsv:2:") && msg.contains("empty"), "{msg}");
        // A title's override and a pattern's organization kind are checked too.
        let msg = error_of("titles.tsv", "czar\tworks_for\tparty:governs\n");
        assert!(msg.contains("titles.tsv:1:") && msg.contains("governs"), "{msg}");
        let msg = error_of(
            "relations.tsv",
            "x.on\tspoke_to\tverb\tsaid\t!on\tperson\torganization:newspaper\t0.7\n",
        );
        assert!(msg.contains("relations.tsv:1:") && msg.contains("newspaper"), "{msg}");
    }

    /// Hyphenated titles and triggers are cut as the tokenizer cuts text.
    #[test]
    fn hyphenated_phrases_match_tokens() {
        assert_eq!(words("Co-Chairman"), ["co", "-", "chairman"]);
        assert_eq!(words("face-to-face talks"), ["face", "-", "to", "-", "face", "talks"]);
        let lex = Lexicon::builtin();
        assert!(lex.title_at(&["co", "-", "chairman"]).is_some());
        assert!(lex.title_at(&["vice", "-", "president"]).is_some());
    }

    #[test]
    fn cues_are_found_by_their_first_word() {
        let lex = Lexicon::builtin();
        assert!(lex.cues_starting("not").any(|c| c.modality == Modality::Negated));
        assert_eq!(lex.cues_starting("zebra").count(), 0);
        let all: usize = lex.cues().iter().filter(|c| c.words[0] == "will").count();
        assert_eq!(lex.cues_starting("will").count(), all);
    }

    #[test]
    fn user_files_extend_the_builtin_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("titles.tsv"), "czar\tworks_for\n").unwrap();
        let lex = Lexicon::load(Some(&[dir.path().to_path_buf()]), &[]).unwrap();
        assert_eq!(lex.title_at(&["czar"]).unwrap().0.relation, Relation::WorksFor);
        assert!(lex.title_at(&["president"]).is_some());
    }

    #[test]
    fn disabling_an_unknown_rule_is_an_error() {
        assert!(Lexicon::load(None, &["no.such.rule".into()]).is_err());
        let lex = Lexicon::load(None, &["met.verb".into()]).unwrap();
        assert!(lex.patterns().iter().all(|p| p.id != "met.verb"));
    }
}
