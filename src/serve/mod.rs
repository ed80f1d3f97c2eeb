//! `horizon serve`: the local web workbench. It owns the HTTP side only: routes that call the same
//! search, show and export code as the command line, pages rendered on the server ([`pages`]), and
//! the guards a server needs (loopback by default, security headers, bounded depth and time, an
//! index that follows each new ingest without a restart).

mod cache;
mod pages;

use cache::{AnswerCache, Stored};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::cli::{
    CompareConfig, CompareKind, MentionsConfig, NewsConfig, ServeConfig, SignalsConfig,
};
use crate::cmd::search::hits_table;
use crate::compare::Thresholds;
use crate::export::{Format, Output, Table};
use crate::index::{Filter, HorizonIndex, IndexError, SearchError, CURRENT_FILE};
use crate::signals::mentions::GroupBy;
use crate::signals::EntryKind;

/// Hits on one page of results.
pub const PAGE_SIZE: usize = 10;
/// The deepest page of results served: 50 pages of 10.
pub const MAX_PAGE: usize = 50;
/// The most hits a download or an API call returns.
pub const MAX_LIMIT: usize = 500;
/// A request whose work takes longer is answered with a message; its worker finishes alone.
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// What the pages may load: nothing from elsewhere, no scripts, inline styles only.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "cannot listen on {addr}; is another program using the port? give another with --port"
    )]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the server's runtime")]
    Runtime(#[source] std::io::Error),
    #[error("the server stopped with an error")]
    Serve(#[source] std::io::Error),
}

/// The index folder, the generation last opened from it, and the answers made from it.
struct Shared {
    dir: PathBuf,
    /// The watch list of the "Nieuw" page; None for the corpus's own.
    watch: Option<PathBuf>,
    loaded: Mutex<Option<(String, Arc<HorizonIndex>)>>,
    cache: AnswerCache,
}

impl Shared {
    /// The generation `CURRENT` names now.
    fn generation(&self) -> String {
        std::fs::read_to_string(self.dir.join(CURRENT_FILE))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// The index as `CURRENT` names it now: reopened when an ingest has switched generations.
    fn index(&self) -> Result<Arc<HorizonIndex>, Failure> {
        let current = self.generation();
        let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((generation, index)) = loaded.as_ref() {
            if *generation == current {
                return Ok(index.clone());
            }
        }
        let index = Arc::new(HorizonIndex::open(&self.dir).map_err(|err| Failure {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: format!("{err}"),
        })?);
        *loaded = Some((current, index.clone()));
        // The counts behind the table pages are read in the background now, not at the first
        // visit to one of them.
        let warm = index.clone();
        std::thread::spawn(move || {
            let _ = warm.summaries();
        });
        Ok(index)
    }
}

/// A request that cannot be answered as asked: its status and what to tell the reader.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    message: String,
}

impl Failure {
    fn bad_request(message: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    fn internal(err: impl std::fmt::Display) -> Failure {
        Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("{err:#}"),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.status, pages::error(self.status, &self.message)).into_response()
    }
}

impl From<SearchError> for Failure {
    fn from(err: SearchError) -> Failure {
        match err {
            SearchError::Index(err) => Failure::internal(err),
            other => Failure::bad_request(other.to_string()),
        }
    }
}

/// Searches and tables run on at most two blocking threads a core: more would only take turns, and
/// a request cut off at [`TIME_LIMIT`] keeps its slot until its work ends, so runaway queries
/// cannot pile up threads.
static WORKERS: std::sync::LazyLock<Arc<tokio::sync::Semaphore>> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Arc::new(tokio::sync::Semaphore::new(2 * cores))
});

/// Runs `work` on a blocking thread, waiting for a slot, all within [`TIME_LIMIT`].
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let run = async {
        let slot = WORKERS
            .clone()
            .acquire_owned()
            .await
            .map_err(Failure::internal)?;
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(slot);
            result
        })
        .await
        .map_err(Failure::internal)?
    };
    match tokio::time::timeout(TIME_LIMIT, run).await {
        Ok(result) => result,
        Err(_) => Err(Failure {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: format!(
                "the request took longer than {} seconds and was cut off; make the query narrower",
                TIME_LIMIT.as_secs()
            ),
        }),
    }
}

/// The parameters of `/search` and `/api/search`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    edition: Option<String>,
    theme: Option<String>,
    series: Option<String>,
    part: Option<String>,
    page: Option<usize>,
    limit: Option<usize>,
    format: Option<String>,
    #[serde(rename = "excel-nl")]
    excel_nl: Option<String>,
}

impl SearchParams {
    fn filter(&self) -> Filter {
        let given = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
        Filter {
            edition: given(&self.edition),
            theme: given(&self.theme),
            series: given(&self.series),
            part: given(&self.part),
            new: None,
        }
    }
}

/// A table in a download format, with the command line's columns and bytes.
fn download(
    table: &crate::export::Table,
    format: &str,
    excel_nl: bool,
    name: &str,
) -> Result<Response, Failure> {
    let (format, content_type, extension) = download_format(format)?;
    let output = Output {
        format,
        path: None,
        excel_nl,
    };
    let mut bytes = Vec::new();
    output
        .write_to(table, &mut bytes, false)
        .map_err(Failure::internal)?;
    Ok(attachment(
        content_type,
        &format!("{name}.{extension}"),
        bytes,
    ))
}

/// A download format by its name in the address: the export format, content type and extension.
fn download_format(format: &str) -> Result<(Format, &'static str, &'static str), Failure> {
    Ok(match format {
        "csv" => (Format::Csv, "text/csv; charset=utf-8", "csv"),
        "xlsx" => (
            Format::Xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        "json" => (Format::Json, "application/json", "json"),
        "jsonl" => (Format::Jsonl, "application/x-ndjson", "jsonl"),
        other => {
            return Err(Failure::bad_request(format!(
                "there is no format {other:?}; write format=csv, format=xlsx, format=json or format=jsonl"
            )))
        }
    })
}

/// `bytes` as a file to save, named `file`.
fn attachment(content_type: &str, file: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{file}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

fn params(query: Result<Query<SearchParams>, QueryRejection>) -> Result<SearchParams, Failure> {
    query.map(|Query(p)| p).map_err(|err| {
        Failure::bad_request(format!("the address does not parse: {}", err.body_text()))
    })
}

async fn search_page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let params = params(query)?;
    let page = params.page.unwrap_or(1);
    if page == 0 || page > MAX_PAGE {
        return Err(Failure::bad_request(format!(
            "page {page} is out of range; pages run from 1 to {MAX_PAGE}"
        )));
    }
    blocking(move || {
        let index = shared.index()?;
        let filter = params.filter();
        if params.q.trim().is_empty() {
            return Ok(pages::search(&index, &params, pages::Outcome::Nothing).into_response());
        }
        if let Some(format) = params.format.as_deref() {
            let limit = params.limit.unwrap_or(MAX_LIMIT).min(MAX_LIMIT);
            let answer = index.search(&params.q, &filter, limit)?;
            let partial = answer.partial.is_some();
            let table = hits_table(&params.q, answer.hits, partial, &index);
            return download(&table, format, params.excel_nl.is_some(), "horizon-zoeken");
        }
        // A query that does not parse is shown on the search page, with the form to mend it.
        match index.search_with_facets(&params.q, &filter, page * PAGE_SIZE) {
            Ok(answer) => Ok(
                pages::search(&index, &params, pages::Outcome::Found(&answer, page))
                    .into_response(),
            ),
            Err(SearchError::Index(err)) => Err(Failure::internal(err)),
            Err(problem) => {
                let why = problem.to_string();
                let page = pages::search(&index, &params, pages::Outcome::Problem(&why));
                Ok((StatusCode::BAD_REQUEST, page).into_response())
            }
        }
    })
    .await
}

async fn api_search(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let params = params(query)?;
    if params.q.trim().is_empty() {
        return Err(Failure::bad_request("give a query: /api/search?q=..."));
    }
    blocking(move || {
        let index = shared.index()?;
        let limit = params.limit.unwrap_or(10).clamp(1, MAX_LIMIT);
        let answer = index.search(&params.q, &params.filter(), limit)?;
        let partial = answer.partial.is_some();
        let table = hits_table(&params.q, answer.hits, partial, &index);
        let format = params.format.as_deref().unwrap_or("json");
        Ok(inline_json(download(
            &table,
            format,
            params.excel_nl.is_some(),
            "horizon-zoeken",
        )?))
    })
    .await
}

async fn passage_page(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Response, Failure> {
    blocking(move || {
        let index = shared.index()?;
        match crate::cmd::show::neighbourhood(&index, &id, 1).map_err(Failure::internal)? {
            Ok(found) => Ok(pages::passage(&found).into_response()),
            Err(why) => Err(Failure::not_found(why)),
        }
    })
    .await
}

/// The parameters of the table pages (`/signals`, `/compare`, `/themes`, `/signal/{id}`).
#[derive(Debug, Default, serde::Deserialize)]
pub struct TableParams {
    kind: Option<String>,
    by: Option<String>,
    edition: Option<String>,
    a: Option<String>,
    b: Option<String>,
    format: Option<String>,
    #[serde(rename = "excel-nl")]
    excel_nl: Option<String>,
}

fn table_params(query: Result<Query<TableParams>, QueryRejection>) -> Result<TableParams, Failure> {
    query.map(|Query(p)| p).map_err(|err| {
        Failure::bad_request(format!("the address does not parse: {}", err.body_text()))
    })
}

/// A value the page was given, if any.
fn given(value: &Option<String>) -> Option<String> {
    value.clone().filter(|v| !v.trim().is_empty())
}

/// `kind=actor`, `by=theme`: a value of the command line's choices, or a 400 naming them.
fn choice<T: clap::ValueEnum>(value: &Option<String>, name: &str) -> Result<Option<T>, Failure> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    T::from_str(&value, true).map(Some).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        Failure::bad_request(format!(
            "{name}={value:?} is not one of {}",
            names.join(", ")
        ))
    })
}

/// A command's error: the index's own problems are the server's, the rest the request's.
fn command_failure(err: anyhow::Error) -> Failure {
    if err
        .chain()
        .any(|cause| cause.downcast_ref::<IndexError>().is_some())
    {
        Failure::internal(err)
    } else {
        Failure::bad_request(format!("{err:#}"))
    }
}

/// The command line's output settings; the workbench writes through them when it downloads.
fn unused_output() -> Output {
    Output {
        format: Format::Table,
        path: None,
        excel_nl: false,
    }
}

/// A table as a page, or as a download when `format=` asks for one.
fn table_response(
    params: &TableParams,
    table: &Table,
    name: &str,
    page: impl FnOnce(&Table) -> maud::Markup,
) -> Result<Response, Failure> {
    match params.format.as_deref() {
        Some(format) => download(table, format, params.excel_nl.is_some(), name),
        None => Ok(page(table).into_response()),
    }
}

/// A table page's work on a blocking thread, with the index as it is now.
async fn with_index(
    shared: Arc<Shared>,
    params: TableParams,
    work: impl FnOnce(&Shared, &HorizonIndex, TableParams) -> Result<Response, Failure> + Send + 'static,
) -> Result<Response, Failure> {
    blocking(move || {
        let index = shared.index()?;
        work(&shared, &index, params)
    })
    .await
}

async fn signals_page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<TableParams>, QueryRejection>,
) -> Result<Response, Failure> {
    with_index(shared, table_params(query)?, |shared, index, params| {
        let config = SignalsConfig {
            index: shared.dir.clone(),
            kind: choice::<EntryKind>(&params.kind, "kind")?,
            by: choice::<GroupBy>(&params.by, "by")?.unwrap_or(GroupBy::Edition),
            edition: given(&params.edition),
            output: unused_output(),
        };
        let table = crate::cmd::signals::table(index, &config).map_err(command_failure)?;
        table_response(&params, &table, "horizon-signalen", |table| {
            pages::signals(index, &params, table)
        })
    })
    .await
}

async fn signal_page(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    query: Result<Query<TableParams>, QueryRejection>,
) -> Result<Response, Failure> {
    with_index(
        shared,
        table_params(query)?,
        move |shared, index, params| {
            let Some(signal) = index.meta.signals.iter().find(|s| s.id == id).cloned() else {
                return Err(Failure::not_found(format!(
                    "there is no signal {id:?} in the lexicon; the signals page lists them"
                )));
            };
            let config = MentionsConfig {
                signal: signal.id.clone(),
                index: shared.dir.clone(),
                edition: given(&params.edition),
                window: 60,
                output: unused_output(),
            };
            let table = crate::cmd::mentions::table(index, &config).map_err(command_failure)?;
            let chart =
                crate::cmd::report::signal_chart(index, &signal.id).map_err(command_failure)?;
            table_response(
                &params,
                &table,
                &format!("horizon-{}", signal.id),
                |table| pages::signal(index, &signal, &params, &chart, table),
            )
        },
    )
    .await
}

async fn compare_page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<TableParams>, QueryRejection>,
) -> Result<Response, Failure> {
    with_index(shared, table_params(query)?, |shared, index, mut params| {
        let editions = &index.meta.editions;
        if editions.len() < 2 {
            return Err(Failure::bad_request(
                "the index holds fewer than two editions; there is nothing to compare",
            ));
        }
        // Without a choice: the first edition against the last, as a reader would start.
        if given(&params.a).is_none() {
            params.a = Some(editions[0].name.clone());
        }
        if given(&params.b).is_none() {
            params.b = Some(editions[editions.len() - 1].name.clone());
        }
        let config = CompareConfig {
            a: params.a.clone().unwrap_or_default(),
            b: params.b.clone().unwrap_or_default(),
            kind: choice::<CompareKind>(&params.kind, "kind")?.unwrap_or(CompareKind::All),
            index: shared.dir.clone(),
            thresholds: Thresholds::default(),
            limit: 25,
            output: unused_output(),
        };
        let table = crate::cmd::compare::table(index, &config).map_err(command_failure)?;
        table_response(&params, &table, "horizon-vergelijking", |table| {
            pages::compare(index, &params, table)
        })
    })
    .await
}

async fn themes_page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<TableParams>, QueryRejection>,
) -> Result<Response, Failure> {
    with_index(shared, table_params(query)?, |_, index, params| {
        let table = crate::cmd::themes::table(index).map_err(command_failure)?;
        let heat_map = crate::cmd::report::theme_heat_map(index).map_err(command_failure)?;
        table_response(&params, &table, "horizon-themas", |table| {
            pages::themes(index, &heat_map, table)
        })
    })
    .await
}

/// The parameters of `/news`: since when, and a download format.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NewsParams {
    since: Option<String>,
    format: Option<String>,
    #[serde(rename = "excel-nl")]
    excel_nl: Option<String>,
}

/// "Nieuw": the digest of `horizon news`, or its download through the export path.
async fn news_page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<NewsParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let params = query.map(|Query(p)| p).map_err(|err| {
        Failure::bad_request(format!("the address does not parse: {}", err.body_text()))
    })?;
    blocking(move || {
        let index = shared.index()?;
        let config = NewsConfig {
            index: shared.dir.clone(),
            since: given(&params.since).unwrap_or_else(|| "last".to_string()),
            watch: shared.watch.clone(),
            terms: 25,
            alert_factor: 2.0,
            output: unused_output(),
        };
        let news = crate::cmd::news::digest(&index, &config).map_err(command_failure)?;
        let Some(format) = params.format.as_deref() else {
            return Ok(pages::news(&index, &config.since, &news).into_response());
        };
        let sections = crate::cmd::news::sections(&news);
        let (format, content_type, extension) = download_format(format)?;
        let output = Output {
            format,
            path: None,
            excel_nl: params.excel_nl.is_some(),
        };
        let mut bytes = Vec::new();
        output
            .write_sections_to(
                &sections,
                || crate::cmd::news::json_of(&news),
                &mut bytes,
                false,
            )
            .map_err(Failure::internal)?;
        Ok(attachment(
            content_type,
            &format!("horizon-nieuw.{extension}"),
            bytes,
        ))
    })
    .await
}

async fn api_news(
    state: State<Arc<Shared>>,
    query: Result<Query<NewsParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let query = query.map(|Query(mut p)| {
        p.format.get_or_insert_with(|| "json".to_string());
        Query(p)
    });
    Ok(inline_json(news_page(state, query).await?))
}

/// `/api/signals` and the like: the page's table as the command line's `--format json`.
async fn api_table(
    State(shared): State<Arc<Shared>>,
    Path(what): Path<String>,
    query: Result<Query<TableParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let mut params = table_params(query)?;
    if params.format.is_none() {
        params.format = Some("json".to_string());
    }
    let response = match what.as_str() {
        "signals" => signals_page(State(shared), Ok(Query(params))).await?,
        "compare" => compare_page(State(shared), Ok(Query(params))).await?,
        "themes" => themes_page(State(shared), Ok(Query(params))).await?,
        other => {
            return Err(Failure::not_found(format!(
                "there is no /api/{other}; the API has /api/search, /api/signals, /api/compare, /api/themes and /api/signal/{{id}}"
            )))
        }
    };
    Ok(inline_json(response))
}

async fn api_signal(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    query: Result<Query<TableParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let mut params = table_params(query)?;
    if params.format.is_none() {
        params.format = Some("json".to_string());
    }
    Ok(inline_json(
        signal_page(State(shared), Path(id), Ok(Query(params))).await?,
    ))
}

/// JSON for scripts is an answer, not a file to save.
fn inline_json(mut response: Response) -> Response {
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v == "application/json");
    if json {
        response.headers_mut().remove(header::CONTENT_DISPOSITION);
    }
    response
}

async fn not_found() -> Failure {
    Failure::not_found("there is no such page; start at the search page")
}

/// Headers every response carries: what the page may load, and that it is not to be sniffed,
/// framed or told where the reader came from.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Answers from the cache when it has them, and keeps the answers it has not: those that say the
/// same for the same address (200, and the 4xx pages of a bad request), never a cut-off or a fault.
async fn cached(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    // The news depends on the watch list too, which changes without an ingest.
    let news = matches!(request.uri().path(), "/news" | "/api/news");
    if request.method() != Method::GET || shared.cache.is_off() || news {
        return next.run(request).await;
    }
    let generation = shared.generation();
    let key = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_string(), |p| p.to_string());
    if let Some(stored) = shared.cache.get(&generation, &key) {
        return stored.response();
    }
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_success() || status.is_client_error()) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            let stored = Stored::new(parts.status, parts.headers, bytes);
            let response = stored.response();
            shared.cache.put(&generation, key, stored);
            response
        }
        Err(err) => Failure::internal(err).into_response(),
    }
}

/// The workbench's routes over the index `config` names, with its answer cache and watch list.
pub fn router(config: &ServeConfig) -> Router {
    let shared = Arc::new(Shared {
        dir: config.index.clone(),
        watch: config.watch.clone(),
        loaded: Mutex::new(None),
        cache: AnswerCache::new(config.cache_bytes),
    });
    // Opened now, so that its counts are read before the first visitor asks for them; an index
    // that does not open is reported by the pages that need it.
    let _ = shared.index();
    Router::new()
        .route("/", get(search_page))
        .route("/search", get(search_page))
        .route("/api/search", get(api_search))
        .route("/passage/{id}", get(passage_page))
        .route("/signals", get(signals_page))
        .route("/signal/{id}", get(signal_page))
        .route("/compare", get(compare_page))
        .route("/themes", get(themes_page))
        .route("/news", get(news_page))
        .route("/api/news", get(api_news))
        .route("/api/signal/{id}", get(api_signal))
        .route("/api/{table}", get(api_table))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(shared.clone(), cached))
        .layer(axum::middleware::map_response(secure))
        .with_state(shared)
}

/// Serves the workbench until Ctrl-C; `on_ready` is told the address once it listens.
pub fn run(config: &ServeConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let addr = config.addr;
    let router = router(config);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        let bound = listener.local_addr().map_err(ServeError::Serve)?;
        on_ready(bound);
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(ServeError::Serve)
    })
}
