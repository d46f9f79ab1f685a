//! Tokens with byte offsets, and sentences that survive "U.S.", "St. Petersburg",
//! "Mr." and initials. Knows nothing about politics.
//!
//! Tokens are spans into the text; no token owns a string, so tokenising a
//! document allocates one `Vec` and nothing per word.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, internal apostrophes, or abbreviation dots: "U.S.").
    Word,
    /// Digits, possibly with separators ("76.6", "2,000").
    Number,
    /// Any single other character.
    Punct,
}

/// A span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: TokenKind,
    /// Whether white space separates it from the previous token.
    pub space_before: bool,
    /// Whether a line break separates it from the previous token.
    pub newline_before: bool,
    /// Whether a blank line separates it from the previous token.
    pub paragraph_before: bool,
    /// Whether it is a word that starts with a capital letter; set here
    /// because the mention finder asks it of nearly every token.
    pub capitalized: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: a range of tokens and the bytes they cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub last: usize,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Abbreviations that take a period and never end a sentence (titles, honorifics).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "prof",
    "rev", "hon", "pres", "sec", "amb", "maj", "no", "vs", "ft", "mt", "sens", "reps", "govs", "gens", "brig", "cdr",
];

/// Abbreviations that take a period and may end a sentence.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "jr", "sr", "inc", "ltd", "co", "corp", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "ariz", "calif",
    "fla", "mass", "mich", "minn", "wash", "conn", "ill", "ind", "tenn", "ky", "ga", "pa", "va", "md", "ore", "okla",
    "colo", "nev", "wis", "ala", "miss", "mo", "neb", "kan", "del", "vt", "dept", "govt", "approx", "est",
];

/// Words that, capitalised after an abbreviation's period, show a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "there",
    "after",
    "as",
    "at",
    "for",
    "when",
    "while",
    "if",
    "meanwhile",
    "however",
    "some",
    "many",
    "officials",
    "both",
    "since",
    "during",
    "yet",
    "so",
    "still",
    "now",
    "last",
    "earlier",
    "later",
    "then",
    "what",
    "who",
    "why",
    "how",
];

fn is_word_char(c: char) -> bool {
    // Dashes, curly quotes, ellipses: the block of general punctuation is
    // most of the non-ASCII in news text and holds no letter or digit, so
    // ruling it out first spares two searches of Unicode's tables.
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// ASCII white space as `char::is_whitespace` has it.
const SPACE: u8 = 1;
/// ASCII letters and digits.
const ALNUM: u8 = 2;

/// The class of every byte; bytes of non-ASCII characters are 0 and take the
/// slow path, which decodes the character.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            t[b] = SPACE;
        } else if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        }
        b += 1;
    }
    t
};

/// The character at byte `p` (a character boundary), read without decoding
/// where it is ASCII.
#[inline]
fn char_at(text: &str, p: usize) -> Option<char> {
    let b = *text.as_bytes().get(p)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[p..].chars().next()
    }
}

/// Splits text into tokens. Hyphens are separate tokens (with `space_before`
/// false on both sides), so "Iranian-backed" is three tokens and names such as
/// "Duncan-Jordan" are rejoined by the mention finder.
///
/// Walks bytes, classifying ASCII through a table and decoding a character
/// only where a byte is not ASCII: most of news text is ASCII letters and
/// spaces, and tokenizing was the largest single cost of extraction.
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text runs to about 5.3 bytes a token; room for 4 spares most
    // documents a copy of the whole list when it grows.
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let alnum_at = |p: usize| bytes.get(p).is_some_and(|&b| CLASS[b as usize] == ALNUM);
    let mut p = 0;
    let mut space = false;
    let mut newlines = 0u32;
    while let Some(&b) = bytes.get(p) {
        let class = CLASS[b as usize];
        if class == SPACE {
            space = true;
            newlines += u32::from(b == b'\n');
            p += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            char_at(text, p).unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        if b >= 0x80 && c.is_whitespace() {
            space = true;
            p += c.len_utf8();
            continue;
        }
        let start = p;
        let kind;
        if b.is_ascii_digit() {
            kind = TokenKind::Number;
            p += 1;
            loop {
                match bytes.get(p) {
                    Some(_) if alnum_at(p) => p += 1,
                    Some(b'.' | b',') if bytes.get(p + 1).is_some_and(u8::is_ascii_digit) => p += 1,
                    Some(&d) if d >= 0x80 => match char_at(text, p) {
                        Some(d) if d.is_alphanumeric() => p += d.len_utf8(),
                        _ => break,
                    },
                    _ => break,
                }
            }
        } else if class == ALNUM || (b >= 0x80 && is_word_char(c)) {
            kind = TokenKind::Word;
            p += c.len_utf8();
            loop {
                while alnum_at(p) {
                    p += 1;
                }
                // What follows the ASCII run: the token ends at any other ASCII
                // byte but an apostrophe.
                if !bytes.get(p).is_some_and(|&d| d == b'\'' || d >= 0x80) {
                    break;
                }
                match char_at(text, p) {
                    Some(d) if is_word_char(d) => p += d.len_utf8(),
                    // Internal apostrophe: O'Brien, Sana'a; but not the possessive 's
                    // or n't, which become tokens of their own below.
                    Some(d) if is_apostrophe(d) => {
                        let rest = &text[p + d.len_utf8()..];
                        let next_is_letter = rest.chars().next().is_some_and(is_word_char);
                        let possessive =
                            rest.starts_with(['s', 'S']) && !rest[1..].chars().next().is_some_and(is_word_char);
                        let contraction = text[start..p].ends_with(['n', 'N'])
                            && rest.starts_with(['t', 'T'])
                            && !rest[1..].chars().next().is_some_and(is_word_char);
                        if next_is_letter && !possessive && !contraction {
                            p += d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // Abbreviation dots: "U.S.", "a.m.", "Mr.", initials "J.".
            if bytes.get(p) == Some(&b'.') {
                let word = &text[start..p];
                let single_letter = word.chars().count() == 1;
                if single_letter || is_abbreviation(word) {
                    p += 1; // the dot
                    // Chains of single letters: U.S., U.K., a.m.
                    if single_letter {
                        while let Some(l) = char_at(text, p)
                            && l.is_alphabetic()
                            && bytes.get(p + l.len_utf8()) == Some(&b'.')
                        {
                            p += l.len_utf8() + 1;
                        }
                    }
                }
            }
            // "did" + "n't": the contraction is its own token for negation cues.
            let end = p;
            if matches!(bytes.get(end), Some(b'\'' | 0xE2))
                && matches!(bytes[end - 1], b'n' | b'N')
                && text[end..].starts_with(is_apostrophe)
            {
                let after = &text[end..];
                let ap_len = after.chars().next().map_or(1, char::len_utf8);
                let rest = &after[ap_len..];
                if rest.starts_with(['t', 'T']) && !rest[1..].starts_with(is_word_char) && end - start > 1 {
                    // Split "didn" into "did" and "n't".
                    let did_end = end - 1;
                    tokens.push(Token {
                        start,
                        end: did_end,
                        kind,
                        space_before: space,
                        newline_before: newlines > 0,
                        paragraph_before: newlines > 1,
                        capitalized: c.is_uppercase(),
                    });
                    let nt_end = end + ap_len + 1;
                    p = nt_end;
                    tokens.push(Token {
                        start: did_end,
                        end: nt_end,
                        kind: TokenKind::Word,
                        space_before: false,
                        newline_before: false,
                        paragraph_before: false,
                        capitalized: bytes[did_end] == b'N',
                    });
                    space = false;
                    newlines = 0;
                    continue;
                }
            }
        } else if is_apostrophe(c) {
            // Possessive 's and the bare contraction n't are words of their own.
            p += c.len_utf8();
            let rest = &text[p..];
            if rest.starts_with(['s', 'S']) && !rest[1..].starts_with(is_word_char) {
                p += 1;
                kind = TokenKind::Word;
            } else {
                kind = TokenKind::Punct;
            }
        } else {
            kind = TokenKind::Punct;
            p += c.len_utf8();
        }
        tokens.push(Token {
            start,
            end: p,
            kind,
            space_before: space,
            newline_before: newlines > 0,
            paragraph_before: newlines > 1,
            capitalized: kind == TokenKind::Word && c.is_uppercase(),
        });
        space = false;
        newlines = 0;
    }
    tokens
}

/// Whether `word` is one of `list`. Rule code asks this of nearly every token
/// against lists of short words; `contains` on strings calls `memcmp` for
/// every entry of the word's length (a call and a dozen branches for a
/// two-letter word), where comparing the few bytes inline is a handful of
/// instructions.
#[inline]
pub fn one_of<L: Words + ?Sized>(word: &str, list: &L) -> bool {
    list.has(word)
}

/// A list of words [`one_of`] searches.
pub trait Words {
    /// Whether `word` is one of these.
    fn has(&self, word: &str) -> bool;
}

impl Words for [&str] {
    #[inline]
    fn has(&self, word: &str) -> bool {
        self.iter().any(|entry| same_word(entry, word))
    }
}

impl<T: Words + ?Sized> Words for &T {
    #[inline]
    fn has(&self, word: &str) -> bool {
        (**self).has(word)
    }
}

impl<const N: usize> Words for [&str; N] {
    #[inline]
    fn has(&self, word: &str) -> bool {
        self.as_slice().has(word)
    }
}

/// A list of words with a filter made at compile time: one bit of 128 per
/// class of (length, first byte, last byte), set for its words' classes.
/// The rules ask the longer lists (prepositions, function words, verbs of a
/// headline) of most tokens, nearly always of a word the list lacks, and
/// reading the whole list each time was 2.5% of a run; the filter turns
/// most of those away at one bit's test.
pub struct WordList {
    words: &'static [&'static str],
    filter: u128,
}

impl WordList {
    /// The list of `words` (lower case, as [`Tokenized::word`] gives them).
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut filter = 0;
        let mut i = 0;
        while i < words.len() {
            filter |= 1 << word_class(words[i].as_bytes());
            i += 1;
        }
        Self { words, filter }
    }
}

impl Words for WordList {
    #[inline]
    fn has(&self, word: &str) -> bool {
        self.filter & (1 << word_class(word.as_bytes())) != 0 && self.words.has(word)
    }
}

impl std::ops::Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.words
    }
}

/// A word's class for [`WordList`]'s filter, 0 to 127.
#[inline]
const fn word_class(w: &[u8]) -> u32 {
    let (first, last) = match w {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    let class = first as u32 | (last as u32) << 8 | (w.len() as u32) << 16;
    class.wrapping_mul(0x9E37_79B1) >> 25
}

/// `a == b` for words, without a call to `memcmp`: see [`one_of`].
#[inline]
pub fn same_word(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// [`same_word`] on bytes, for words kept as spans of a buffer.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A word of up to 8 bytes as a number: its bytes, little-endian, padded
/// with zeros (which no word holds, so words of different lengths differ).
const fn word_key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The keys of `words`, sorted, made at compile time. Every word is at most
/// 8 bytes (the build fails otherwise).
const fn sorted_keys<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        assert!(words[i].len() <= 8, "abbreviations have at most 8 bytes");
        keys[i] = word_key(words[i].as_bytes());
        i += 1;
    }
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let k = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = k;
            j -= 1;
        }
        i += 1;
    }
    keys
}

const TITLE_KEYS: [u64; TITLE_ABBREVIATIONS.len()] = sorted_keys(TITLE_ABBREVIATIONS);
const OTHER_KEYS: [u64; OTHER_ABBREVIATIONS.len()] = sorted_keys(OTHER_ABBREVIATIONS);

/// The key of `word` in ASCII lower case, if it is ASCII and fits: every
/// abbreviation does, so longer words need no lower-casing to be ruled out.
/// The tokenizer asks this of every word before a full stop, and a search
/// of a few sorted numbers beats comparing it with 74 strings.
fn lower_key(word: &str) -> Option<u64> {
    if word.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0; 8];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    Some(u64::from_le_bytes(buf))
}

fn is_abbreviation(word: &str) -> bool {
    lower_key(word).is_some_and(|k| TITLE_KEYS.binary_search(&k).is_ok() || OTHER_KEYS.binary_search(&k).is_ok())
}

fn is_title_abbreviation(word: &str) -> bool {
    lower_key(word.trim_end_matches('.')).is_some_and(|k| TITLE_KEYS.binary_search(&k).is_ok())
}

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_quote(s: &str) -> bool {
    is_opening_quote(s) || is_closing_quote(s)
}

/// A quotation mark that may open a quote: straight or curly, double or single.
pub fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "\u{201c}" | "'" | "\u{2018}")
}

/// A quotation mark that may close a quote.
pub fn is_closing_quote(s: &str) -> bool {
    matches!(s, "\"" | "\u{201d}" | "'" | "\u{2019}")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "\u{201d}" | "'" | "\u{2019}" | ")" | "]")
}

/// Splits tokens into sentences. A sentence ends at `.`, `!` or `?` followed by a
/// capitalised word, a digit or an opening quote; at a blank line; and at a line
/// break unless the next line continues in lower case.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    // News sentences run to 20–30 tokens.
    let mut sentences = Vec::with_capacity(tokens.len() / 16);
    let mut first = 0;
    let push = |sentences: &mut Vec<Sentence>, first: usize, last: usize| {
        if last > first {
            sentences.push(Sentence {
                first,
                last,
                start: tokens[first].start,
                end: tokens[last - 1].end,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        // A run-on of hundreds of tokens is no sentence (scrapes, tables, lists):
        // cut it, preferably after a comma or semicolon, so no stage goes quadratic.
        if i - first >= MAX_SENTENCE_TOKENS {
            let cut = (first + MAX_SENTENCE_TOKENS / 2..i)
                .rev()
                .find(|&j| matches!(tokens[j].text(text), "," | ";" | ":"))
                .map_or(i, |j| j + 1);
            push(&mut sentences, first, cut);
            first = cut;
        }
        let tok = &tokens[i];
        // Most tokens neither follow a line break nor end in `.`, `!`, `?` or
        // an ellipsis (whose last byte is 0xA6), and can end no sentence: this
        // test is all the work they cost.
        let last_byte = tok.end.checked_sub(1).and_then(|e| text.as_bytes().get(e));
        if !tok.newline_before && !matches!(last_byte, Some(b'.' | b'!' | b'?' | 0xA6)) {
            i += 1;
            continue;
        }
        // A line break ends the sentence unless the text continues in lower case.
        if i > first && tok.newline_before {
            let continues = tok.text(text).starts_with(|c: char| c.is_lowercase());
            if tok.paragraph_before || !continues {
                push(&mut sentences, first, i);
                first = i;
            }
        }
        // Bytes, not a `&str`: this runs on every token and most are neither.
        let b = &text.as_bytes()[tok.start..tok.end];
        // The ellipsis as a byte pattern: comparing slices calls `memcmp` for
        // every three-byte token.
        let is_terminal = matches!(b, b"." | b"!" | b"?" | [0xE2, 0x80, 0xA6]);
        let abbreviation_end = tok.kind == TokenKind::Word && b.len() > 1 && b.ends_with(b".");
        if is_terminal || abbreviation_end {
            let t = tok.text(text);
            // Take closing quotes and brackets along.
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].space_before && is_closer(tokens[j].text(text)) {
                j += 1;
            }
            let next = tokens.get(j);
            let ends = match next {
                None => true,
                Some(n) => {
                    let nt = n.text(text);
                    let opens = is_quote(nt) || nt == "(";
                    let upper = starts_upper_or_digit(nt);
                    if !n.space_before && !n.newline_before {
                        false
                    } else if abbreviation_end {
                        // "Mr. Blair" never ends; "the U.S. The next day" does.
                        !is_title_abbreviation(t)
                            && (t.len() != 2 || !t.starts_with(char::is_uppercase))
                            && (n.newline_before
                                || (upper && SENTENCE_STARTERS.contains(&nt.to_ascii_lowercase().as_str())))
                    } else {
                        upper || opens || n.newline_before
                    }
                }
            };
            if ends {
                push(&mut sentences, first, j);
                first = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(&mut sentences, first, tokens.len());
    sentences
}

/// Sentences are cut after this many tokens.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Evidence text is cut after this many bytes (with "…").
pub const MAX_EVIDENCE_BYTES: usize = 1000;

/// The sentence's text with runs of white space folded to one space, for
/// evidence; at most [`MAX_EVIDENCE_BYTES`].
pub fn sentence_text(text: &str, s: &Sentence) -> String {
    let mut out = String::with_capacity((s.end - s.start).min(MAX_EVIDENCE_BYTES + 4));
    for word in text[s.start..s.end].split_whitespace() {
        if out.len() + word.len() + 1 > MAX_EVIDENCE_BYTES {
            out.push_str(" …");
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The offset of the first non-ASCII byte at or after `from` (the length if
/// there is none), eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        if w & HIGH != 0 {
            return i + (w & HIGH).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|b| !b.is_ascii())
        .map_or(bytes.len(), |p| i + p)
}

/// A text with its tokens, sentences, and each token's lower-case form with
/// curly apostrophes folded, kept in one buffer so lookups allocate nothing.
///
/// The text, the tokens and the lower-case forms are private and never change
/// after [`Tokenized::new`], which makes sure once that every span falls on
/// character boundaries: [`Tokenized::raw`] and [`Tokenized::word`] then slice
/// without checking again. They run a dozen times a token, and the checks of
/// `&str` indexing were 8% of all the instructions of an extraction.
#[derive(Debug)]
pub struct Tokenized<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// One byte per token for later stages to cache facts about it (the mention
    /// finder records which tokens can start a title), so that hot loops test a
    /// bit instead of looking a word up again. Zero until a stage fills it.
    pub tags: Vec<u8>,
    norm: String,
    norm_spans: Vec<(u32, u32)>,
}

impl<'a> Tokenized<'a> {
    /// Tokenises and splits `text`.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        // The whole text lower-cased at once (ASCII letters only, so offsets
        // stay put): an ASCII token's lower-case form is the same span of it.
        // The few tokens with other characters are lower-cased and folded one
        // character at a time into space after the text.
        // Room for the folded tokens too, so that the first of them does not
        // copy the whole text to a larger buffer.
        let mut norm = String::with_capacity(text.len() + text.len() / 16 + 16);
        norm.push_str(text);
        norm.make_ascii_lowercase();
        // Whether a token is ASCII, from where the next non-ASCII byte is:
        // testing each token's bytes took a tenth of this function.
        //
        // This pass also proves every span sound for the unchecked slicing of
        // `raw` and `word`: a token inside a run of ASCII bytes starts on one
        // and ends after one, so both its ends are character boundaries of the
        // text, and of `norm`, which has the same bytes but for letter case;
        // any other token is sliced with checks here, and its lower-case form
        // is whole characters pushed onto `norm`.
        assert!(u32::try_from(text.len()).is_ok(), "a text of 4 GiB or more");
        let bytes = text.as_bytes();
        let (mut from, mut wide) = (0, 0);
        let norm_spans: Vec<(u32, u32)> = tokens
            .iter()
            .map(|t| {
                if wide < t.start || t.start < from {
                    from = t.start;
                    wide = next_non_ascii(bytes, from);
                }
                // Bytes `from..wide` are ASCII.
                if from <= t.start && t.start < t.end && t.end <= wide {
                    return (t.start as u32, t.end as u32);
                }
                let start = norm.len();
                for c in t.text(text).chars() {
                    match c {
                        '\u{2019}' | '\u{2018}' => norm.push('\''),
                        c => norm.extend(c.to_lowercase()),
                    }
                }
                let span = |a: usize| u32::try_from(a).expect("lower-case forms of 4 GiB or more");
                (span(start), span(norm.len()))
            })
            .collect();
        let tags = vec![0; tokens.len()];
        Tokenized {
            text,
            tokens,
            sentences,
            tags,
            norm,
            norm_spans,
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Token `i` as written.
    pub fn raw(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        // SAFETY: `new` made sure every token lies on character boundaries of
        // `text` (so also within it), and neither field, both private, changes
        // afterwards.
        unsafe { self.text.get_unchecked(t.start..t.end) }
    }

    /// Token `i` in lower case, apostrophes folded ("’s" → "'s").
    pub fn word(&self, i: usize) -> &str {
        let (s, e) = self.norm_spans[i];
        // SAFETY: as in `raw`: `new` made sure of every span in `norm`, and
        // neither changes afterwards.
        unsafe { self.norm.get_unchecked(s as usize..e as usize) }
    }

    /// Whether token `i` marks a possessive: "'s", or a plural's bare
    /// apostrophe ("Democrats'"), curly or straight (`word` folds them).
    pub fn is_possessive_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "'s" | "'")
    }

    /// Whether the lower-case `words` stand at tokens `i..` and end by token `end`.
    pub fn phrase_at<W: AsRef<str>>(&self, i: usize, end: usize, words: &[W]) -> bool {
        i + words.len() <= end
            && words
                .iter()
                .enumerate()
                .all(|(j, w)| same_word(self.word(i + j), w.as_ref()))
    }

    /// Whether token `i` starts with a capital letter and is a word.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tokens[i].capitalized
    }

    /// Whether tokens `i` and `i + 1` touch, with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|t| !t.space_before)
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.last <= i)
    }

    /// Whether sentence `s` is set in headline case: five words or more,
    /// every one capitalised but the short joining words a headline may
    /// leave in lower case. Scraped pages put headlines of other stories
    /// in the body ("RELATED: Clarence Thomas Pans Joe Biden"); prose has
    /// a lower-case verb.
    pub fn headline_case(&self, s: usize) -> bool {
        const JOINING: &WordList = &WordList::new(&[
            "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "by", "vs", "de", "la", "van", "von",
            "al",
        ]);
        let Some(s) = self.sentences.get(s) else {
            return false;
        };
        let mut words = 0;
        for i in s.first..s.last {
            if self.tokens[i].kind != TokenKind::Word || !self.raw(i).starts_with(char::is_alphabetic) {
                continue;
            }
            if !self.tokens[i].capitalized && !one_of(self.word(i), JOINING) {
                return false;
            }
            words += 1;
        }
        words >= 5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WordList's filter turns away no word of its list, and the list
    /// answers as a plain search does for every word of the sample article.
    #[test]
    fn word_lists_find_what_a_search_finds() {
        const LIST: &WordList = &WordList::new(&["of", "in", "at", "a", "the", "", "ministers", "é"]);
        let t = Tokenized::new(include_str!("../../data/articles/witkoff-2025-04-22.txt"));
        let mut found = 0;
        for i in 0..t.tokens().len() {
            let w = t.word(i);
            assert_eq!(one_of(w, LIST), LIST.contains(&w), "{w}");
            found += usize::from(one_of(w, LIST));
        }
        assert!(found > 30, "{found}");
        for w in LIST.iter() {
            assert!(one_of(w, LIST), "{w:?}");
        }
        for w in ["o", "off", "ofs", "minister", "ministersx", "e", "an"] {
            assert!(!one_of(w, LIST), "{w}");
        }
    }

    /// The abbreviation tests by number agree with the word lists, in any
    /// case, and take nothing else.
    #[test]
    fn abbreviations_are_found_by_their_keys() {
        for &w in TITLE_ABBREVIATIONS.iter().chain(OTHER_ABBREVIATIONS) {
            let upper = w.to_uppercase();
            let capital = format!("{}{}", &upper[..1], &w[1..]);
            for form in [w.to_string(), upper, capital] {
                assert!(is_abbreviation(&form), "{form}");
                assert_eq!(is_title_abbreviation(&form), TITLE_ABBREVIATIONS.contains(&w), "{form}");
                assert_eq!(
                    is_title_abbreviation(&format!("{form}.")),
                    TITLE_ABBREVIATIONS.contains(&w),
                    "{form}."
                );
                for other in [
                    format!("{form}x"),
                    form[..form.len() - 1].to_string(),
                    format!("x{form}"),
                ] {
                    let lower = other.to_lowercase();
                    let listed =
                        TITLE_ABBREVIATIONS.contains(&lower.as_str()) || OTHER_ABBREVIATIONS.contains(&lower.as_str());
                    assert_eq!(is_abbreviation(&other), listed, "{other}");
                }
            }
        }
        for w in ["", "the", "said", "mrs\u{e9}", "governors", "m\u{fc}"] {
            assert!(!is_abbreviation(w) && !is_title_abbreviation(w), "{w}");
        }
    }

    #[test]
    fn word_comparisons_agree_with_string_equality() {
        let words = [
            "",
            "a",
            "an",
            "and",
            "the",
            "then",
            "th\u{e9}",
            "th\u{e9}e",
            "U.S.",
            "u.s.",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_word(a, b), a == b, "{a:?} {b:?}");
            }
            assert_eq!(
                one_of(a, &["an", "the", "u.s."]),
                ["an", "the", "u.s."].contains(&a),
                "{a:?}"
            );
        }
    }

    /// `word` slices without checks: the spans of ASCII tokens, of tokens
    /// lower-cased into the buffer's tail, and of both mixed.
    #[test]
    fn words_are_lower_case_with_apostrophes_folded() {
        let t = Tokenized::new(
            "\u{2018}\u{c9}lys\u{e9}e\u{2019} PUTIN\u{2019}s Caf\u{e9}-Owner didn\u{2019}t, \u{dc}nal SAID.",
        );
        let words: Vec<&str> = (0..t.tokens().len()).map(|i| t.word(i)).collect();
        assert_eq!(
            words,
            [
                "'",
                "\u{e9}lys\u{e9}e",
                "'",
                "putin",
                "'s",
                "caf\u{e9}",
                "-",
                "owner",
                "did",
                "n't",
                ",",
                "\u{fc}nal",
                "said",
                "."
            ]
        );
        let raw: Vec<&str> = (0..t.tokens().len()).map(|i| t.raw(i)).collect();
        assert_eq!(
            raw.concat(),
            "\u{2018}\u{c9}lys\u{e9}e\u{2019}PUTIN\u{2019}sCaf\u{e9}-Ownerdidn\u{2019}t,\u{dc}nalSAID."
        );
    }

    #[test]
    fn next_non_ascii_finds_every_wide_byte() {
        let text = "Putin\u{2019}s aide met Zelensky \u{2014} in Kyiv, caf\u{e9}s and all";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let expected = (from..bytes.len()).find(|&i| bytes[i] >= 0x80).unwrap_or(bytes.len());
            assert_eq!(next_non_ascii(bytes, from), expected, "from {from}");
        }
    }

    /// The shortcut in `is_word_char` leaves out no letter or digit.
    #[test]
    fn general_punctuation_holds_no_word_character() {
        assert!(GENERAL_PUNCTUATION.clone().all(|c| !c.is_alphanumeric()));
        assert!(is_word_char('é') && is_word_char('ⁱ') && is_word_char('7') && !is_word_char('’'));
    }

    fn sentences(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| sentence_text(text, s))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials_stay_inside_sentences() {
        assert_eq!(
            sentences("U.S. President Donald Trump met Mr. Blair in St. Petersburg. He left."),
            vec![
                "U.S. President Donald Trump met Mr. Blair in St. Petersburg.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("Donald J. Trump spoke. Then he left."),
            vec!["Donald J. Trump spoke.", "Then he left."]
        );
        // Plural titles: "Sens. Mitt Romney and Susan Collins".
        assert_eq!(
            sentences("Sens. Mitt Romney and Reps. Liz Cheney voted. Then they left."),
            vec!["Sens. Mitt Romney and Reps. Liz Cheney voted.", "Then they left."]
        );
    }

    #[test]
    fn us_at_the_end_of_a_sentence_ends_it_before_a_sentence_starter() {
        assert_eq!(
            sentences("He flew to the U.S. The talks began. Envoys met in the U.S. Capitol."),
            vec![
                "He flew to the U.S.",
                "The talks began.",
                "Envoys met in the U.S. Capitol."
            ]
        );
    }

    #[test]
    fn quotes_close_their_sentence() {
        assert_eq!(
            sentences("He said Putin was a \"great leader.\" Ushakov agreed."),
            vec!["He said Putin was a \"great leader.\"", "Ushakov agreed."]
        );
        assert_eq!(
            sentences("\u{201c}We will win,\u{201d} he said. \u{201c}No.\u{201d}"),
            vec!["\u{201c}We will win,\u{201d} he said.", "\u{201c}No.\u{201d}"]
        );
    }

    #[test]
    fn line_breaks_end_sentences_unless_the_text_continues() {
        assert_eq!(
            sentences("Witkoff to Visit Russia\n\nApril 22, 2025\nThe envoy will\ncontinue talks."),
            vec![
                "Witkoff to Visit Russia",
                "April 22, 2025",
                "The envoy will continue talks."
            ]
        );
    }

    #[test]
    fn possessives_and_contractions_are_tokens() {
        assert_eq!(words("Trump's envoy"), vec!["Trump", "'s", "envoy"]);
        assert_eq!(words("Putin\u{2019}s aide"), vec!["Putin", "\u{2019}s", "aide"]);
        assert_eq!(words("didn't meet"), vec!["did", "n't", "meet"]);
        assert_eq!(words("O'Brien"), vec!["O'Brien"]);
        assert_eq!(words("Iranian-backed"), vec!["Iranian", "-", "backed"]);
        assert_eq!(words("76.6% of 2,000"), vec!["76.6", "%", "of", "2,000"]);
    }

    #[test]
    fn normalised_words_fold_case_and_apostrophes() {
        let t = Tokenized::new("Putin\u{2019}s AIDE didn\u{2019}t go. He left.");
        let words: Vec<&str> = (0..t.tokens.len()).map(|i| t.word(i)).collect();
        assert_eq!(
            words,
            vec!["putin", "'s", "aide", "did", "n't", "go", ".", "he", "left", "."]
        );
        assert_eq!(t.sentence_of(7), 1);
        assert!(t.is_capitalized(0) && !t.is_capitalized(1));
    }

    #[test]
    fn the_byte_table_agrees_with_the_char_predicates() {
        for b in 0..=255u8 {
            let c = b as char;
            let class = CLASS[b as usize];
            if b < 0x80 {
                assert_eq!(class == SPACE, c.is_whitespace(), "{b:#x}");
                assert_eq!(class == ALNUM, c.is_alphanumeric(), "{b:#x}");
            } else {
                assert_eq!(class, 0, "{b:#x} must take the slow path");
            }
        }
    }

    /// The cached forms match what they cache: `capitalized` is "a word
    /// starting with an upper-case letter", `word` the lower-cased token with
    /// curly apostrophes folded, on text mixing scripts, cases and quotes.
    #[test]
    fn cached_token_facts_match_their_definitions() {
        let text = "\u{c9}mile Zola\u{2019}s \u{201c}J\u{2019}ACCUSE\u{201d}: \u{dc}BER-Stra\u{df}e, \u{3a3}\u{399}\u{393}\u{39c}\u{391} \
                    \u{3b4}\u{1f00}, didn\u{2019}t DIDN'T O\u{2018}Neill \u{130}stanbul 3rd \u{bd} \u{2160}\u{2161}.";
        let t = Tokenized::new(text);
        assert!(t.tokens.len() > 20);
        for (i, tok) in t.tokens.iter().enumerate() {
            let raw = tok.text(text);
            let capitalized = tok.kind == TokenKind::Word && raw.starts_with(char::is_uppercase);
            assert_eq!(t.is_capitalized(i), capitalized, "{raw:?}");
            let lower: String = raw
                .chars()
                .flat_map(|c| match c {
                    '\u{2019}' | '\u{2018}' => vec!['\''],
                    c => c.to_lowercase().collect(),
                })
                .collect();
            assert_eq!(t.word(i), lower, "{raw:?}");
        }
    }

    #[test]
    fn run_ons_are_cut_and_evidence_is_bounded() {
        let text = "and then, ".repeat(1000);
        let t = Tokenized::new(&text);
        assert!(t.sentences.iter().all(|s| s.last - s.first <= MAX_SENTENCE_TOKENS));
        assert!(t.sentences.len() >= 3000 / MAX_SENTENCE_TOKENS);
        assert!(
            t.sentences
                .iter()
                .all(|s| sentence_text(&text, s).len() <= MAX_EVIDENCE_BYTES + 4)
        );
    }

    #[test]
    fn offsets_cover_the_text_exactly() {
        let text = "Zarif told CNN: \u{201c}We don\u{2019}t want war.\u{201d}";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!t.text(text).trim().is_empty());
        }
    }
    #[test]
    fn headlines_in_the_body_are_told_from_prose() {
        let t = Tokenized::new(
            "(RELATED: Clarence Thomas Pans Joe Biden, '91 Confirmation Hearing In Forthcoming Document.) \
             Vladimir Putin met Donald Trump in Helsinki. Question Fitness of Trump's Nominee for Intelligence Chief\n\n\
             Boris Johnson and Emmanuel Macron met in Paris.",
        );
        let cases: Vec<bool> = (0..t.sentences.len()).map(|s| t.headline_case(s)).collect();
        assert_eq!(cases, [true, false, true, false]);
    }
}
