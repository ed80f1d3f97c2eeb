//! HTTP-level tests of `horizon serve`: the real binary on a free port, every page and download
//! checked for status, content type and security headers, its numbers against the command line's,
//! a hostile corpus that must run nothing, and a new ingest answered without a restart.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{horizon, ingest_real_corpus, stderr, stdout};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(index: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_horizon"))
            .args(["serve", "--index", index, "--port", "0"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        BufReader::new(child.stderr.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.starts_with("horizon: serving the index in "), "{line}");
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server { child, port }
    }

    fn get(&self, path: &str) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a head and a body");
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap()[9..12].parse().unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_lowercase(), v.to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }
}

/// Every page: HTML, the security headers, no script anywhere.
fn page(server: &Server, path: &str, status: u16) -> String {
    let reply = server.get(path);
    assert_eq!(reply.status, status, "{path}: {}", reply.text());
    assert_eq!(
        reply.header("content-type"),
        "text/html; charset=utf-8",
        "{path}"
    );
    assert!(reply
        .header("content-security-policy")
        .starts_with("default-src 'none'"));
    assert_eq!(reply.header("x-content-type-options"), "nosniff");
    let html = reply.text();
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"nl\">"),
        "{path}"
    );
    assert!(!html.contains("<script"), "{path}");
    html
}

#[test]
fn search_pages_show_the_hits_the_command_line_finds() {
    let indexed = ingest_real_corpus();
    let server = Server::start(&indexed.index);
    let home = page(&server, "/", 200);
    assert!(home.contains("<label for=\"q\">Zoekvraag"));
    assert!(home.contains("NVS midterm review 2021 ("));
    let html = page(&server, "/search?q=terror%2A&edition=&theme=", 200);
    assert!(html.contains("<mark>terroristische</mark>"), "{html}");
    let cli = horizon(&[
        "search",
        "terror*",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]);
    let hits: Vec<Value> = serde_json::from_str(&stdout(&cli)).unwrap();
    // The page's hits in the command line's order.
    let mut at = 0;
    for hit in &hits {
        let id = hit["passage"].as_str().unwrap();
        let anchor = format!(">{id}</a></h3>");
        let found = html[at..]
            .find(&anchor)
            .unwrap_or_else(|| panic!("{id} missing or out of order"));
        at += found + anchor.len();
    }
    // Page 2 starts where page 1 ended; the partial answer and "bedoelde u" show too.
    let second = page(&server, "/search?q=veiligheid&page=2", 200);
    assert!(second.contains("<ol start=\"11\">"), "{second}");
    let partial = page(&server, "/search?q=cyberaanvallen+Rusland", 200);
    assert!(
        partial.contains("Geen passage bevat alle 2 delen"),
        "{partial}"
    );
    assert!(partial.contains("Ontbreekt: Rusland"));
    let suggestion = page(&server, "/search?q=klimaatverandring", 200);
    assert!(
        suggestion.contains(
            "bedoelde u: <a href=\"/search?q=klimaatverandering\">klimaatverandering</a>?"
        ),
        "{suggestion}"
    );
}

/// The values of a select of the search form, each with the count it shows.
fn counts(html: &str, select: &str) -> Vec<(String, u64)> {
    let start = html
        .find(&format!("<select id=\"{select}\""))
        .unwrap_or_else(|| panic!("no select {select}"));
    let body = &html[start..start + html[start..].find("</select>").unwrap()];
    body.split("<option value=\"")
        .skip(2)
        .map(|option| {
            let value = &option[..option.find('"').unwrap()];
            let label = &option[option.find('>').unwrap() + 1..option.find("</option>").unwrap()];
            let n = label
                .rsplit_once(" (")
                .and_then(|(_, n)| n.strip_suffix(')'))
                .unwrap_or_else(|| panic!("no count in {label:?}"));
            (value.to_string(), n.parse().unwrap())
        })
        .collect()
}

/// How many passages the command line finds for `query` with `filters`.
fn found(index: &str, query: &str, filters: &[(&str, &str)]) -> u64 {
    let mut args = vec![
        "search", query, "--index", index, "-n", "500", "--format", "json",
    ];
    for (name, value) in filters {
        args.push(name);
        args.push(value);
    }
    let hits: Vec<Value> = serde_json::from_str(&stdout(&horizon(&args))).unwrap();
    hits.len() as u64
}

#[test]
fn the_filters_count_what_each_choice_finds() {
    let indexed = ingest_real_corpus();
    let server = Server::start(&indexed.index);
    let html = page(&server, "/search?q=cyber", 200);
    let editions = counts(&html, "edition");
    assert_eq!(editions.len(), 2, "{editions:?}");
    for (edition, n) in &editions {
        assert_eq!(
            *n,
            found(&indexed.index, "cyber", &[("--edition", edition)]),
            "{edition}"
        );
    }
    let total: u64 = editions.iter().map(|(_, n)| n).sum();
    assert_eq!(total, found(&indexed.index, "cyber", &[]));
    // Within an edition, the themes count inside it; the edition select still counts them all.
    let html = page(
        &server,
        "/search?q=cyber&edition=NVS+2019&part=summary",
        200,
    );
    assert_eq!(counts(&html, "edition"), {
        let mut within = Vec::new();
        for (edition, _) in &editions {
            let n = found(
                &indexed.index,
                "cyber",
                &[("--edition", edition), ("--part", "samenvatting")],
            );
            within.push((edition.clone(), n));
        }
        within
    });
    let themes = counts(&html, "theme");
    assert!(themes.iter().any(|(_, n)| *n > 0), "{themes:?}");
    for (theme, n) in &themes {
        let cli = found(
            &indexed.index,
            "cyber",
            &[
                ("--edition", "NVS 2019"),
                ("--part", "samenvatting"),
                ("--theme", theme),
            ],
        );
        assert_eq!(*n, cli, "{theme}");
    }
    for (part, n) in counts(&html, "part") {
        let cli = found(
            &indexed.index,
            "cyber",
            &[("--edition", "NVS 2019"), ("--part", &part)],
        );
        assert_eq!(n, cli, "{part}");
    }
    // A series nobody publishes in is a bad request that names the series there are.
    let reply = server.get("/search?q=cyber&series=Jaarverslag");
    assert_eq!(reply.status, 400, "{}", reply.text());
    assert!(
        reply.text().contains("Nationale Veiligheid Strategie"),
        "{}",
        reply.text()
    );
}

#[test]
fn downloads_and_the_api_are_the_command_lines_bytes() {
    let indexed = ingest_real_corpus();
    let server = Server::start(&indexed.index);
    let ix = indexed.index.as_str();
    let cli = |extra: &[&str]| {
        let mut args = vec!["search", "cyberaanvallen", "--index", ix, "--limit", "500"];
        args.extend_from_slice(extra);
        let out = horizon(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    let csv = server.get("/search?q=cyberaanvallen&format=csv");
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    assert!(csv
        .header("content-disposition")
        .starts_with("attachment; filename=\"horizon-zoeken.csv\""));
    assert_eq!(csv.body, cli(&["--format", "csv"]));
    let excel = server.get("/search?q=cyberaanvallen&format=csv&excel-nl=1");
    assert_eq!(excel.body, cli(&["--format", "csv", "--excel-nl"]));
    let xlsx = server.get("/search?q=cyberaanvallen&format=xlsx");
    assert_eq!(
        xlsx.header("content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(xlsx.body.starts_with(b"PK"));
    let api = server.get("/api/search?q=cyberaanvallen&limit=500");
    assert_eq!(api.header("content-type"), "application/json");
    let from_api: Value = serde_json::from_slice(&api.body).unwrap();
    let from_cli: Value = serde_json::from_slice(&cli(&["--format", "json"])).unwrap();
    assert_eq!(from_api, from_cli);
    let bad = server.get("/search?q=cyber&format=pdf");
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("there is no format"));
}

#[test]
fn passages_bad_requests_and_unknown_pages_say_what_was_wrong() {
    let indexed = ingest_real_corpus();
    let server = Server::start(&indexed.index);
    let html = page(&server, "/passage/nvs-midterm-review-2021%2354", 200);
    assert!(html.contains("<h1>Passage nvs-midterm-review-2021#54</h1>"));
    assert!(
        html.contains("Onder: Terrorisme en extremisme tegengaan &gt; Korte samenvatting NVS 2019")
    );
    assert!(
        html.contains("<mark title=\"terrorisme-extremisme\">terroristische</mark>"),
        "{html}"
    );
    assert!(html.contains("href=\"/passage/nvs-midterm-review-2021%2353\""));
    assert!(html.contains("<a href=\"https://www.nctv.nl/"));
    let missing = page(&server, "/passage/nvs-midterm-review-2021%23999", 404);
    assert!(missing.contains("has passages #1 to #"));
    let broken = page(&server, "/search?q=%28rusland+OR", 400);
    assert!(broken.contains("does not parse at character"), "{broken}");
    assert!(
        broken.contains("value=\"(rusland OR\""),
        "the form keeps the query to mend"
    );
    assert!(page(&server, "/search?q=cyber&page=abc", 400).contains("the address does not parse"));
    assert!(page(&server, "/search?q=cyber&page=51", 400).contains("pages run from 1 to 50"));
    assert!(page(&server, "/search?q=cyber&edition=NVS+2030", 400).contains("no edition"));
    page(&server, "/etc/passwd", 404);
    page(&server, "/passage/..%2F..%2Fetc%2Fpasswd", 404);
}

#[test]
fn a_hostile_corpus_runs_nothing() {
    let corpus = TempDir::new().unwrap();
    let hostile = "De minister <script>alert('tekst')</script> schrijft over \"><img src=x onerror=alert(1)> dreiging en <a href=\"javascript:alert(2)\">spionage</a>.\n";
    std::fs::write(corpus.path().join("kwaad.txt"), hostile).unwrap();
    std::fs::write(
        corpus.path().join("manifest.csv"),
        "file,series,edition,date,title,publisher,url\nkwaad.txt,<script>reeks</script>,\"\"\"><img src=x onerror=alert(3)>\",2021-01-01,<script>titel</script>,NCTV,javascript:alert(4)\n",
    )
    .unwrap();
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("ix").display().to_string();
    let out = horizon(&["ingest", corpus.path().to_str().unwrap(), "--index", &index]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&index);
    for path in [
        "/search?q=dreiging",
        "/search?q=%3Cscript%3Ealert(5)%3C%2Fscript%3E",
        "/search?q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(6)%3E",
        "/passage/kwaad%231",
        "/",
        "/news?since=scan:1",
    ] {
        let reply = server.get(path);
        let html = reply.text();
        assert!(!html.contains("<script"), "{path}: {html}");
        assert!(!html.contains("<img"), "{path}: {html}");
        assert!(!html.contains("href=\"javascript:"), "{path}: {html}");
        // "onerror" only ever as escaped text, never as an attribute of a tag.
        assert_eq!(
            html.matches("onerror").count(),
            html.matches("&lt;img src=x onerror").count(),
            "{path}: {html}"
        );
    }
    let passage = server.get("/passage/kwaad%231").text();
    assert!(
        passage.contains("&lt;script&gt;alert('tekst')&lt;/script&gt;"),
        "{passage}"
    );
    assert!(
        passage.contains("javascript:alert(4)"),
        "the address is shown as text: {passage}"
    );
}

#[test]
fn a_new_ingest_is_served_without_a_restart() {
    let corpus = TempDir::new().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "De economische veiligheid wordt geschaad door spionage van diverse landen.\n",
    )
    .unwrap();
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("ix").display().to_string();
    let ingest = || {
        let out = horizon(&["ingest", corpus.path().to_str().unwrap(), "--index", &index]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    ingest();
    let server = Server::start(&index);
    // Asked twice, so that the answer cache holds it when the index changes under it.
    for _ in 0..2 {
        let html = page(&server, "/search?q=zeespiegelstijging", 200);
        assert!(html.contains("Geen passages gevonden"), "{html}");
    }
    std::fs::write(
        corpus.path().join("b.txt"),
        "Nederland is kwetsbaar voor zeespiegelstijging.\n",
    )
    .unwrap();
    ingest();
    let html = page(&server, "/search?q=zeespiegelstijging", 200);
    assert!(html.contains("<mark>zeespiegelstijging</mark>"), "{html}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let indexed = ingest_real_corpus();
    let mut server = Server::start(&indexed.index);
    page(&server, "/", 200);
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
}

#[test]
fn another_host_is_served_with_a_warning() {
    let indexed = ingest_real_corpus();
    let mut child = Command::new(env!("CARGO_BIN_EXE_horizon"))
        .args([
            "serve",
            "--index",
            &indexed.index,
            "--port",
            "0",
            "--host",
            "0.0.0.0",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        line.trim(),
        "horizon: warning: listening on 0.0.0.0: anyone who can reach this machine can read the corpus"
    );
}

#[test]
fn the_table_pages_show_the_numbers_of_the_commands() {
    let indexed = ingest_real_corpus();
    let server = Server::start(&indexed.index);
    let ix = indexed.index.as_str();
    let cli_json = |args: &[&str]| -> Value {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--index", ix, "--format", "json"]);
        let out = horizon(&all);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let api_json = |path: &str| -> Value {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.text());
        assert_eq!(reply.header("content-type"), "application/json", "{path}");
        serde_json::from_slice(&reply.body).unwrap()
    };
    assert_eq!(api_json("/api/signals"), cli_json(&["signals"]));
    assert_eq!(
        api_json("/api/signals?kind=actor&by=theme&edition=NVS+2019"),
        cli_json(&[
            "signals",
            "--kind",
            "actor",
            "--by",
            "theme",
            "--edition",
            "NVS 2019"
        ])
    );
    assert_eq!(
        api_json("/api/compare"),
        cli_json(&["compare", "NVS 2019", "NVS midterm review 2021"])
    );
    assert_eq!(
        api_json("/api/compare?a=NVS+2019&b=NVS+midterm+review+2021&kind=terms"),
        cli_json(&[
            "compare",
            "NVS 2019",
            "NVS midterm review 2021",
            "--kind",
            "terms"
        ])
    );
    assert_eq!(api_json("/api/themes"), cli_json(&["themes"]));
    assert_eq!(
        api_json("/api/signal/rusland"),
        cli_json(&["mentions", "rusland"])
    );
    // The downloads are the command line's bytes.
    let csv = server.get("/signals?kind=measure&format=csv&excel-nl=1");
    let cli = horizon(&[
        "signals",
        "--kind",
        "measure",
        "--index",
        ix,
        "--format",
        "csv",
        "--excel-nl",
    ]);
    assert_eq!(csv.body, cli.stdout);
    // The pages: the first rows of each table, linked to their signals and passages.
    let signals = page(&server, "/signals?kind=actor", 200);
    assert!(
        signals.contains("<a href=\"/signal/rusland\">rusland</a>"),
        "{signals}"
    );
    // A small trend line per signal, its values the table's per_10k, said for screen readers.
    let rates = cli_json(&["signals", "--kind", "actor"]);
    let rate = |edition: &str| {
        rates
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["signal"] == "rusland" && r["edition"] == edition)
            .map_or(0.0, |r| r["per_10k"].as_f64().unwrap())
    };
    let said = format!(
        "aria-label=\"per editie: {:.1} → {:.1}\"",
        rate("NVS 2019"),
        rate("NVS midterm review 2021")
    );
    assert!(signals.contains("<h2>Verloop per signaal</h2>"));
    assert!(signals.contains(&said), "{said} in {signals}");
    let rusland = page(&server, "/signal/rusland", 200);
    assert!(
        rusland.contains("<svg class=\"chart"),
        "the chart of horizon chart"
    );
    let mentions = cli_json(&["mentions", "rusland"]);
    let first = mentions[0]["passage"].as_str().unwrap().replace('#', "%23");
    assert!(
        rusland.contains(&format!("href=\"/passage/{first}\"")),
        "{rusland}"
    );
    let compare = page(&server, "/compare", 200);
    assert!(compare.contains("<h1>Vergelijken: NVS 2019 en NVS midterm review 2021</h1>"));
    assert!(compare.contains("<caption>Verschillen tussen de edities</caption>"));
    let themes = page(&server, "/themes", 200);
    assert!(
        themes.contains("<svg class=\"chart"),
        "the report's heat map"
    );
    // What the pages cannot do, they say.
    assert!(
        page(&server, "/signals?kind=bogus", 400).contains("is not one of theme, actor, measure")
    );
    assert!(page(&server, "/signal/bogus", 404).contains("there is no signal"));
    assert!(page(&server, "/compare?a=NVS+2030", 400).contains("no edition"));
    assert!(page(&server, "/api/bogus", 404).contains("the API has /api/search"));
}

#[test]
fn the_news_page_is_the_digest_of_the_command() {
    let indexed = ingest_real_corpus();
    let server = Server::start(&indexed.index);
    let cli = horizon(&[
        "news",
        "--index",
        &indexed.index,
        "--since",
        "NVS 2019",
        "--format",
        "json",
    ]);
    assert_eq!(cli.status.code(), Some(0), "{}", stderr(&cli));
    let digest: Value = serde_json::from_str(&stdout(&cli)).unwrap();
    let api = server.get("/api/news?since=NVS+2019");
    assert_eq!(api.status, 200);
    assert_eq!(api.header("content-type"), "application/json");
    assert_eq!(serde_json::from_str::<Value>(&api.text()).unwrap(), digest);
    let html = page(&server, "/news?since=NVS+2019", 200);
    assert!(html.contains("<h2>Bewaakte zoekvragen</h2>"), "{html}");
    for watch in digest["watches"].as_array().unwrap() {
        assert!(html.contains(&format!("<h3>{}</h3>", watch["label"].as_str().unwrap())));
        for hit in watch["passages"].as_array().unwrap() {
            let id = hit["passage"].as_str().unwrap();
            assert!(html.contains(&format!(">{id}</a>")), "{id}");
        }
    }
    // The page shows the terms the table for people shows (20), and says the downloads hold all.
    let terms = digest["terms"].as_array().unwrap();
    for term in terms.iter().take(20) {
        assert!(html.contains(&format!("<td>{}</td>", term["term"].as_str().unwrap())));
    }
    assert!(html.contains(&format!("De eerste 20 van {} rijen", terms.len())));
    let workbook = server.get("/news?since=NVS+2019&format=xlsx");
    assert_eq!(
        workbook.header("content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let sheets: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(workbook.body.clone())).unwrap();
    use calamine::Reader;
    assert_eq!(
        sheets.sheet_names(),
        ["watches", "alerts", "terms", "settings"]
    );
    let bad = server.get("/news?since=gisteren");
    assert_eq!(bad.status, 400);
    assert!(
        bad.text().contains("is not &#39;last&#39;") || bad.text().contains("is not 'last'"),
        "{}",
        bad.text()
    );
}
