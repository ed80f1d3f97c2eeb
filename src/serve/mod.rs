//! `horizon serve`: the local web workbench. It owns the HTTP side only: routes that call the same
//! search, show and export code as the command line, pages rendered on the server ([`pages`]), and
//! the guards a server needs (loopback by default, security headers, bounded depth and time, an
//! index that follows each new ingest without a restart).

mod pages;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::cmd::search::hits_table;
use crate::export::{Format, Output};
use crate::index::{Filter, HorizonIndex, SearchError, CURRENT_FILE};

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

/// The index folder and the generation last opened from it.
struct Shared {
    dir: PathBuf,
    loaded: Mutex<Option<(String, Arc<HorizonIndex>)>>,
}

impl Shared {
    /// The index as `CURRENT` names it now: reopened when an ingest has switched generations.
    fn index(&self) -> Result<Arc<HorizonIndex>, Failure> {
        let current = std::fs::read_to_string(self.dir.join(CURRENT_FILE))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
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

/// Runs `work` on a blocking thread, within [`TIME_LIMIT`].
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    match tokio::time::timeout(TIME_LIMIT, tokio::task::spawn_blocking(work)).await {
        Ok(Ok(result)) => result,
        Ok(Err(join)) => Err(Failure::internal(join)),
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
    let (format, content_type, extension) = match format {
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
    };
    let output = Output {
        format,
        path: None,
        excel_nl,
    };
    let mut bytes = Vec::new();
    output
        .write_to(table, &mut bytes, false)
        .map_err(Failure::internal)?;
    let disposition = format!("attachment; filename=\"{name}.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
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
        match index.search(&params.q, &filter, page * PAGE_SIZE) {
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
        let mut response = download(&table, format, params.excel_nl.is_some(), "horizon-zoeken")?;
        if format == "json" {
            response.headers_mut().remove(header::CONTENT_DISPOSITION);
        }
        Ok(response)
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

/// The workbench's routes over the index in `dir`.
pub fn router(dir: PathBuf) -> Router {
    let shared = Arc::new(Shared {
        dir,
        loaded: Mutex::new(None),
    });
    Router::new()
        .route("/", get(search_page))
        .route("/search", get(search_page))
        .route("/api/search", get(api_search))
        .route("/passage/{id}", get(passage_page))
        .fallback(not_found)
        .layer(axum::middleware::map_response(secure))
        .with_state(shared)
}

/// Serves the workbench until Ctrl-C; `on_ready` is told the address once it listens.
pub fn run(
    dir: PathBuf,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
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
        axum::serve(listener, router(dir))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(ServeError::Serve)
    })
}
