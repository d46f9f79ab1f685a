//! The domain types every stage shares: documents in, actors and triples out.
//! These are plain data; the logic lives in the stage modules.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// One article, as ingest hands it to extraction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Stable id: the file stem, or the JSONL record's `id`.
    pub id: String,
    /// The headline (may be empty).
    pub title: String,
    /// The article body, boilerplate lines already removed.
    pub body: String,
    /// Publication date when known (ISO 8601 where it could be parsed).
    pub date: Option<String>,
    /// Where the article came from online, when known.
    pub url: Option<String>,
}

/// The three kinds of actor GUIDELINES.md allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// A named individual.
    Person,
    /// Governments' bodies, parties, agencies, companies, media, NGOs, international bodies.
    Organization,
    /// Countries, cities, regions, as places or as political actors.
    Place,
}

impl ActorType {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Organization => "organization",
            ActorType::Place => "place",
        }
    }
}

impl fmt::Display for ActorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "person" => Ok(ActorType::Person),
            "organization" | "organisation" => Ok(ActorType::Organization),
            "place" => Ok(ActorType::Place),
            _ => Err(format!("unknown actor type {s:?} (person, organization or place)")),
        }
    }
}

macro_rules! relations {
    ($($variant:ident => $name:literal, $symmetric:literal;)*) => {
        /// The relation vocabulary of GUIDELINES.md, spelled exactly as scored.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Relation {
            $(#[doc = $name] $variant,)*
        }

        impl Relation {
            /// Every relation, in GUIDELINES.md order.
            pub const ALL: &'static [Relation] = &[$(Relation::$variant,)*];

            /// The relation's name in every output format.
            pub fn as_str(self) -> &'static str {
                match self { $(Relation::$variant => $name,)* }
            }

            /// Whether the order of subject and object carries no meaning.
            pub fn is_symmetric(self) -> bool {
                match self { $(Relation::$variant => $symmetric,)* }
            }
        }

        impl FromStr for Relation {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($name => Ok(Relation::$variant),)*
                    _ => Err(format!(
                        "unknown relation {s:?}; the vocabulary is: {}",
                        Relation::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
                    )),
                }
            }
        }
    };
}

relations! {
    Met => "met", true;
    Visited => "visited", false;
    SpokeTo => "spoke_to", false;
    Called => "called", true;
    NegotiatedWith => "negotiated_with", true;
    Praised => "praised", false;
    Criticized => "criticized", false;
    Threatened => "threatened", false;
    Supported => "supported", false;
    Opposed => "opposed", false;
    Urged => "urged", false;
    AgreedWith => "agreed_with", true;
    Sanctioned => "sanctioned", false;
    Attacked => "attacked", false;
    Appointed => "appointed", false;
    Dismissed => "dismissed", false;
    Released => "released", false;
    Invited => "invited", false;
    Leads => "leads", false;
    WorksFor => "works_for", false;
    MemberOf => "member_of", false;
    AllyOf => "ally_of", true;
    CitizenOf => "citizen_of", false;
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the text states a triple (GUIDELINES.md, "Modality").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as having happened or being true, also when attributed.
    Fact,
    /// Stated as future, expected, scheduled or intended.
    Planned,
    /// Stated as not having happened.
    Negated,
    /// A question, condition, possibility or speculation.
    Hypothetical,
}

impl Modality {
    /// Every modality, in GUIDELINES.md order.
    pub const ALL: &'static [Modality] = &[
        Modality::Fact,
        Modality::Planned,
        Modality::Negated,
        Modality::Hypothetical,
    ];

    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Fact => "fact",
            Modality::Planned => "planned",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
        }
    }

    /// Fact and planned triples are asserted; the others stay out of the graph by default.
    pub fn is_asserted(self) -> bool {
        matches!(self, Modality::Fact | Modality::Planned)
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Modality {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "fact" => Ok(Modality::Fact),
            "planned" => Ok(Modality::Planned),
            "negated" => Ok(Modality::Negated),
            "hypothetical" => Ok(Modality::Hypothetical),
            _ => Err(format!(
                "unknown modality {s:?} (fact, planned, negated or hypothetical)"
            )),
        }
    }
}

/// Where a triple was read: the document and the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The document id; shared with the graph's other references to the
    /// document, so a million pieces of evidence do not hold a million copies.
    pub doc: Arc<str>,
    /// 0-based index of the sentence in the document (the headline is sentence 0).
    pub sentence_index: usize,
    /// The sentence text, whitespace folded.
    pub sentence: String,
}

/// An actor as one document (or the whole graph) knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name: the fullest proper name the text gives, or the lexicon's name.
    pub name: String,
    /// Person, organization or place.
    pub actor_type: ActorType,
    /// Other ways the text refers to it ("Putin", "the Kremlin leader").
    pub aliases: std::collections::BTreeSet<String>,
    /// How many times it is mentioned.
    pub mentions: usize,
}

/// One extracted relation, with everything needed to check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Triple {
    /// The document id.
    pub doc: String,
    /// Canonical name of the subject.
    pub subject: String,
    /// Type of the subject.
    pub subject_type: ActorType,
    /// The relation.
    pub relation: Relation,
    /// Canonical name of the object.
    pub object: String,
    /// Type of the object.
    pub object_type: ActorType,
    /// How the text states it.
    pub modality: Modality,
    /// The evidence sentence.
    pub sentence: String,
    /// 0-based index of that sentence in the document.
    pub sentence_index: usize,
    /// The document's date when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    /// 0..1: how sure the rule that made it is, lowered by distance and by
    /// pronoun or description resolution.
    pub confidence: f32,
    /// The id of the pattern or rule that made it (see data/patterns/relations.tsv).
    pub rule: String,
}

impl Triple {
    /// The evidence this triple carries.
    pub fn evidence(&self) -> Evidence {
        Evidence {
            doc: Arc::from(self.doc.as_str()),
            sentence_index: self.sentence_index,
            sentence: self.sentence.clone(),
        }
    }
}

/// What extraction produced from one document.
#[derive(Debug, Clone, Default)]
pub struct DocExtraction {
    /// The document id.
    pub doc: String,
    /// The document's date when known.
    pub date: Option<String>,
    /// Every actor the document mentions, resolved (one per real entity).
    pub actors: Vec<Actor>,
    /// The triples, duplicates within the document merged.
    pub triples: Vec<Triple>,
}
