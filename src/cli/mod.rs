//! Command-line interface: clap definitions and one function per subcommand.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use polgraph::ingest;
use polgraph::pipeline::{ExtractConfig, Extractor, canonicalize};
use polgraph::{DocExtraction, Lexicon};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn political news into a knowledge graph of who did what to whom.
#[derive(Debug, Parser)]
#[command(name = "polgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract relation triples from articles and print them.
    Extract(ExtractArgs),
}

#[derive(Debug, clap::Args)]
struct ExtractionOptions {
    /// Extra lexicon directory: files named like those in data/lexicon and
    /// data/patterns extend the built-in ones (repeatable).
    #[arg(long, value_name = "DIR")]
    lexicon: Vec<PathBuf>,
    /// Switch off a relation pattern by its id (repeatable), e.g. met.verb.
    #[arg(long, value_name = "RULE")]
    disable_rule: Vec<String>,
    /// Drop triples whose confidence is below this (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    min_confidence: f32,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Articles: .txt, .html, .jsonl files, directories (read recursively), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    options: ExtractionOptions,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TripleFormat::Jsonl)]
    format: TripleFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TripleFormat {
    Jsonl,
    Json,
    Csv,
}

/// Runs the command line; the exit code on success.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract(args),
    }
}

fn extractor(o: &ExtractionOptions) -> Result<Extractor> {
    if !(0.0..=1.0).contains(&o.min_confidence) {
        anyhow::bail!("--min-confidence must be between 0 and 1, not {}", o.min_confidence);
    }
    let dirs = (!o.lexicon.is_empty()).then_some(o.lexicon.as_slice());
    let lexicon = Lexicon::load(dirs, &o.disable_rule).context("loading lexicons")?;
    Ok(Extractor::new(lexicon, ExtractConfig { min_confidence: o.min_confidence }))
}

fn extract_all(inputs: &[PathBuf], ex: &Extractor) -> Result<Vec<DocExtraction>> {
    let sources = ingest::sources(inputs)?;
    let mut out = Vec::new();
    for doc in ingest::documents(sources) {
        out.push(ex.extract(&doc?));
    }
    if out.is_empty() {
        return Err(polgraph::Error::NoArticles {
            inputs: inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        }
        .into());
    }
    canonicalize(&mut out);
    Ok(out)
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let ex = extractor(&args.options)?;
    let docs = extract_all(&args.inputs, &ex)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for d in &docs {
        for t in &d.triples {
            serde_json::to_writer(&mut out, t)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let _ = args.format;
    Ok(ExitCode::SUCCESS)
}
