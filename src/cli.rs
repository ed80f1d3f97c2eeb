//! The command line: clap definitions, and their validation into a [`Config`] before any file is touched.
//!
//! Everything a command needs is checked here (ranges, combinations, defaults), so the commands in
//! [`crate::cmd`] start from values that are known to be usable.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::analysis::Analyzer;
use crate::compare::Thresholds;
use crate::export::{Format, Output};
use crate::index::Filter;
use crate::signals::mentions::GroupBy;
use crate::signals::EntryKind;

/// Horizon scanning in Dutch national-security policy.
///
/// Indexes Dutch policy documents (text extracted from PDFs, Markdown, plain text) into passages,
/// and searches them with a Dutch-aware analyzer.
///
/// Start with `horizon ingest` (indexes the `corpus/` folder into `index/`), then `horizon search`.
#[derive(Debug, Parser)]
#[command(name = "horizon", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Ingest(IngestArgs),
    Search(SearchArgs),
    Passages(PassagesArgs),
    Show(ShowArgs),
    Serve(ServeArgs),
    Themes(ThemesArgs),
    Signals(SignalsArgs),
    Mentions(MentionsArgs),
    Candidates(CandidatesArgs),
    Compare(CompareArgs),
    Trend(TrendArgs),
    News(NewsArgs),
    Watch(WatchArgs),
    Report(ReportArgs),
    Chart(ChartArgs),
    Evaluate(EvaluateArgs),
    Analyze(AnalyzeArgs),
}

/// Index a corpus folder: read its manifest and documents, split them into passages, analyse and index them.
///
/// The corpus folder holds `.pdf`, `.txt` and `.md` files (searched recursively) and optionally a
/// `manifest.csv` with the columns `file,series,edition,date,title,publisher,url` (date as YYYY-MM-DD).
/// Files the manifest does not list are still indexed, with edition and date inferred from the file
/// name or text. A document that cannot be read is reported with its file and line and skipped; the
/// others are indexed and the command exits with status 1 at the end. A PDF is read as laid out:
/// columns in reading order, headings from its type, running headers, footers and page numbers
/// dropped, and every passage carries its pages.
///
/// A corpus can also be one JSON-lines file (one `{"Content": "..."}` document a line), and `.jsonl`
/// files in the folder are read the same way. Text that is not UTF-8 is read as Windows-1252 with a
/// warning (`--strict` refuses it). Only one ingest writes an index at a time.
///
/// Run again on an index built with the same settings, ingest only re-indexes what changed: files
/// whose size and time are unchanged are kept, changed and new ones are indexed, removed ones leave.
/// The new index replaces the old one in a single step, so a failed or interrupted ingest leaves the
/// previous index as it was.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// The corpus folder (or one .jsonl file).
    #[arg(default_value = "corpus")]
    pub corpus: PathBuf,
    /// The index folder to write.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// A Dutch stop-word list (one word a line, `#` starts a comment) used instead of `stopwords/nl.txt`.
    #[arg(long, value_name = "FILE")]
    pub stopwords: Option<PathBuf>,
    /// The analyzer: horizon's Dutch analyzer, or tantivy's stock Dutch analyzer to compare against.
    #[arg(long, value_enum, default_value_t = Analyzer::Horizon)]
    pub analyzer: Analyzer,
    /// Megabytes the index writer may use for its buffers (horizon itself holds only a few documents
    /// at a time); more is faster on large corpora.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub memory: usize,
    /// Rebuild the whole index, even where only some documents changed.
    #[arg(long)]
    pub full: bool,
    /// Refuse files that are not UTF-8 (by default they are read as Windows-1252, with a warning).
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Search the passages of the index, best first (BM25).
///
/// The query is analysed like the text (Dutch stemming, compounds, stop words), so `dreiging` also
/// finds `dreigingen` and `cyberdreiging`. Words are all required by default. Syntax:
///
///   "nationale veiligheid"        a phrase: the words next to each other, in this order
///   "rusland desinformatie"~30    the words with at most 30 others between them, in any order
///                                 (up to 4 words; longer ones in the order typed)
///   NEAR(rusland desinformatie)   the same within 10 words; NEAR/5(...) within 5
///   terror*                       every word that starts so (terrorisme, terroristische, ...)
///   desinformatei~1               every word within 1 letter edit (typing and OCR errors); ~ is ~2
///   F-35, Covid-19                hyphenated words and numbers, as the phrase they are
///   rusland OR china              either word
///   spionage AND NOT china        `NOT` (or a leading `-`) excludes
///   (rusland OR china) spionage   parentheses group
///   editie:2019  edition:...      only that edition (its name, or a part of it that is unique)
///   thema:polarisatie  theme:...  only that theme (its id or title)
///   reeks:...  series:...         only that series
///   doc:...                       only that document (its id)
///   deel:dreiging  part:threat    only that part: samenvatting, dreiging, weerbaarheid, aanpak, overig
///   datum:2019..2021  date:...    only those dates (2021, 2019-06.., ..2020-12-31); ends included
///
/// EN, OF and NIET work as AND, OR and NOT; a value with spaces is quoted (editie:"NVS 2019").
/// Fields combine with --edition and --theme. Each hit shows its passage, edition, pages, source
/// lines and a snippet with the matched words in **bold**.
///
/// No dead ends: when no passage holds every word, the passages that hold the most of them are
/// shown, marked partial with the missing words named; a word that is in no passage gets the nearest
/// words of the index ("bedoelde u: ..."). A query that does not parse gets one line naming the
/// character where it goes wrong and what to write instead.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SearchArgs {
    /// The query (quote it for the shell: `horizon search '"vitale infrastructuur" OR cyber'`).
    pub query: String,
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// How many passages to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Only passages of this edition (as `horizon passages` shows it; case does not matter).
    #[arg(long)]
    pub edition: Option<String>,
    /// Only passages of this theme (its id or title, as `horizon themes` shows them).
    #[arg(long)]
    pub theme: Option<String>,
    /// Only passages of documents in this series (as the manifest names it).
    #[arg(long)]
    pub series: Option<String>,
    /// Only passages of this part: samenvatting, dreiging, weerbaarheid, aanpak or overig (or the
    /// English summary, threat, resilience, approach, other).
    #[arg(long)]
    pub part: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// List every passage with its metadata, in document order.
///
/// Columns: passage, doc, series, edition, date, position, lines, words, footnote (the number of
/// the footnote a passage is the text of), notes (footnote markers removed from it), theme,
/// theme_label, part (summary, threat, resilience, approach, other), theme_basis (how the theme was
/// decided: heading, content, both, none), section (the headings above it), text. Use
/// `--format jsonl` (one JSON object a line) or `--format csv` to take them elsewhere.
#[derive(Debug, Args)]
pub struct PassagesArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Only passages of this edition.
    #[arg(long)]
    pub edition: Option<String>,
    /// Only passages of this theme (its id or title).
    #[arg(long)]
    pub theme: Option<String>,
    /// Only passages of this document (its id, as in the `doc` column).
    #[arg(long)]
    pub doc: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Show one passage in its document: the headings above it, the passages before and after it, its
/// pages and lines, the lexicon entries it mentions (marked [like this]) and its source file.
///
/// PASSAGE is an id as `horizon search` and `horizon passages` show it, such as
/// nvs-midterm-review-2021#54. With --format json, csv, jsonl or xlsx: one row per passage shown
/// (role before, passage or after), with its source.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The passage id, `<doc>#<n>`.
    pub passage: String,
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// How many passages to show before and after it.
    #[arg(long, default_value_t = 1)]
    pub context: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Serve the workbench in a browser: search with the syntax beside it, passages in their document,
/// downloads of every table, the same JSON as the command line under /api/.
///
/// Binds 127.0.0.1 unless --host says otherwise (then anyone who can reach the machine can read
/// the corpus). Read-only; answers from each new index an ingest makes without a restart; Ctrl-C
/// stops it. Pages: / and /search?q=...&edition=...&theme=...&page=N, /passage/{id},
/// /signals?kind=...&by=...&edition=..., /signal/{id}, /compare?a=...&b=...&kind=..., /themes.
/// Add format=csv, format=csv&excel-nl=1 or format=xlsx to download a page's table; /api/search,
/// /api/signals, /api/compare, /api/themes and /api/signal/{id} answer its JSON.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Megabytes of answers to keep for pages asked again, until the next ingest (0: none).
    #[arg(long, default_value_t = 64)]
    pub cache_mb: usize,
    /// The watch list the "Nieuw" page runs (see `horizon watch`); by default the watch.csv of the
    /// corpus the index was built from.
    #[arg(long, value_name = "FILE")]
    pub watch: Option<PathBuf>,
}

#[derive(Debug)]
pub struct ServeConfig {
    pub index: PathBuf,
    pub addr: std::net::SocketAddr,
    /// The answer cache's limit in bytes; 0 keeps none.
    pub cache_bytes: usize,
    /// None: the corpus's own watch list.
    pub watch: Option<PathBuf>,
}

#[derive(Debug)]
pub struct ShowConfig {
    pub passage: String,
    pub index: PathBuf,
    pub context: usize,
    pub output: Output,
}

/// List the themes with their passages and tokens in every edition.
///
/// One row per theme and edition (rows with no passages included, so every theme shows every
/// edition), then the passages that belong to no theme (introduction, closing sections). Tokens are
/// words. A passage's theme comes from the theme title it stands under and the theme words it uses;
/// `horizon passages` shows, per passage, how it was decided (`theme_basis`).
#[derive(Debug, Args)]
pub struct ThemesArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Count the mentions of themes, actors and measures per edition (or per document or theme).
///
/// Tidy rows: edition, date, doc, theme, kind, signal, label, type, mentions (how often it is
/// named), passages (how many passages name it), tokens (the words of the row's group: the edition,
/// or the document or theme within it) and per_10k (mentions / tokens x 10,000). Counts come from what
/// ingest stored; `horizon mentions SIGNAL` lists the lines behind every count. The lexicon is in
/// the corpus's `lexicon/` folder (themes.csv, actors.csv, measures.csv).
#[derive(Debug, Args)]
pub struct SignalsArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Which kind of signal, or all.
    #[arg(long, value_enum, default_value_t = KindChoice::All)]
    pub kind: KindChoice,
    /// Count per edition, or per document or theme within each edition.
    #[arg(long, value_enum, default_value_t = GroupBy::Edition)]
    pub by: GroupBy,
    /// Only this edition.
    #[arg(long)]
    pub edition: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindChoice {
    Theme,
    Actor,
    Measure,
    All,
}

/// Every mention of one signal, in context: the lines behind a count of `horizon signals`.
///
/// One row per mention: doc, edition, theme, passage, lines (of the source file), left, match,
/// right. The signal is given by its id, label or any alias ("rusland", "Russische", "AIVD"); a
/// name shared by a theme word and an actor or measure means the actor or measure, its id the theme.
#[derive(Debug, Args)]
pub struct MentionsArgs {
    /// The signal: id, label or alias.
    pub signal: String,
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Only this edition.
    #[arg(long)]
    pub edition: Option<String>,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 60)]
    pub window: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Names in the corpus that the lexicon does not have yet, to add to it.
///
/// Acronyms, capitalised multi-word names and the shapes of measures (Wet ..., Besluit ...,
/// wetsvoorstel ..., ...programma, ...strategie, ...agenda, ...akkoord, ...toets) that no lexicon
/// entry covers, with how often they occur and one line of context. The first five columns are the
/// lexicon's (id, label, type, aliases, theme): `--format csv` rows paste into actors.csv or
/// measures.csv once checked.
#[derive(Debug, Args)]
pub struct CandidatesArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Only names that occur at least this often.
    #[arg(long, default_value_t = 2)]
    pub min: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Compare two editions: which signals (or words) rose, fell, are new or gone.
///
/// One row per signal with the raw counts beside the statistics:
/// kind, signal, label, count_a, count_b, tokens_a, tokens_b (the words of each edition),
/// per10k_a, per10k_b, log_ratio = log2(((count_b + 0.5) / tokens_b) / ((count_a + 0.5) / tokens_a)),
/// g2 (Dunning's log-likelihood, positive when relatively more frequent in B), p_value (chi-squared,
/// one degree of freedom) and status:
///   new      count_a = 0 and count_b > 0
///   gone     count_b = 0 and count_a > 0
///   rising   g2 >= --min-g2 and log_ratio >= --min-log-ratio
///   falling  g2 <= -(--min-g2) and log_ratio <= -(--min-log-ratio)
///   stable   anything else
/// Rows are sorted by |g2|, the strongest evidence of change first; the table for people shows the
/// first --limit rows, the data formats all of them. `--kind terms` compares every analysed word
/// (compound parts included, stop words left out) instead of the lexicon's signals.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CompareArgs {
    /// Edition A, the earlier one (e.g. "NVS 2019").
    pub a: String,
    /// Edition B, the later one (e.g. "NVS midterm review 2021").
    pub b: String,
    /// What to compare: one kind of signal, all signals, or analysed words.
    #[arg(long, value_enum, default_value_t = CompareKind::All)]
    pub kind: CompareKind,
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// |g2| a rise or fall needs (3.84: p < 0.05).
    #[arg(long, default_value_t = 3.84)]
    pub min_g2: f64,
    /// |log2 ratio| a rise or fall needs (1: the rate doubled or halved).
    #[arg(long, default_value_t = 1.0)]
    pub min_log_ratio: f64,
    /// Rows in the table for people.
    #[arg(long, short = 'n', default_value_t = 25)]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareKind {
    Theme,
    Actor,
    Measure,
    All,
    Terms,
}

/// Rates of signals across all editions in date order, the change from the edition before, and an
/// alert where the latest rate exceeds the mean of the earlier editions by --alert-factor.
///
/// One row per signal and edition: kind, signal, label, edition, date, mentions, tokens, per_10k,
/// change (per_10k minus the edition before), alert (on the latest edition only). Signals with an
/// alert come first, then the highest latest rate.
#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Which kind of signal, or all.
    #[arg(long, value_enum, default_value_t = KindChoice::All)]
    pub kind: KindChoice,
    /// Only this signal (id, label or alias).
    #[arg(long)]
    pub signal: Option<String>,
    /// Alert when the latest rate is more than this many times the mean of the earlier editions.
    #[arg(long, default_value_t = 2.0)]
    pub alert_factor: f64,
    /// Rows in the table for people.
    #[arg(long, short = 'n', default_value_t = 40)]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What is new since the last scan (or a date, or an edition): for every watch of the watch list
/// the new passages its query finds; the signals whose newest edition breaks the alert rule of
/// `trend`, or that it no longer mentions; and the emerging terms of the new material (words and
/// two- and three-word phrases new to the corpus or rising most against everything before, in
/// passages, with keyness as `compare`; stop words and lexicon names left out), each with a line in
/// context, ready for the lexicon or the watch list.
///
/// Every ingest records a scan in the index (what it added, changed and removed); `--since last`
/// is what the latest scan brought, so a rerun on an unchanged corpus brings nothing.
///
/// `--format json` writes one object {since, scans, watches: [{id, label, query, passages}],
/// alerts, terms}; csv and jsonl one table with a `section` column; xlsx a sheet per section; md
/// and html a digest to mail. Exit status: 0 when something is new, 3 when nothing is, 1 on an
/// error, so cron or CI can act on it.
#[derive(Debug, Args)]
pub struct NewsArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// `last` (the latest scan), a date (2021-03-08, 2021-03, 2021: the scans since), a scan
    /// (`scan:3`: that scan and those after it), or an edition (what the editions after it hold).
    #[arg(long, default_value = "last")]
    pub since: String,
    /// The watch list: a CSV with the columns id,label,query,theme,note; by default the watch.csv of
    /// the corpus the index was built from.
    #[arg(long, value_name = "FILE")]
    pub watch: Option<PathBuf>,
    /// How many emerging terms to show.
    #[arg(long, default_value_t = 25)]
    pub terms: usize,
    /// Alert when the newest edition's rate is more than this many times the mean of the earlier ones.
    #[arg(long, default_value_t = 2.0)]
    pub alert_factor: f64,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug)]
pub struct NewsConfig {
    pub index: PathBuf,
    pub since: String,
    /// None: the corpus's own watch list.
    pub watch: Option<PathBuf>,
    pub terms: usize,
    pub alert_factor: f64,
    pub output: Output,
}

/// Keep the watch list: saved searches that `horizon news` runs over what is new.
///
/// The list is a CSV beside the lexicon (corpus/watch.csv) with the columns
/// id,label,query,theme,note; the query in the syntax of `horizon search`, the theme (optional) an
/// id or title. Edit it in a spreadsheet or with these commands; a bad row is reported with its
/// file and line.
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(subcommand)]
    pub action: WatchAction,
    /// The watch list to read and change.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "corpus/watch.csv",
        global = true
    )]
    pub watch: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum WatchAction {
    /// List the watches.
    List {
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Add a watch.
    Add {
        /// Its id: letters, digits, '-' and '_'.
        id: String,
        /// Its query, in the syntax of `horizon search`.
        query: String,
        #[arg(long, default_value = "")]
        label: String,
        /// Only passages of this theme (id or title).
        #[arg(long, default_value = "")]
        theme: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Remove a watch.
    Remove {
        /// The id of the watch.
        id: String,
    },
}

#[derive(Debug)]
pub struct WatchConfig {
    pub watch: PathBuf,
    pub action: WatchAction,
    /// For `list`.
    pub output: Option<Output>,
}

/// Write one self-contained HTML report: the corpus at a glance, themes per edition (heat map),
/// trends of the top actors and measures, what changed between the two latest editions, signals in
/// context linked to their passages, and the settings.
///
/// The page has inline CSS and SVG only (no scripts, fonts or images from anywhere), reads offline
/// and prints; its labels are Dutch, its colours hold in greyscale and for colour-blind readers.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// The HTML file to write.
    #[arg(long, value_name = "FILE", default_value = "report.html")]
    pub out: PathBuf,
}

/// Draw one signal's rate across the editions, as an SVG or PNG chart to paste into a memo.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// The signal: id, label or alias.
    #[arg(long)]
    pub signal: String,
    /// The index folder to read.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// SVG (scales in any document) or PNG (a picture at twice the size).
    #[arg(long, value_enum, default_value_t = ChartFormat::Svg)]
    pub format: ChartFormat,
    /// The file to write (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartFormat {
    Svg,
    Png,
}

/// Measure search quality on query sets, for horizon's analyzer and tantivy's stock Dutch analyzer.
///
/// For each set, indexes its corpus twice in a temporary folder (once with each analyzer), runs every
/// query against both, and reports success at 5 (the share of queries whose passage is in the top 5)
/// and mean reciprocal rank at 10, per phenomenon and in all. A set is tab-separated with the header
/// `id, phenomenon, query, quote` (the quote is a piece of the passage the query must find); a line
/// `# corpus: PATH PATH ...` names what it searches (folders or files, relative to where horizon
/// runs), else it searches `corpus`. A set whose corpus is absent is skipped with a message.
///
/// The two sets of the project: tests/quality/seed.tsv (77 queries on the seed, the NVS midterm
/// review) and tests/quality/corpora.tsv (queries on ../shared/corpora: historic OCR'd papers with
/// old spelling, laws and PDFs, written before the analyzer was tuned on them).
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The query sets.
    #[arg(default_values = ["tests/quality/seed.tsv", "tests/quality/corpora.tsv"])]
    pub queries: Vec<PathBuf>,
    /// Search this corpus folder for every set, instead of the corpus each set names.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// One row per phenomenon (with a total), or one row per query with the rank each analyzer gave.
    #[arg(long, value_enum, default_value_t = EvaluateBy::Phenomenon)]
    pub by: EvaluateBy,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvaluateBy {
    Phenomenon,
    Query,
}

/// Show how the Dutch analyzer reads a text: each word with the terms it is indexed and searched by.
///
/// Handy to see why a search does or does not find something: `horizon analyze "links- en
/// rechtsextremisme"` shows the compound parts and the completed elliptical compound. The `rules`
/// column names the rules for historic and noisy Dutch that added terms (old spelling, glued words,
/// hyphens inside a line, dotted acronyms) and, with --repair, what the repair stage changed.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The text to analyse.
    pub text: String,
    /// The analyzer.
    #[arg(long, value_enum, default_value_t = Analyzer::Horizon)]
    pub analyzer: Analyzer,
    /// Repair the text first, as ingest does (hyphens, lost ligature letters, quotes), and show
    /// each word the repair changed.
    #[arg(long)]
    pub repair: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Output options shared by every command, so they behave the same everywhere.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format: table (for people), csv, json (one array), jsonl (one object a line), xlsx (an
    /// Excel workbook with a settings sheet; needs --out), md (Markdown tables), html (a page).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --format csv: a CSV a Dutch Excel opens right (byte-order mark, ';', decimal comma, CRLF).
    #[arg(long)]
    pub excel_nl: bool,
}

/// A command line that has been checked and is ready to run.
#[derive(Debug)]
pub enum Config {
    Ingest(IngestConfig),
    Search(SearchConfig),
    Passages(PassagesConfig),
    Themes(ThemesConfig),
    Signals(SignalsConfig),
    Mentions(MentionsConfig),
    Candidates(CandidatesConfig),
    Compare(CompareConfig),
    Trend(TrendConfig),
    Report(ReportArgs),
    Chart(ChartArgs),
    Evaluate(EvaluateConfig),
    Analyze(AnalyzeConfig),
    Show(ShowConfig),
    Serve(ServeConfig),
    News(NewsConfig),
    Watch(WatchConfig),
}

#[derive(Debug)]
pub struct IngestConfig {
    pub corpus: PathBuf,
    pub index: PathBuf,
    pub stopwords: Option<PathBuf>,
    pub analyzer: Analyzer,
    /// Bytes for the index writer.
    pub memory: usize,
    pub full: bool,
    pub strict: bool,
    pub output: Output,
}

#[derive(Debug)]
pub struct SearchConfig {
    pub query: String,
    pub index: PathBuf,
    pub limit: usize,
    pub filter: Filter,
    pub output: Output,
}

#[derive(Debug)]
pub struct PassagesConfig {
    pub index: PathBuf,
    pub filter: Filter,
    pub doc: Option<String>,
    pub output: Output,
}

#[derive(Debug)]
pub struct ThemesConfig {
    pub index: PathBuf,
    pub output: Output,
}

#[derive(Debug)]
pub struct SignalsConfig {
    pub index: PathBuf,
    pub kind: Option<EntryKind>,
    pub by: GroupBy,
    pub edition: Option<String>,
    pub output: Output,
}

#[derive(Debug)]
pub struct MentionsConfig {
    pub signal: String,
    pub index: PathBuf,
    pub edition: Option<String>,
    pub window: usize,
    pub output: Output,
}

#[derive(Debug)]
pub struct CandidatesConfig {
    pub index: PathBuf,
    pub min: u64,
    pub output: Output,
}

#[derive(Debug)]
pub struct CompareConfig {
    pub a: String,
    pub b: String,
    pub kind: CompareKind,
    pub index: PathBuf,
    pub thresholds: Thresholds,
    pub limit: usize,
    pub output: Output,
}

#[derive(Debug)]
pub struct TrendConfig {
    pub index: PathBuf,
    pub kind: Option<EntryKind>,
    pub signal: Option<String>,
    pub alert_factor: f64,
    pub limit: usize,
    pub output: Output,
}

#[derive(Debug)]
pub struct EvaluateConfig {
    pub queries: Vec<PathBuf>,
    pub corpus: Option<PathBuf>,
    pub by: EvaluateBy,
    pub output: Output,
}

#[derive(Debug)]
pub struct AnalyzeConfig {
    pub text: String,
    pub analyzer: Analyzer,
    pub repair: bool,
    pub output: Output,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("the query is empty; give words to search for, e.g. horizon search cyberaanvallen")]
    EmptyQuery,
    #[error("--limit must be at least 1")]
    ZeroLimit,
    #[error("name a signal: its id, label or an alias, e.g. horizon mentions rusland")]
    EmptySignal,
    #[error("thresholds and factors must be positive numbers")]
    NegativeThreshold,
    #[error("--excel-nl goes with --format csv")]
    ExcelNlWithoutCsv,
    #[error("--format xlsx writes a file; give --out FILE.xlsx")]
    XlsxWithoutOut,
    #[error("--{0} is empty; give a value or leave the option out")]
    EmptyFilter(&'static str),
}

impl Cli {
    /// Checks the parsed arguments and turns them into a [`Config`]; does no I/O.
    pub fn into_config(self) -> Result<Config, CliError> {
        Ok(match self.command {
            Command::Ingest(args) => Config::Ingest(IngestConfig {
                corpus: args.corpus,
                index: args.index,
                stopwords: args.stopwords,
                analyzer: args.analyzer,
                memory: args.memory.clamp(16, 64 * 1024) * 1024 * 1024,
                full: args.full,
                strict: args.strict,
                output: args.output.try_into()?,
            }),
            Command::Search(args) => {
                if args.query.trim().is_empty() {
                    return Err(CliError::EmptyQuery);
                }
                if args.limit == 0 {
                    return Err(CliError::ZeroLimit);
                }
                Config::Search(SearchConfig {
                    query: args.query,
                    index: args.index,
                    limit: args.limit,
                    filter: Filter {
                        edition: non_empty(args.edition, "edition")?,
                        theme: non_empty(args.theme, "theme")?,
                        series: non_empty(args.series, "series")?,
                        part: non_empty(args.part, "part")?,
                        new: None,
                    },
                    output: args.output.try_into()?,
                })
            }
            Command::Passages(args) => Config::Passages(PassagesConfig {
                index: args.index,
                filter: Filter {
                    edition: non_empty(args.edition, "edition")?,
                    theme: non_empty(args.theme, "theme")?,
                    ..Filter::default()
                },
                doc: non_empty(args.doc, "doc")?,
                output: args.output.try_into()?,
            }),
            Command::Themes(args) => Config::Themes(ThemesConfig {
                index: args.index,
                output: args.output.try_into()?,
            }),
            Command::Signals(args) => Config::Signals(SignalsConfig {
                index: args.index,
                kind: kind_of(args.kind),
                by: args.by,
                edition: non_empty(args.edition, "edition")?,
                output: args.output.try_into()?,
            }),
            Command::Mentions(args) => {
                if args.signal.trim().is_empty() {
                    return Err(CliError::EmptySignal);
                }
                Config::Mentions(MentionsConfig {
                    signal: args.signal,
                    index: args.index,
                    edition: non_empty(args.edition, "edition")?,
                    window: args.window,
                    output: args.output.try_into()?,
                })
            }
            Command::Candidates(args) => Config::Candidates(CandidatesConfig {
                index: args.index,
                min: args.min.max(1),
                output: args.output.try_into()?,
            }),
            Command::Compare(args) => {
                if [args.min_g2, args.min_log_ratio]
                    .iter()
                    .any(|t| t.is_nan() || *t < 0.0)
                {
                    return Err(CliError::NegativeThreshold);
                }
                Config::Compare(CompareConfig {
                    a: args.a,
                    b: args.b,
                    kind: args.kind,
                    index: args.index,
                    thresholds: Thresholds {
                        g2: args.min_g2,
                        log_ratio: args.min_log_ratio,
                    },
                    limit: args.limit.max(1),
                    output: args.output.try_into()?,
                })
            }
            Command::Trend(args) => {
                if args.alert_factor.is_nan() || args.alert_factor <= 0.0 {
                    return Err(CliError::NegativeThreshold);
                }
                Config::Trend(TrendConfig {
                    index: args.index,
                    kind: kind_of(args.kind),
                    signal: non_empty(args.signal, "signal")?,
                    alert_factor: args.alert_factor,
                    limit: args.limit.max(1),
                    output: args.output.try_into()?,
                })
            }
            Command::News(args) => {
                if args.alert_factor.is_nan() || args.alert_factor <= 0.0 {
                    return Err(CliError::NegativeThreshold);
                }
                Config::News(NewsConfig {
                    index: args.index,
                    since: args.since,
                    watch: args.watch,
                    terms: args.terms,
                    alert_factor: args.alert_factor,
                    output: args.output.try_into()?,
                })
            }
            Command::Watch(args) => {
                let output = match &args.action {
                    WatchAction::List { output } => Some(output.clone().try_into()?),
                    _ => None,
                };
                Config::Watch(WatchConfig {
                    watch: args.watch,
                    action: args.action,
                    output,
                })
            }
            Command::Report(args) => Config::Report(args),
            Command::Chart(args) => {
                if args.signal.trim().is_empty() {
                    return Err(CliError::EmptySignal);
                }
                Config::Chart(args)
            }
            Command::Serve(args) => Config::Serve(ServeConfig {
                index: args.index,
                addr: std::net::SocketAddr::new(args.host, args.port),
                cache_bytes: args.cache_mb.min(64 * 1024) * 1024 * 1024,
                watch: args.watch,
            }),
            Command::Show(args) => Config::Show(ShowConfig {
                passage: args.passage.trim().to_string(),
                index: args.index,
                context: args.context,
                output: args.output.try_into()?,
            }),
            Command::Analyze(args) => Config::Analyze(AnalyzeConfig {
                text: args.text,
                analyzer: args.analyzer,
                repair: args.repair,
                output: args.output.try_into()?,
            }),
            Command::Evaluate(args) => Config::Evaluate(EvaluateConfig {
                queries: args.queries,
                corpus: args.corpus,
                by: args.by,
                output: args.output.try_into()?,
            }),
        })
    }
}

fn kind_of(choice: KindChoice) -> Option<EntryKind> {
    match choice {
        KindChoice::Theme => Some(EntryKind::Theme),
        KindChoice::Actor => Some(EntryKind::Actor),
        KindChoice::Measure => Some(EntryKind::Measure),
        KindChoice::All => None,
    }
}

fn non_empty(value: Option<String>, name: &'static str) -> Result<Option<String>, CliError> {
    match value {
        Some(v) if v.trim().is_empty() => Err(CliError::EmptyFilter(name)),
        other => Ok(other),
    }
}

impl TryFrom<OutputArgs> for Output {
    type Error = CliError;

    fn try_from(args: OutputArgs) -> Result<Self, CliError> {
        if args.excel_nl && args.format != Format::Csv {
            return Err(CliError::ExcelNlWithoutCsv);
        }
        if args.format == Format::Xlsx && args.out.is_none() {
            return Err(CliError::XlsxWithoutOut);
        }
        Ok(Output {
            format: args.format,
            path: args.out,
            excel_nl: args.excel_nl,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Result<Config, CliError> {
        Cli::try_parse_from(args).expect("parses").into_config()
    }

    #[test]
    fn search_defaults_and_checks() {
        let Config::Search(search) = config(&["horizon", "search", "weerbaarheid"]).unwrap() else {
            panic!("expected a search config");
        };
        assert_eq!(search.limit, 10);
        assert_eq!(search.index, PathBuf::from("index"));
        assert!(matches!(
            config(&["horizon", "search", "  "]),
            Err(CliError::EmptyQuery)
        ));
        assert!(matches!(
            config(&["horizon", "search", "x", "--limit", "0"]),
            Err(CliError::ZeroLimit)
        ));
        assert!(matches!(
            config(&["horizon", "search", "x", "--edition", ""]),
            Err(CliError::EmptyFilter("edition"))
        ));
    }

    #[test]
    fn clap_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
