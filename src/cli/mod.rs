//! Command-line interface: clap definitions, and one function per subcommand
//! that converts flags into library calls. Exit codes: 0 success, 1 a query
//! found nothing, 2 an error (one line on stderr naming what and where).

mod output;
mod progress;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use polgraph::corpus::{Corpus, CorpusWriter};
use polgraph::export::{self, CsvOptions};
use polgraph::fsutil::write_atomic;
use polgraph::graph::{ActorGraph, GraphBuilder, GraphFilter};
use polgraph::pipeline::{ExtractConfig, Extractor};
use polgraph::query::{self, Filter, PairOrder};
use polgraph::{ActorType, Lexicon, Modality, Relation, ingest};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn political news into a knowledge graph of who did what to whom.
///
/// Typical use: `polgraph build ARTICLES/` writes output/graph.json, graph.dot,
/// edges.csv, nodes.csv, graph.graphml, graph.html (and graph.svg with Graphviz); then
/// `polgraph query path Witkoff Zelensky` asks the saved graph.
#[derive(Debug, Parser)]
#[command(name = "polgraph", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract triples from articles, build the graph and write every export into a directory.
    Build(BuildArgs),
    /// Extract relation triples from articles and print them (JSON lines, JSON or CSV).
    Extract(ExtractArgs),
    /// Ask a saved graph: paths, neighbours, who met whom, who is central.
    Query(QueryArgs),
    /// Export a saved graph as DOT, CSV, JSON or SVG.
    Export(ExportArgs),
    /// List the actors of a saved graph: type, edges, mentions, documents, and
    /// the other names merged into each, to review (and correct in
    /// corrections.tsv) how names were joined.
    Actors(ActorsArgs),
}

#[derive(Debug, Args)]
struct ActorsArgs {
    /// The saved graph to list.
    #[arg(long, short, value_name = "FILE", default_value = "output/graph.json")]
    graph: PathBuf,
    /// Only actors whose name or another name matches this regular expression (any case).
    #[arg(long, value_name = "PATTERN")]
    grep: Option<String>,
    /// Only actors of this type: person, organization or place.
    #[arg(long = "type", value_name = "TYPE")]
    actor_type: Option<polgraph::ActorType>,
    /// Order: most edges first, most mentions first, or by name.
    #[arg(long, value_enum, default_value_t = ActorOrder::Degree)]
    sort: ActorOrder,
    /// At most this many actors (0: all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
    /// Print one JSON array.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV with a header row.
    #[arg(long)]
    csv: bool,
    /// Write CSV cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    raw_csv: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ActorOrder {
    Degree,
    Mentions,
    Name,
}

#[derive(Debug, Args)]
struct ExtractionOptions {
    /// Threads to extract with (0: one per core; at most 1024). Output is the same for any number.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Print no progress bar (and no summary after `build`).
    #[arg(long, short)]
    quiet: bool,
    /// Skip malformed JSONL records, with a warning each, instead of stopping.
    #[arg(long)]
    skip_bad: bool,
    /// Extra lexicon directory: files named like those in data/lexicon and
    /// data/patterns extend the built-in ones (repeatable).
    #[arg(long, value_name = "DIR")]
    lexicon: Vec<PathBuf>,
    /// Article dates from a table, for articles whose date lives outside them:
    /// TSV or CSV with a header naming an `id` (or `file`) column and a `date`
    /// column, or two columns, id and date; "recent/ap-001.txt" dates article
    /// ap-001. Overrides the date an article gives.
    #[arg(long, value_name = "FILE")]
    dates: Option<PathBuf>,
    /// Switch off a relation pattern by its id (repeatable), e.g. met.verb.
    #[arg(long, value_name = "RULE")]
    disable_rule: Vec<String>,
    /// Drop triples whose confidence is below this (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    min_confidence: f32,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// Articles: .txt, .html, .jsonl files, directories (read recursively), or - for stdin;
    /// with --from-docs, docs files (directories: their .jsonl and Spark part-* files). With --store, the
    /// new articles (none: rebuild from the store).
    #[arg(required_unless_present = "store", value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The inputs are what `polgraph extract --format docs` wrote (any number
    /// of shards, in any order): build from them without reading articles.
    #[arg(long)]
    from_docs: bool,
    /// Keep every document's extraction in this SQLite file, add the inputs'
    /// (a document id seen before replaces its old extraction; all or none of
    /// them, in one transaction), and build the graph of everything stored,
    /// without reading old articles again.
    #[arg(long, value_name = "FILE")]
    store: Option<PathBuf>,
    /// Directory to write graph.json, graph.dot, edges.csv, nodes.csv, graph.graphml, graph.html and graph.svg into.
    #[arg(long, short, value_name = "DIR", default_value = "output")]
    output: PathBuf,
    #[command(flatten)]
    options: ExtractionOptions,
    /// Keep negated and hypothetical triples in the graph (drawn dotted).
    #[arg(long)]
    include_uncertain: bool,
    /// Write CSV cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    raw_csv: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Articles: .txt, .html, .jsonl files, directories (read recursively), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    options: ExtractionOptions,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TripleFormat::Jsonl)]
    format: TripleFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write CSV cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    raw_csv: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TripleFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// A CSV table with a header row.
    Csv,
    /// One JSON line per document: its actors and triples before the
    /// corpus-wide naming pass, for `build --from-docs` (sharded runs).
    Docs,
}

/// The filters `export` and every `query` take, with one meaning everywhere
/// (README: "Filters"); applied to the saved graph before anything else.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Filters")]
struct FilterArgs {
    /// Only this actor and the actors within --depth hops of it (its ego network).
    #[arg(long, value_name = "ACTOR", global = true)]
    around: Option<String>,
    /// Hops out from --around, and from the actor of `query neighbors`.
    #[arg(long, value_name = "N", default_value_t = 1, global = true)]
    depth: usize,
    /// Only these relations (repeatable or comma-separated: --relation met,visited).
    #[arg(long, value_delimiter = ',', value_name = "RELATION", global = true)]
    relation: Vec<Relation>,
    /// Only actors of these types (person, organization, place), and the relations among them.
    #[arg(long = "type", value_delimiter = ',', value_name = "TYPE", global = true)]
    types: Vec<ActorType>,
    /// Only relations stated so (fact, planned; negated and hypothetical are in a graph built with --include-uncertain).
    #[arg(long, value_delimiter = ',', value_name = "MODALITY", global = true)]
    modality: Vec<Modality>,
    /// Only relations stated in at least N sentences.
    #[arg(long, value_name = "N", default_value_t = 1, global = true)]
    min_weight: usize,
    /// Only relations whose best evidence has at least this confidence (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0, global = true)]
    min_confidence: f32,
    /// Only relations stated in articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); undated ones go.
    #[arg(long, value_name = "DATE", global = true)]
    since: Option<String>,
    /// Only relations stated in articles dated on or before this (a year or month counts to its end); undated ones go.
    #[arg(long, value_name = "DATE", global = true)]
    until: Option<String>,
    /// Only the N actors with the most relations (after the other filters) and the relations among them;
    /// for `query central`, how many to list (default 10).
    #[arg(long, value_name = "N", global = true)]
    top: Option<usize>,
}

impl FilterArgs {
    fn filter(&self) -> GraphFilter {
        GraphFilter {
            relations: self.relation.clone(),
            types: self.types.clone(),
            modalities: self.modality.clone(),
            min_weight: self.min_weight,
            min_confidence: self.min_confidence,
            since: self.since.clone(),
            until: self.until.clone(),
            around: self.around.clone(),
            depth: self.depth,
            top: self.top,
        }
    }
}

#[derive(Debug, Args)]
struct QueryArgs {
    /// The saved graph to ask.
    #[arg(long, short, value_name = "FILE", default_value = "output/graph.json", global = true)]
    graph: PathBuf,
    /// Print the answer as JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(subcommand)]
    question: Question,
}

#[derive(Debug, Subcommand)]
enum Question {
    /// How is A connected to B? The shortest chain of relations, with evidence.
    Path {
        /// From this actor (a name, alias or surname, any case).
        from: String,
        /// To this actor.
        to: String,
        /// Longest path to look for, in hops.
        #[arg(long, default_value_t = 4)]
        max_hops: usize,
        /// Every simple path up to --max-hops, shortest first.
        #[arg(long)]
        all: bool,
        /// With --all: at most this many paths.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Who is this actor connected to, and how?
    #[command(alias = "neighbours")]
    Neighbors {
        /// The actor (a name, alias or surname, any case); --depth says how many hops out.
        actor: String,
    },
    /// Who is connected to whom: actor pairs with their relations.
    Pairs {
        /// Order: most supported first, or alphabetical.
        #[arg(long, value_enum, default_value_t = SortBy::Weight)]
        sort: SortBy,
        /// Print CSV instead of a table.
        #[arg(long)]
        csv: bool,
        /// At most this many pairs (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// Who is most central: degree and betweenness.
    Central {
        /// Rank by this measure (--top says how many to list).
        #[arg(long, value_enum, default_value_t = Centrality::Degree)]
        by: Centrality,
    },
    /// What an actor did, and what was done to it, by date: its relations in
    /// the order of their articles' dates, with evidence (undated ones last).
    Timeline {
        /// The actor (a name, alias or surname, any case).
        actor: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortBy {
    Weight,
    Name,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Centrality {
    Degree,
    Betweenness,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// What to write.
    #[arg(long, short, value_enum)]
    format: ExportFormat,
    /// The saved graph to export.
    #[arg(long, short, value_name = "FILE", default_value = "output/graph.json")]
    graph: PathBuf,
    /// Where to write: a file for dot/json/svg/graphml/html (default: standard output), a
    /// directory for csv (default: the graph's directory) and neo4j (default: its neo4j/).
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Write CSV cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    raw_csv: bool,
    /// For svg: who lays the drawing out.
    #[arg(long, value_enum, default_value_t = Renderer::Auto)]
    renderer: Renderer,
    /// For dot and svg (by Graphviz): draw actors of one type together, in a box of their own.
    #[arg(long, value_enum, value_name = "BY")]
    cluster: Option<ClusterBy>,
    #[command(flatten)]
    filters: FilterArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// edges.csv and nodes.csv (Gephi, spreadsheets).
    Csv,
    /// Node-link JSON (networkx, d3).
    Json,
    /// An SVG drawing: by Graphviz's `dot` where installed, else polgraph's own layout (--renderer).
    Svg,
    /// GraphML (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// A self-contained HTML page: a drawing, and searchable tables of actors
    /// and relations with their evidence (works offline).
    Html,
    /// actors.csv and relations.csv for `neo4j-admin database import full`
    /// (into the graph's directory's neo4j/ by default).
    Neo4j,
}

/// Runs the command line; the exit code on success.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(a) => build(a),
        Command::Extract(a) => extract(a),
        Command::Query(a) => ask(a),
        Command::Export(a) => export_cmd(a),
        Command::Actors(a) => actors_cmd(a),
    }
}

fn actors_cmd(a: ActorsArgs) -> Result<ExitCode> {
    let pattern = a
        .grep
        .as_deref()
        .map(|p| regex::RegexBuilder::new(p).case_insensitive(true).build())
        .transpose()
        .context("--grep: not a regular expression")?;
    let g = load_graph(&a.graph)?;
    // (Actor, edges): every degree in one pass over the edges.
    let mut ids: Vec<_> = g
        .actor_ids()
        .into_iter()
        .zip(g.degrees())
        .filter(|&(i, _)| {
            let n = g.actor(i);
            a.actor_type.is_none_or(|t| n.actor_type == t)
                && pattern
                    .as_ref()
                    .is_none_or(|p| p.is_match(&n.name) || n.aliases.iter().any(|x| p.is_match(x)))
        })
        .collect();
    match a.sort {
        ActorOrder::Degree => ids.sort_by_key(|&(_, degree)| std::cmp::Reverse(degree)),
        ActorOrder::Mentions => ids.sort_by_key(|&(i, _)| std::cmp::Reverse(g.actor(i).mentions)),
        ActorOrder::Name => {}
    }
    if a.limit > 0 {
        ids.truncate(a.limit);
    }
    let format = match (a.json, a.csv) {
        (true, _) => output::ListFormat::Json,
        (_, true) => output::ListFormat::Csv,
        _ => output::ListFormat::Table,
    };
    let csv = CsvOptions {
        neutralize_formulas: !a.raw_csv,
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    output::actors(&mut w, &g, &ids, format, csv)?;
    w.flush()?;
    Ok(if ids.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn extractor(o: &ExtractionOptions) -> Result<Extractor> {
    if !(0.0..=1.0).contains(&o.min_confidence) {
        bail!("--min-confidence must be between 0 and 1, not {}", o.min_confidence);
    }
    let dirs = (!o.lexicon.is_empty()).then_some(o.lexicon.as_slice());
    let lexicon = Lexicon::load(dirs, &o.disable_rule).context("loading lexicons")?;
    Ok(Extractor::new(
        lexicon,
        ExtractConfig {
            min_confidence: o.min_confidence,
        },
    ))
}

/// The most `-j` takes: each thread has a stack, and `-j 100000` ran out of
/// memory for them (an abort inside the standard library; before this
/// check, a run that hung at 200% CPU starting them).
const MAX_THREADS: usize = 1024;

/// Extracts every input; the result holds the triples (in memory or in a
/// temporary file), names final.
///
/// The lexicons compile on a thread of their own while this one opens the
/// inputs and reads the first documents: compiling takes a few milliseconds,
/// a tenth of a run on a megabyte, and would otherwise keep the other cores
/// waiting. A lexicon error still comes before an input error.
fn extract_all(inputs: &[PathBuf], o: &ExtractionOptions) -> Result<Corpus> {
    if o.threads > MAX_THREADS {
        bail!(
            "--threads must be at most {MAX_THREADS} (0: one per core), not {}",
            o.threads
        );
    }
    std::thread::scope(|scope| {
        let compiling = std::thread::Builder::new()
            .name("pg-lexicon".into())
            .spawn_scoped(scope, || extractor(o))
            .context("starting the thread that compiles the lexicons")?;
        let mut opened = Inputs::open(inputs, o);
        let mut first = Vec::new();
        if let Ok(opened) = &mut opened {
            while !compiling.is_finished()
                && first.len() < polgraph::pipeline::BATCH
                && let Some(d) = opened.docs.next()
            {
                let failed = d.is_err();
                first.push(d);
                if failed {
                    break;
                }
            }
        }
        let ex = compiling
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let corpus = opened?.extract(inputs, &ex, first);
        // Freeing the lexicons' tables piece by piece took 0.2 ms of one
        // thread between the parallel passes.
        leave_to_exit(ex);
        corpus
    })
}

/// The corpus of docs lines (`build --from-docs`): no article is read and
/// nothing extracted; the naming pass runs on the documents' names as it
/// would have at the end of `build`.
fn corpus_from_docs(inputs: &[PathBuf], o: &ExtractionOptions) -> Result<Corpus> {
    let docs = docs_of(inputs, o)?;
    let corpus = naming_pass(o, |corpus| {
        for d in docs {
            corpus.push(d?)?;
        }
        Ok(())
    })?;
    if corpus.document_count() == 0 {
        bail!(
            "no documents in {} (docs lines come from `polgraph extract --format docs`)",
            listed(inputs)
        );
    }
    Ok(corpus)
}

/// The naming pass over documents extracted before (docs lines, a store),
/// which `feed` pushes into the writer.
fn naming_pass(o: &ExtractionOptions, feed: impl FnOnce(&mut CorpusWriter) -> Result<()>) -> Result<Corpus> {
    let lexicon =
        Lexicon::load((!o.lexicon.is_empty()).then_some(o.lexicon.as_slice()), &[]).context("loading lexicons")?;
    let mut corpus = CorpusWriter::new().context(
        "creating the temporary file that holds triples until every document is read (TMPDIR sets its directory)",
    )?;
    feed(&mut corpus)?;
    start_pool(o.threads)?;
    let corpus = finished(corpus, &lexicon)?;
    leave_to_exit(lexicon);
    Ok(corpus)
}

/// Ends the first pass, and says which corrections matched nothing.
fn finished(corpus: CorpusWriter, lexicon: &Lexicon) -> Result<Corpus> {
    let corpus = corpus.finish(lexicon)?;
    for c in corpus.names().unmatched() {
        eprintln!("polgraph: warning: {}", c.unmatched());
    }
    Ok(corpus)
}

/// Says how many malformed records `--skip-bad` passed over.
fn say_skipped(skipped: usize) {
    if skipped > 0 {
        eprintln!(
            "polgraph: skipped {skipped} malformed record{}",
            if skipped == 1 { "" } else { "s" }
        );
    }
}

/// The documents of docs files, dated by --dates where it is given.
/// Options that act while extracting are refused: they would be ignored.
fn docs_of(
    inputs: &[PathBuf],
    o: &ExtractionOptions,
) -> Result<impl Iterator<Item = polgraph::Result<polgraph::DocExtraction>>> {
    if !o.disable_rule.is_empty() || o.min_confidence != 0.0 {
        bail!(
            "--disable-rule and --min-confidence act while extracting: give them to \
             `polgraph extract --format docs`, not to `build --from-docs`"
        );
    }
    let dates = o.dates.as_deref().map(ingest::DateTable::load).transpose()?;
    Ok(polgraph::docs::read(polgraph::docs::sources(inputs)?).map(move |d| {
        let mut d = d?;
        if let Some(date) = dates.as_ref().and_then(|table| table.date(&d.doc)) {
            d.date = Some(date.to_string());
            for t in &mut d.triples {
                t.date = Some(date.to_string());
            }
        }
        Ok(d)
    }))
}

/// `build --store`: the inputs' documents added to the store in one
/// transaction, then the corpus of everything stored.
fn corpus_from_store(path: &Path, a: &BuildArgs) -> Result<Corpus> {
    let mut store = polgraph::store::Store::open(path)?;
    if !a.inputs.is_empty() {
        let mut update = store.update()?;
        if a.from_docs {
            for d in docs_of(&a.inputs, &a.options)? {
                update.add(&d?)?;
            }
        } else {
            extract_handing(&a.inputs, &a.options, |d| Ok(update.add(&d)?))?;
        }
        let added = update.added();
        // Until here the store is as it was, however the run ends.
        update.commit()?;
        if !a.options.quiet {
            eprintln!(
                "polgraph: {added} document{} added to {} ({} in it)",
                if added == 1 { "" } else { "s" },
                path.display(),
                store.len()?
            );
        }
    }
    if store.is_empty()? {
        bail!("{} holds no documents yet: give articles to add", path.display());
    }
    naming_pass(&a.options, |corpus| Ok(store.each(|d| corpus.push(d))?))
}

/// One pool for the rest of the command, so that `-j` also bounds the
/// passes after extraction (naming, reading the triples back, building the
/// graph).
fn start_pool(threads: usize) -> Result<()> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("pg-pool-{i}"))
        .build_global()
        .context("starting the threads for the passes after extraction")
}

/// Extracts every input on a thread of its own and hands each document's
/// extraction, in input order, to `each` on this one (which need not be
/// `Send`: a writer, a database transaction). Returns how many documents
/// there were. A short queue between the two keeps memory flat.
fn extract_handing(
    inputs: &[PathBuf],
    o: &ExtractionOptions,
    mut each: impl FnMut(polgraph::DocExtraction) -> Result<()>,
) -> Result<usize> {
    if o.threads > MAX_THREADS {
        bail!(
            "--threads must be at most {MAX_THREADS} (0: one per core), not {}",
            o.threads
        );
    }
    let ex = extractor(o)?;
    let opened = Inputs::open(inputs, o)?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<polgraph::DocExtraction>(64);
    let (documents, handed) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            let Inputs {
                docs,
                bar,
                skipped,
                threads,
            } = opened;
            let result = ex.extract_stream(
                threads,
                docs,
                |n, bytes| bar.update(n, bytes),
                move |d| {
                    tx.send(d)
                        .map_err(|_| polgraph::Error::Invalid("the documents' receiver stopped".into()))
                },
            );
            bar.finish();
            (result, skipped.load(std::sync::atomic::Ordering::Relaxed))
        });
        let mut documents = 0usize;
        let mut handed = Ok(());
        for d in rx.iter() {
            documents += 1;
            if let Err(e) = each(d) {
                handed = Err(e);
                break;
            }
        }
        // (Dropping the queue's end stops the extraction at its next document.)
        drop(rx);
        let (result, skipped) = worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        say_skipped(skipped);
        (documents, handed.and(result.map_err(anyhow::Error::from)))
    });
    handed?;
    leave_to_exit(ex);
    // (Empty standard input is a stage with nothing to do, as a Spark
    // partition with no articles is: no output, no error.)
    if documents == 0 && !inputs.iter().all(|p| p.as_os_str() == "-") {
        return Err(polgraph::Error::NoArticles { inputs: listed(inputs) }.into());
    }
    Ok(documents)
}

/// `extract --format docs`: each document's extraction as a docs line, in
/// input order, written as soon as it is made.
fn extract_docs(a: &ExtractArgs) -> Result<()> {
    let mut failed: Option<anyhow::Error> = None;
    write_to(a.output.as_deref(), |w| {
        match extract_handing(&a.inputs, &a.options, |d| Ok(polgraph::docs::write_line(&mut *w, &d)?)) {
            Ok(_) => Ok(()),
            Err(e) => {
                let io = std::io::Error::other(e.to_string());
                failed = Some(e);
                Err(io)
            }
        }
    })
    .map_err(|e| failed.take().unwrap_or(e))
}

/// The inputs of a run, opened: their documents, the progress bar over their
/// bytes, the count of malformed records skipped, and the threads to use.
struct Inputs {
    docs: Box<dyn Iterator<Item = polgraph::Result<polgraph::Document>> + Send>,
    bar: progress::Bar,
    skipped: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    threads: usize,
}

impl Inputs {
    fn open(inputs: &[PathBuf], o: &ExtractionOptions) -> Result<Self> {
        let sources = ingest::sources(inputs)?;
        let total: u64 = sources
            .iter()
            .map(|s| match s {
                ingest::Source::File(p, _) => std::fs::metadata(p).map_or(0, |m| m.len()),
                ingest::Source::Stdin => 0,
            })
            .sum();
        let bar = progress::Bar::new(total, o.quiet);
        // `-j`: the extraction threads, and later rayon's pool.
        let threads = match o.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let skipped = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = skipped.clone();
        let docs = ingest::documents(sources).skip_bad(o.skip_bad).on_warning(move |w| {
            if w.kind == ingest::WarningKind::BadRecord {
                counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            eprintln!("polgraph: warning: {w}");
        });
        let docs: Box<dyn Iterator<Item = _> + Send> = match &o.dates {
            Some(path) => {
                let table = ingest::DateTable::load(path)?;
                Box::new(docs.map(move |d| {
                    d.map(|mut d| {
                        if let Some(date) = table.date(&d.id) {
                            d.date = Some(date.to_string());
                        }
                        d
                    })
                }))
            }
            None => Box::new(docs),
        };
        Ok(Inputs {
            docs,
            bar,
            skipped,
            threads,
        })
    }

    /// Extracts `first` (documents already read) and the rest.
    fn extract(
        self,
        inputs: &[PathBuf],
        ex: &Extractor,
        first: Vec<polgraph::Result<polgraph::Document>>,
    ) -> Result<Corpus> {
        let Inputs {
            docs,
            bar,
            skipped,
            threads,
        } = self;
        let mut corpus = CorpusWriter::new().context(
            "creating the temporary file that holds triples until every article is read (TMPDIR sets its directory)",
        )?;
        ex.extract_stream(
            threads,
            first.into_iter().chain(docs),
            |docs, bytes| bar.update(docs, bytes),
            |d| corpus.push(d),
        )?;
        // Started only now: its idle threads spun for the first
        // milliseconds of the run, beside the lexicon compiling.
        start_pool(threads)?;
        let corpus = finished(corpus, ex.lexicon())?;
        bar.finish();
        say_skipped(skipped.load(std::sync::atomic::Ordering::Relaxed));
        if corpus.document_count() == 0 {
            return Err(polgraph::Error::NoArticles { inputs: listed(inputs) }.into());
        }
        Ok(corpus)
    }
}

/// The inputs as an error names them.
fn listed(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes to a file atomically, or to standard output.
fn write_to(path: Option<&Path>, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match path {
        Some(p) => Ok(write_atomic(p, fill)?),
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            fill(&mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    if matches!(a.format, TripleFormat::Docs) {
        extract_docs(&a)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut corpus = extract_all(&a.inputs, &a.options)?;
    let csv = CsvOptions {
        neutralize_formulas: !a.raw_csv,
    };
    write_to(a.output.as_deref(), |w| match a.format {
        TripleFormat::Jsonl => {
            // Each document's lines are made on the pool as it is read back,
            // and written here whole: on this one thread, making them was
            // most of the time after extraction (1.3% of a run on 10 MB).
            let lines = corpus.documents_as(|d| {
                let mut lines = Vec::new();
                for t in &d.triples {
                    serde_json::to_writer(&mut lines, t)?;
                    lines.push(b'\n');
                }
                Ok::<_, serde_json::Error>(lines)
            });
            for lines in lines.map_err(std::io::Error::other)? {
                w.write_all(&lines.map_err(std::io::Error::other)??)?;
            }
            Ok(())
        }
        TripleFormat::Json => {
            // What `to_writer_pretty` writes for the whole list, one element at a time.
            let mut first = true;
            each_triple(&mut corpus, |t| {
                w.write_all(if first { b"[\n  " } else { b",\n  " })?;
                first = false;
                let pretty = serde_json::to_string_pretty(&t)?;
                w.write_all(pretty.replace('\n', "\n  ").as_bytes())
            })?;
            w.write_all(if first { b"[]\n" } else { b"\n]\n" })
        }
        TripleFormat::Csv => {
            let mut out = export::TriplesCsv::new(w, csv)?;
            each_triple(&mut corpus, |t| out.write(&t))?;
            out.finish()
        }
        TripleFormat::Docs => unreachable!("written by extract_docs"),
    })?;
    leave_to_exit(corpus);
    Ok(ExitCode::SUCCESS)
}

/// Ends a command's use of a large value without freeing it piece by piece:
/// the process exits soon after, and the system takes its memory back at
/// once. Dropping a 10 MB corpus's name tables one string at a time took 3–4
/// ms of a 230 ms run, on one thread, after the output was written. (The
/// corpus's spill file has no name, so nothing is left on disk.)
fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Every triple of the corpus, in order. An error reading the corpus back
/// fails the write, so a partial output is never renamed into place.
fn each_triple(corpus: &mut Corpus, mut f: impl FnMut(polgraph::Triple) -> std::io::Result<()>) -> std::io::Result<()> {
    for d in corpus.documents().map_err(std::io::Error::other)? {
        for t in d.map_err(std::io::Error::other)?.triples {
            f(t)?;
        }
    }
    Ok(())
}

/// Past this many actors `build` skips graph.svg: Graphviz takes minutes to
/// lay out thousands of nodes, and the picture is unreadable anyway.
const SVG_MAX_ACTORS: usize = 400;

/// How many actors a drawing of a bigger graph shows: the most connected.
const SVG_TOP: usize = 150;

/// How a DOT drawing groups actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClusterBy {
    /// People, organizations and places apart.
    Type,
}

/// The part of a graph over [`SVG_MAX_ACTORS`] actors that a drawing shows:
/// its [`SVG_TOP`] most connected actors (`None` for a graph small enough).
fn too_big_to_draw(g: &ActorGraph) -> Result<Option<ActorGraph>> {
    if g.actor_count() <= SVG_MAX_ACTORS {
        return Ok(None);
    }
    Ok(Some(g.filtered(&GraphFilter {
        top: Some(SVG_TOP),
        ..GraphFilter::default()
    })?))
}

/// Which program lays out an SVG drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Renderer {
    /// Graphviz's `dot` where it is installed, polgraph's own layout elsewhere.
    Auto,
    /// Graphviz's `dot` (an error where it is not installed).
    Dot,
    /// polgraph's own layout (ForceAtlas2), no Graphviz needed.
    Native,
}

/// The most relations `--renderer auto` gives Graphviz: its layout time
/// grows fast with edges (450 relations among 145 actors take about 2 s;
/// 2,670 among the bulk corpus's 150 most connected did not finish in ten
/// minutes), so past this the drawing is polgraph's own, made in a fraction of
/// a second.
const DOT_MAX_EDGES: usize = 800;

/// The SVG of a graph, and a note when it was not drawn as asked.
fn draw_svg(g: &ActorGraph, renderer: Renderer, dot: export::DotOptions) -> Result<(Vec<u8>, Option<String>)> {
    if renderer == Renderer::Native {
        return Ok((export::render_native_svg(g).into_bytes(), None));
    }
    if renderer == Renderer::Auto && g.edge_count() > DOT_MAX_EDGES {
        return Ok((
            export::render_native_svg(g).into_bytes(),
            Some(format!(
                "graph drawn by polgraph's own layout: {} relations are more than Graphviz lays out quickly \
                 (limit {DOT_MAX_EDGES}; --renderer dot insists)",
                g.edge_count()
            )),
        ));
    }
    match export::render_svg(&export::to_dot_with(g, dot)) {
        Ok(svg) => Ok((svg, None)),
        Err(e) if renderer == Renderer::Dot => Err(if e.kind() == std::io::ErrorKind::NotFound {
            anyhow::anyhow!(
                "Graphviz `dot` is not installed (e.g. apt-get install graphviz); `--renderer native` draws without it"
            )
        } else {
            anyhow::anyhow!("rendering SVG: {e}")
        }),
        Err(e) => {
            let why = if e.kind() == std::io::ErrorKind::NotFound {
                "Graphviz `dot` is not installed".to_string()
            } else {
                format!("Graphviz failed ({e})")
            };
            Ok((
                export::render_native_svg(g).into_bytes(),
                Some(format!("graph drawn by polgraph's own layout: {why}")),
            ))
        }
    }
}

fn build(a: BuildArgs) -> Result<ExitCode> {
    let mut corpus = match &a.store {
        Some(store) => corpus_from_store(store, &a)?,
        None if a.from_docs => corpus_from_docs(&a.inputs, &a.options)?,
        None => extract_all(&a.inputs, &a.options)?,
    };
    // (Said by `build` only: a graph is where dates are asked of.)
    if corpus.dated_count() == 0 {
        eprintln!(
            "polgraph: warning: none of the {} articles has a date, so --since, --until and `query timeline` \
             have none to go by (dates come from JSONL keys such as `date` or `published`, HTML meta tags, \
             a date line near the top of a .txt file, or --dates FILE)",
            corpus.document_count()
        );
    }
    let mut builder = GraphBuilder::new(a.include_uncertain);
    let (mut triples, mut uncertain) = (0, 0);
    for d in corpus.documents()? {
        let d = d?;
        triples += d.triples.len();
        uncertain += d.triples.iter().filter(|t| !t.modality.is_asserted()).count();
        builder.add(d);
    }
    for actor in corpus.actors() {
        builder.actor_details(&actor.name, actor.mentions, actor.aliases.iter().cloned());
    }
    let graph = builder.finish();
    // One build at a time per directory: two at once would leave a mix of
    // both builds' files. The lock goes with the process, however it ends.
    // (Taken only once there is something to write: a failed run creates no
    // directory.)
    std::fs::create_dir_all(&a.output).with_context(|| format!("creating output directory {}", a.output.display()))?;
    let lock_path = a.output.join(".polgraph.lock");
    let lock = std::fs::File::create(&lock_path).with_context(|| format!("creating {}", lock_path.display()))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another polgraph build is writing into {}; wait for it to finish, or give this one another -o",
            a.output.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(anyhow::Error::new(e).context(format!("locking {}", lock_path.display())));
        }
    }
    let csv = CsvOptions {
        neutralize_formulas: !a.raw_csv,
    };
    let path = |name: &str| a.output.join(name);
    write_atomic(&path("graph.json"), |w| graph.write_json(w))?;
    let dot = export::to_dot(&graph);
    write_atomic(&path("graph.dot"), |w| w.write_all(dot.as_bytes()))?;
    write_atomic(&path("edges.csv"), |w| export::write_edges_csv(&graph, w, csv))?;
    write_atomic(&path("nodes.csv"), |w| export::write_nodes_csv(&graph, w, csv))?;
    write_atomic(&path("graph.graphml"), |w| export::write_graphml(&graph, w))?;
    write_atomic(&path("graph.html"), |w| export::write_html(&graph, w))?;
    let mut written = vec![
        "graph.json",
        "graph.dot",
        "edges.csv",
        "nodes.csv",
        "graph.graphml",
        "graph.html",
    ];
    // A graph too big to read in one picture is drawn as its most connected
    // actors; Graphviz draws where it is installed, polgraph's own layout
    // elsewhere.
    let mut notes = Vec::new();
    let top;
    let drawn = match too_big_to_draw(&graph)? {
        Some(most) => {
            top = most;
            notes.push(format!(
                "graph.svg shows the {} most connected of {} actors (`polgraph export --format svg` with --top N, \
                 --around ACTOR or other filters draws another part; README: Filters)",
                top.actor_count(),
                graph.actor_count()
            ));
            &top
        }
        None => &graph,
    };
    let (svg, renderer_note) = draw_svg(drawn, Renderer::Auto, export::DotOptions::default())?;
    notes.extend(renderer_note);
    write_atomic(&path("graph.svg"), |w| w.write_all(&svg))?;
    written.push("graph.svg");
    let svg_note = (!notes.is_empty()).then(|| notes.join("; "));
    if !a.options.quiet {
        output::summary(
            &graph,
            triples,
            uncertain,
            a.include_uncertain,
            &a.output,
            &written,
            svg_note.as_deref(),
        )?;
    } else if let Some(note) = svg_note {
        eprintln!("polgraph: {note}");
    }
    leave_to_exit((corpus, graph, dot));
    Ok(ExitCode::SUCCESS)
}

fn load_graph(path: &Path) -> Result<ActorGraph> {
    match ActorGraph::open(path) {
        Err(e @ (polgraph::Error::Io { .. } | polgraph::Error::NotFound { .. })) => {
            Err(e).context("reading the saved graph (run `polgraph build` first)")
        }
        other => Ok(other?),
    }
}

/// The actor a user means by `name`; where several answer to it, says on
/// standard error which one was taken and what the others are.
fn find(g: &ActorGraph, name: &str) -> Result<polgraph::graph::ActorId> {
    let l = g.lookup(name)?;
    let edges = |n: usize| format!("{n} edge{}", if n == 1 { "" } else { "s" });
    if !l.others.is_empty() {
        const LISTED: usize = 5;
        let others: Vec<String> = l
            .others
            .iter()
            .take(LISTED)
            .map(|&i| format!("{} ({})", g.actor(i).name, edges(g.degree(i))))
            .collect();
        let more = l.others.len().saturating_sub(LISTED);
        eprintln!(
            "polgraph: {name:?} taken as {} ({}), the most connected; also: {}{}",
            g.actor(l.actor).name,
            edges(g.degree(l.actor)),
            others.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    Ok(l.actor)
}

fn ask(a: QueryArgs) -> Result<ExitCode> {
    let full = load_graph(&a.graph)?;
    let mut filter = a.filters.filter();
    // `central --top N` lists N; it does not cut the graph first.
    if matches!(a.question, Question::Central { .. }) {
        filter.top = None;
    }
    // `neighbors` walks --depth itself.
    if matches!(a.question, Question::Neighbors { .. }) && filter.around.is_none() {
        filter.depth = 1;
    }
    let g = full.filtered(&filter)?;
    let f = Filter::default();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let found = match a.question {
        Question::Path {
            from,
            to,
            max_hops,
            all,
            limit,
        } => {
            let (x, y) = (find(&g, &from)?, find(&g, &to)?);
            let paths = if all {
                query::all_paths(&g, x, y, max_hops, limit, &f)
            } else {
                query::shortest_path(&g, x, y, max_hops, &f).into_iter().collect()
            };
            output::paths(&mut w, &g, x, y, max_hops, &paths, a.json)?;
            !paths.is_empty()
        }
        Question::Neighbors { actor } => {
            let x = find(&g, &actor)?;
            let n = query::neighbors(&g, x, a.filters.depth.max(1), &f);
            output::neighbors(&mut w, &g, x, &n, a.json)?;
            !n.is_empty()
        }
        Question::Pairs { sort, csv, limit } => {
            let order = match sort {
                SortBy::Weight => PairOrder::Weight,
                SortBy::Name => PairOrder::Name,
            };
            let mut p = query::pairs(&g, &f, order);
            if limit > 0 {
                p.truncate(limit);
            }
            output::pairs(&mut w, &g, &p, csv, a.json)?;
            !p.is_empty()
        }
        Question::Central { by } => {
            let mut c = query::centrality(&g, &f, matches!(by, Centrality::Betweenness));
            c.truncate(a.filters.top.unwrap_or(10));
            output::central(&mut w, &g, &c, a.json)?;
            !c.is_empty()
        }
        Question::Timeline { actor } => {
            let x = find(&g, &actor)?;
            let t = query::timeline(&g, x);
            output::timeline(&mut w, &g, x, &t, a.json)?;
            !t.is_empty()
        }
    };
    w.flush()?;
    Ok(if found { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn export_cmd(a: ExportArgs) -> Result<ExitCode> {
    let g = load_graph(&a.graph)?.filtered(&a.filters.filter())?;
    let dot_options = export::DotOptions {
        cluster_by_type: a.cluster == Some(ClusterBy::Type),
    };
    let csv = CsvOptions {
        neutralize_formulas: !a.raw_csv,
    };
    match a.format {
        ExportFormat::Dot => write_to(a.output.as_deref(), |w| {
            w.write_all(export::to_dot_with(&g, dot_options).as_bytes())
        })?,
        ExportFormat::Json => write_to(a.output.as_deref(), |w| g.write_json(w))?,
        ExportFormat::Graphml => write_to(a.output.as_deref(), |w| export::write_graphml(&g, w))?,
        ExportFormat::Html => write_to(a.output.as_deref(), |w| export::write_html(&g, w))?,
        ExportFormat::Svg => {
            // Never a drawing no one can read, nor an hour of layout: past
            // SVG_MAX_ACTORS with no narrowing asked, the most connected.
            let narrowed = a.filters.top.is_some() || a.filters.around.is_some();
            let most = if narrowed { None } else { too_big_to_draw(&g)? };
            let g = match most {
                Some(top) => {
                    eprintln!(
                        "polgraph: drawing the {} most connected of {} actors (--top N or --around ACTOR for another part)",
                        top.actor_count(),
                        g.actor_count()
                    );
                    top
                }
                None => g,
            };
            let (svg, note) = draw_svg(&g, a.renderer, dot_options)?;
            if let Some(note) = note {
                eprintln!("polgraph: {note}");
            }
            write_to(a.output.as_deref(), |w| w.write_all(&svg))?;
        }
        ExportFormat::Csv => {
            let dir = match &a.output {
                Some(d) => d.clone(),
                None => a
                    .graph
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| PathBuf::from(".")),
            };
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            write_atomic(&dir.join("edges.csv"), |w| export::write_edges_csv(&g, w, csv))?;
            write_atomic(&dir.join("nodes.csv"), |w| export::write_nodes_csv(&g, w, csv))?;
            eprintln!(
                "polgraph: wrote {} and {}",
                dir.join("edges.csv").display(),
                dir.join("nodes.csv").display()
            );
        }
        ExportFormat::Neo4j => {
            let dir = match &a.output {
                Some(d) => d.clone(),
                None => a
                    .graph
                    .parent()
                    .map_or_else(|| PathBuf::from("neo4j"), |p| p.join("neo4j")),
            };
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            let (actors, relations) = (dir.join("actors.csv"), dir.join("relations.csv"));
            write_atomic(&actors, |w| export::neo4j::write_actors(&g, w))?;
            write_atomic(&relations, |w| export::neo4j::write_relations(&g, w))?;
            eprintln!(
                "polgraph: wrote {} and {}; load them into a stopped Neo4j with\n  neo4j-admin database import full \
                 --nodes={} --relationships={} --array-delimiter=';' neo4j",
                actors.display(),
                relations.display(),
                actors.display(),
                relations.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
