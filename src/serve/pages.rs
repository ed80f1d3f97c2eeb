//! The workbench's pages, rendered on the server by maud, which escapes every value it is given:
//! document text, titles, file names and queries are untrusted and never reach the page as markup.
//! No script, font or image comes from the network; the styles are inline; the labels are Dutch.

use axum::http::StatusCode;
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::{SearchParams, TableParams, MAX_PAGE, PAGE_SIZE};
use crate::cmd::news::News;
use crate::cmd::show::Neighbourhood;
use crate::export::{Cell, Table};
use crate::index::{
    Answer, Facets, FieldName, HorizonIndex, Novelty, PassageRecord, SignalMeta, PARTS,
};

/// Readable on a laptop and in print; contrast of at least 4.5:1 everywhere; a visible focus.
const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid #595959;padding-top:.5rem}
header a{color:#1b1b1b;text-decoration:none;font-weight:700}
a{color:#0b4f9c}a:focus,input:focus,select:focus,button:focus,summary:focus{outline:3px solid #b35900;outline-offset:2px}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
label{display:flex;flex-direction:column;font-weight:600}
input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid #595959;border-radius:3px}
input[type=search]{min-width:22rem}
button{background:#0b4f9c;color:#fff;border-color:#0b4f9c}
mark{background:#ffe27a;color:#1b1b1b}
.meta{color:#3d3d3d;font-size:.9rem}
.note{border-left:4px solid #b35900;padding:.25rem .75rem;background:#fff7ee}
.problem{border-left:4px solid #a4161a;padding:.25rem .75rem;background:#fdecec}
article{border-top:1px solid #d0d0d0;padding:.5rem 0}
table{border-collapse:collapse}td,th{text-align:left;padding:.15rem .6rem .15rem 0;vertical-align:top}
code{background:#f2f2f2;padding:0 .2rem}
.context{color:#3d3d3d}
@media print{header form,.pages,.downloads,.skip{display:none}a{color:#1b1b1b}}
";

/// What a search page shows besides the form.
pub enum Outcome<'a> {
    Nothing,
    Problem(&'a str),
    Found(&'a Answer, usize),
}

fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · horizon" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                a class="skip" href="#inhoud" { "Naar de inhoud" }
                header {
                    nav aria-label="Hoofdmenu" {
                        p {
                            a href="/" { "horizon" } " · "
                            a href="/search" { "Zoeken" } " · "
                            a href="/signals" { "Signalen" } " · "
                            a href="/compare" { "Vergelijken" } " · "
                            a href="/themes" { "Thema's" } " · "
                            a href="/news" { "Nieuw" }
                        }
                    }
                }
                main id="inhoud" { (body) }
                footer {
                    p class="meta" { "Elke telling leidt naar de regels en pagina's die haar maken." }
                }
            }
        }
    }
}

/// An address with its query string, every value encoded.
fn link(path: &str, pairs: &[(&str, &str)]) -> String {
    let kept: Vec<(&str, &str)> = pairs
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    match serde_urlencoded::to_string(kept) {
        Ok(query) if !query.is_empty() => format!("{path}?{query}"),
        _ => path.to_string(),
    }
}

/// A snippet whose `**...**` highlights become `<mark>`, every piece escaped.
fn snippet(text: &str) -> Markup {
    html! {
        @for (i, piece) in text.split("**").enumerate() {
            @if i % 2 == 1 { mark { (piece) } } @else { (piece) }
        }
    }
}

/// Only web addresses become links: a `javascript:` or file URL in a manifest stays text.
fn web_address(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

fn syntax_help() -> Markup {
    let rows = [
        (
            "\"nationale veiligheid\"",
            "de woorden naast elkaar, in deze volgorde",
        ),
        (
            "\"rusland desinformatie\"~30",
            "de woorden met ten hoogste 30 andere ertussen",
        ),
        (
            "NEAR(rusland desinformatie)",
            "hetzelfde binnen 10 woorden; NEAR/5(...) binnen 5",
        ),
        ("terror*", "elk woord dat zo begint"),
        (
            "desinformatei~1",
            "elk woord op één letter na (tik- en OCR-fouten)",
        ),
        ("rusland OR china", "een van beide; AND, NOT en -woord ook"),
        (
            "editie:2019  thema:polarisatie",
            "alleen die editie of dat thema",
        ),
        (
            "deel:dreiging  datum:2019..2021",
            "alleen dat deel, die data",
        ),
    ];
    html! {
        details {
            summary { "Zoektaal" }
            table {
                caption class="meta" { "Wat u kunt schrijven, en wat het vindt" }
                thead { tr { th scope="col" { "schrijf" } th scope="col" { "vindt" } } }
                tbody {
                    @for (write, finds) in rows {
                        tr { td { code { (write) } } td { (finds) } }
                    }
                }
            }
        }
    }
}

/// One filter of the search form: its values with their labels, and the passages each holds.
struct Choice<'a> {
    name: &'static str,
    label: &'static str,
    all: &'static str,
    chosen: &'a str,
    values: Vec<(String, String, Option<u64>)>,
}

/// The filters of the search form. With an answer, each value shows how many of its passages the
/// query finds (within the other filters); without one, the editions show their size.
fn choices<'a>(
    index: &HorizonIndex,
    params: &'a SearchParams,
    facets: Option<&Facets>,
) -> Vec<Choice<'a>> {
    let count = |field: FieldName, value: &str| facets.map(|f| f.count(field, value));
    let mut series: Vec<&str> = index
        .meta
        .documents
        .iter()
        .map(|d| d.series.as_str())
        .collect();
    series.sort_unstable();
    series.dedup();
    vec![
        Choice {
            name: "edition",
            label: "Editie",
            all: "Alle edities",
            chosen: params.edition.as_deref().unwrap_or(""),
            values: index
                .meta
                .editions
                .iter()
                .map(|e| {
                    let n = count(FieldName::Edition, &e.name).or(Some(e.passages));
                    (e.name.clone(), e.name.clone(), n)
                })
                .collect(),
        },
        Choice {
            name: "theme",
            label: "Thema",
            all: "Alle thema's",
            chosen: params.theme.as_deref().unwrap_or(""),
            values: index
                .meta
                .themes
                .iter()
                .map(|t| {
                    (
                        t.id.clone(),
                        t.label.clone(),
                        count(FieldName::Theme, &t.id),
                    )
                })
                .collect(),
        },
        Choice {
            name: "series",
            label: "Reeks",
            all: "Alle reeksen",
            chosen: params.series.as_deref().unwrap_or(""),
            values: series
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(|s| (s.to_string(), s.to_string(), count(FieldName::Series, s)))
                .collect(),
        },
        Choice {
            name: "part",
            label: "Deel",
            all: "Alle delen",
            chosen: params.part.as_deref().unwrap_or(""),
            values: PARTS
                .iter()
                .map(|(en, nl)| (en.to_string(), nl.to_string(), count(FieldName::Part, en)))
                .collect(),
        },
    ]
}

fn search_form(index: &HorizonIndex, params: &SearchParams, facets: Option<&Facets>) -> Markup {
    html! {
        form method="get" action="/search" role="search" {
            label for="q" { "Zoekvraag"
                input type="search" id="q" name="q" value=(params.q) autocomplete="off";
            }
            @for choice in choices(index, params, facets) {
                label for=(choice.name) { (choice.label)
                    select id=(choice.name) name=(choice.name) {
                        option value="" selected[choice.chosen.is_empty()] { (choice.all) }
                        @for (value, label, n) in &choice.values {
                            option value=(value) selected[value == choice.chosen] {
                                (label)
                                @if let Some(n) = n { " (" (n) ")" }
                            }
                        }
                    }
                }
            }
            button type="submit" { "Zoeken" }
        }
    }
}

fn hit_meta(record: &PassageRecord) -> Markup {
    html! {
        p class="meta" {
            "Editie " (record.edition)
            @if !record.date.is_empty() { " · " (record.date) }
            @if !record.theme_label.is_empty() { " · thema " (record.theme_label) }
            @if let Some(pages) = record.pages() { " · pagina " (pages) }
            " · regels " (record.lines())
        }
    }
}

pub fn search(index: &HorizonIndex, params: &SearchParams, outcome: Outcome) -> Markup {
    let title = if params.q.trim().is_empty() {
        "Zoeken".to_string()
    } else {
        format!("Zoeken: {}", params.q)
    };
    let edition = params.edition.as_deref().unwrap_or("");
    let theme = params.theme.as_deref().unwrap_or("");
    let series = params.series.as_deref().unwrap_or("");
    let part = params.part.as_deref().unwrap_or("");
    let facets = match &outcome {
        Outcome::Found(answer, _) => answer.facets.as_ref(),
        _ => None,
    };
    // This search's address at `path`, with `extra` parameters.
    let here = |path: &str, extra: &[(&str, &str)]| -> String {
        let mut pairs = vec![
            ("q", params.q.as_str()),
            ("edition", edition),
            ("theme", theme),
            ("series", series),
            ("part", part),
        ];
        pairs.extend_from_slice(extra);
        link(path, &pairs)
    };
    let body = html! {
        h1 { "Zoeken in " (index.meta.passages) " passages" }
        (search_form(index, params, facets))
        (syntax_help())
        @match outcome {
            Outcome::Nothing => {}
            Outcome::Problem(why) => {
                div class="problem" role="alert" { h2 { "De zoekvraag klopt niet" } p { (why) } }
            }
            Outcome::Found(answer, page) => {
                h2 { "Resultaten" }
                @for note in &answer.notes { p class="note" { (note) } }
                @if let Some(partial) = answer.partial {
                    p class="note" {
                        "Geen passage bevat alle " (partial.of) " delen van de zoekvraag; "
                        "deze bevatten er " (partial.holds) " (de ontbrekende staan erbij)."
                    }
                }
                @for suggestion in &answer.suggestions {
                    p class="note" {
                        "“" (suggestion.word) "” staat in geen passage; bedoelde u: "
                        @for (i, word) in suggestion.instead.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href=(link("/search", &[("q", word.as_str()), ("edition", edition), ("theme", theme), ("series", series), ("part", part)])) { (word) }
                        }
                        "?"
                    }
                }
                @let from = (page - 1) * PAGE_SIZE;
                @if answer.hits.len() <= from {
                    p { "Geen passages gevonden." }
                } @else {
                    p class="downloads" {
                        "Download: "
                        a href=(here("/search", &[("format", "csv")])) { "CSV" } " · "
                        a href=(here("/search", &[("format", "csv"), ("excel-nl", "1")])) { "CSV voor Excel (NL)" } " · "
                        a href=(here("/search", &[("format", "xlsx")])) { "Excel" } " · "
                        a href=(here("/api/search", &[])) { "JSON" }
                    }
                    ol start=(from + 1) {
                        @for hit in answer.hits.iter().skip(from) {
                            li {
                                article {
                                    h3 { a href=(format!("/passage/{}", urlencode_path(&hit.record.passage))) { (hit.record.passage) } }
                                    (hit_meta(&hit.record))
                                    @if !hit.missing.is_empty() {
                                        p class="meta" { "Ontbreekt: " (hit.missing.join(", ")) }
                                    }
                                    p { (snippet(&hit.snippet)) }
                                }
                            }
                        }
                    }
                    nav class="pages" aria-label="Pagina's" {
                        @if page > 1 {
                            a href=(here("/search", &[("page", &(page - 1).to_string())])) { "Vorige" } " "
                        }
                        @if answer.hits.len() == page * PAGE_SIZE && page < MAX_PAGE {
                            a href=(here("/search", &[("page", &(page + 1).to_string())])) { "Volgende" }
                        }
                    }
                }
            }
        }
    };
    layout(&title, body)
}

/// A passage id in a path: `#` and anything else outside the safe set percent-encoded.
fn urlencode_path(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 8);
    for byte in id.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The passage text with its mentions marked, each piece escaped.
fn marked(record: &PassageRecord) -> Markup {
    html! {
        @for (text, signal) in record.mention_pieces() {
            @if let Some(signal) = signal { mark title=(signal) { (text) } } @else { (text) }
        }
    }
}

pub fn passage(found: &Neighbourhood) -> Markup {
    let Some((_, main)) = found.shown.iter().find(|(role, _)| *role == "passage") else {
        return error(StatusCode::NOT_FOUND, "no such passage");
    };
    let body = html! {
        h1 { "Passage " (main.passage) }
        @if !main.section.is_empty() {
            nav aria-label="Kopjes" { p class="meta" { "Onder: " (main.section) } }
        }
        dl {
            @if let Some(source) = &found.source {
                dt { "Bron" } dd { (source.file) }
                @if !source.title.is_empty() { dt { "Titel" } dd { (source.title) } }
                @if let Some(url) = web_address(&source.url) { dt { "Adres" } dd { a href=(url) { (url) } } }
                @else if !source.url.is_empty() { dt { "Adres" } dd { (source.url) } }
            }
            dt { "Reeks" } dd { (main.series) }
            dt { "Editie" } dd { (main.edition) @if !main.date.is_empty() { " (" (main.date) ")" } }
            @if let Some(pages) = main.pages() { dt { "Pagina" } dd { (pages) } }
            dt { "Regels" } dd { (main.lines()) }
            @if !main.theme.is_empty() { dt { "Thema" } dd { (main.theme_label) " (" (main.part) ")" } }
        }
        @for (role, record) in &found.shown {
            @if *role == "passage" {
                section aria-labelledby="deze" {
                    h2 id="deze" { "De passage" }
                    p { (marked(record)) }
                }
            } @else {
                section class="context" aria-label=(if *role == "before" { "Ervoor" } else { "Erna" }) {
                    h2 { (if *role == "before" { "Ervoor" } else { "Erna" }) ": "
                        a href=(format!("/passage/{}", urlencode_path(&record.passage))) { (record.passage) } }
                    p { (record.text) }
                }
            }
        }
    };
    layout(&format!("Passage {}", main.passage), body)
}

/// A cell as the command line's table prints it; passages and the lexicon's signals link to their
/// pages (a compared word in the `signal` column is no signal).
fn cell(index: &HorizonIndex, column: &str, value: &Cell) -> Markup {
    let text = match value {
        Cell::Text(text) => text.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Float(x) => format!("{x:.3}"),
        Cell::Bool(b) => b.to_string(),
        Cell::Empty => String::new(),
    };
    html! {
        @match (column, value) {
            ("passage", Cell::Text(id)) if !id.is_empty() => {
                a href=(format!("/passage/{}", urlencode_path(id))) { (text) }
            }
            ("signal", Cell::Text(id)) if index.meta.signals.iter().any(|s| &s.id == id) => {
                a href=(format!("/signal/{}", urlencode_path(id))) { (text) }
            }
            ("snippet" | "context", Cell::Text(text)) => (snippet(text)),
            (_, Cell::Int(_) | Cell::Float(_)) => span class="num" { (text) },
            _ => (text),
        }
    }
}

/// A table of the command line as HTML: the columns it shows people, as many rows as it shows.
fn table_html(index: &HorizonIndex, caption: &str, table: &Table) -> Markup {
    let shown: Vec<usize> = (0..table.columns.len())
        .filter(|&i| table.columns[i].in_table)
        .collect();
    let rows = table
        .human_limit
        .unwrap_or(table.rows.len())
        .min(table.rows.len());
    html! {
        @if table.rows.is_empty() {
            p { (table.empty_message) }
        } @else {
            table {
                caption { (caption) }
                thead { tr { @for &i in &shown { th scope="col" { (table.columns[i].name) } } } }
                tbody {
                    @for row in &table.rows[..rows] {
                        tr { @for &i in &shown { td { (cell(index, &table.columns[i].name, &row[i])) } } }
                    }
                }
            }
            @if rows < table.rows.len() {
                p class="meta" { "De eerste " (rows) " van " (table.rows.len()) " rijen; de downloads bevatten ze alle." }
            }
        }
    }
}

/// Download links for the table of the page at `path` with these parameters.
fn downloads(path: &str, pairs: &[(&str, &str)]) -> Markup {
    let with = |extra: &[(&str, &str)]| {
        let mut all = pairs.to_vec();
        all.extend_from_slice(extra);
        link(path, &all)
    };
    let api = link(&format!("/api{path}"), pairs);
    html! {
        p class="downloads" {
            "Download: "
            a href=(with(&[("format", "csv")])) { "CSV" } " · "
            a href=(with(&[("format", "csv"), ("excel-nl", "1")])) { "CSV voor Excel (NL)" } " · "
            a href=(with(&[("format", "xlsx")])) { "Excel" } " · "
            a href=(api) { "JSON" }
        }
    }
}

fn select(id: &str, label: &str, options: &[(String, String)], chosen: &str) -> Markup {
    html! {
        label for=(id) { (label)
            select id=(id) name=(id) {
                @for (value, shown) in options {
                    option value=(value) selected[value == chosen] { (shown) }
                }
            }
        }
    }
}

fn edition_options(index: &HorizonIndex, all: Option<&str>) -> Vec<(String, String)> {
    all.map(|label| (String::new(), label.to_string()))
        .into_iter()
        .chain(
            index
                .meta
                .editions
                .iter()
                .map(|e| (e.name.clone(), e.name.clone())),
        )
        .collect()
}

/// Each signal's rate per edition, in the editions' order, from the signals table by edition.
fn rates_by_signal(index: &HorizonIndex, table: &Table) -> Vec<(String, Vec<f64>)> {
    let column = |name: &str| table.columns.iter().position(|c| c.name == name);
    let (Some(signal), Some(edition), Some(rate)) =
        (column("signal"), column("edition"), column("per_10k"))
    else {
        return Vec::new();
    };
    let editions: Vec<&str> = index
        .meta
        .editions
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    let mut out: Vec<(String, Vec<f64>)> = Vec::new();
    for row in &table.rows {
        let (Cell::Text(id), Cell::Text(name), Cell::Float(value)) =
            (&row[signal], &row[edition], &row[rate])
        else {
            continue;
        };
        let Some(at) = editions.iter().position(|e| e == name) else {
            continue;
        };
        let slot = match out.iter().position(|(s, _)| s == id) {
            Some(i) => i,
            None => {
                out.push((id.clone(), vec![0.0; editions.len()]));
                out.len() - 1
            }
        };
        out[slot].1[at] = *value;
    }
    out
}

/// A small line of values over the editions, drawn to the same scale for every signal.
fn sparkline(values: &[f64], top: f64) -> Markup {
    let (width, height) = (96.0, 20.0);
    let step = if values.len() > 1 {
        width / (values.len() - 1) as f64
    } else {
        0.0
    };
    let y = |v: f64| height - 2.0 - (v / top.max(f64::MIN_POSITIVE)) * (height - 4.0);
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", i as f64 * step, y(*v)))
        .collect();
    let said: Vec<String> = values.iter().map(|v| format!("{v:.1}")).collect();
    html! {
        svg width="96" height="20" viewBox="0 0 96 20" role="img" aria-label=(format!("per editie: {}", said.join(" → "))) {
            polyline points=(points.join(" ")) fill="none" stroke="#0b4f9c" stroke-width="2" {}
        }
    }
}

pub fn signals(index: &HorizonIndex, params: &TableParams, table: &Table) -> Markup {
    let kind = params.kind.as_deref().unwrap_or("");
    let by = params.by.as_deref().unwrap_or("");
    let edition = params.edition.as_deref().unwrap_or("");
    let kinds = [
        ("", "Alle soorten"),
        ("theme", "Thema's"),
        ("actor", "Actoren"),
        ("measure", "Maatregelen"),
    ]
    .map(|(v, s)| (v.to_string(), s.to_string()));
    let groups = [
        ("", "Per editie"),
        ("doc", "Per document"),
        ("theme", "Per thema"),
    ]
    .map(|(v, s)| (v.to_string(), s.to_string()));
    let body = html! {
        h1 { "Signalen per editie" }
        p { "Hoe vaak elk thema, elke actor en elke maatregel van het lexicon wordt genoemd, met het aantal per 10.000 woorden. Elk signaal leidt naar de regels die de telling maken." }
        form method="get" action="/signals" {
            (select("kind", "Soort", &kinds, kind))
            (select("by", "Groepering", &groups, by))
            (select("edition", "Editie", &edition_options(index, Some("Alle edities")), edition))
            button type="submit" { "Tonen" }
        }
        (downloads("/signals", &[("kind", kind), ("by", by), ("edition", edition)]))
        @let trends = if by.is_empty() && edition.is_empty() { rates_by_signal(index, table) } else { Vec::new() };
        @if !trends.is_empty() {
            @let top = trends.iter().flat_map(|(_, v)| v.iter().copied()).fold(0.0, f64::max);
            h2 { "Verloop per signaal" }
            table {
                caption { "Vermeldingen per 10.000 woorden, edities in volgorde van datum" }
                thead { tr { th scope="col" { "signaal" } th scope="col" { "verloop" }
                    @for e in &index.meta.editions { th scope="col" { (e.name) } } } }
                tbody {
                    @for (id, values) in &trends {
                        tr {
                            td { a href=(format!("/signal/{}", urlencode_path(id))) { (id) } }
                            td { (sparkline(values, top)) }
                            @for v in values { td { span class="num" { (format!("{v:.3}")) } } }
                        }
                    }
                }
            }
            h2 { "Alle tellingen" }
        }
        (table_html(index, "Signalen", table))
    };
    layout("Signalen", body)
}

pub fn signal(
    index: &HorizonIndex,
    signal: &SignalMeta,
    params: &TableParams,
    chart: &str,
    table: &Table,
) -> Markup {
    let edition = params.edition.as_deref().unwrap_or("");
    let path = format!("/signal/{}", urlencode_path(&signal.id));
    let body = html! {
        h1 { (signal.label) }
        p class="meta" { "Signaal " code { (signal.id) } " · " (signal.kind) @if !signal.aliases.is_empty() { " · ook: " (signal.aliases.join(", ")) } }
        figure {
            // The chart is horizon's own SVG, every label in it escaped where it is drawn.
            (PreEscaped(chart))
            figcaption class="meta" { "Vermeldingen per 10.000 woorden, per editie (dezelfde grafiek als horizon chart)." }
        }
        h2 { "Elke vermelding" }
        form method="get" action=(path) {
            (select("edition", "Editie", &edition_options(index, Some("Alle edities")), edition))
            button type="submit" { "Tonen" }
        }
        (downloads(&path, &[("edition", edition)]))
        (table_html(index, "Vermeldingen in hun context", table))
    };
    layout(&signal.label, body)
}

pub fn compare(index: &HorizonIndex, params: &TableParams, table: &Table) -> Markup {
    let a = params.a.as_deref().unwrap_or("");
    let b = params.b.as_deref().unwrap_or("");
    let kind = params.kind.as_deref().unwrap_or("");
    let kinds = [
        ("", "Alle signalen"),
        ("theme", "Thema's"),
        ("actor", "Actoren"),
        ("measure", "Maatregelen"),
        ("terms", "Woorden"),
    ]
    .map(|(v, s)| (v.to_string(), s.to_string()));
    let editions = edition_options(index, None);
    let body = html! {
        h1 { "Vergelijken: " (a) " en " (b) }
        p { "Nieuw, gestegen en gedaald van editie A naar editie B, met de tellingen, G² (log-likelihood) en de log-ratio; het sterkste bewijs van verandering bovenaan." }
        form method="get" action="/compare" {
            (select("a", "Editie A", &editions, a))
            (select("b", "Editie B", &editions, b))
            (select("kind", "Wat", &kinds, kind))
            button type="submit" { "Vergelijken" }
        }
        (downloads("/compare", &[("a", a), ("b", b), ("kind", kind)]))
        (table_html(index, "Verschillen tussen de edities", table))
    };
    layout("Vergelijken", body)
}

pub fn themes(index: &HorizonIndex, heat_map: &str, table: &Table) -> Markup {
    let body = html! {
        h1 { "Thema's per editie" }
        figure {
            // horizon's own SVG, as in the report; every label escaped where it is drawn.
            (PreEscaped(heat_map))
            figcaption class="meta" { "Hoe vaak de woorden van elk thema voorkomen, per 10.000 woorden van de editie." }
        }
        (downloads("/themes", &[]))
        (table_html(index, "Passages en woorden per thema en editie", table))
    };
    layout("Thema's", body)
}

/// "Nieuw": what the latest scan (or a date, a scan, an edition) brought: each watch's new
/// passages, the signals of the newest edition that alert or vanished, and the emerging terms.
pub fn news(index: &HorizonIndex, since: &str, news: &News) -> Markup {
    let cell = |table: &Table, row: &[Cell], name: &str| -> String {
        match table
            .columns
            .iter()
            .position(|c| c.name == name)
            .map(|i| &row[i])
        {
            Some(Cell::Text(text)) => text.clone(),
            Some(Cell::Int(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let body = html! {
        h1 { "Nieuw" }
        p { "Wat er sinds de laatste scan (of een datum, een scan of een editie) in het corpus kwam: de nieuwe passages van elke bewaakte zoekvraag, de signalen die in de nieuwste editie alarm geven of verdwenen, en de termen die opkomen." }
        form method="get" action="/news" {
            label for="since" { "Sinds"
                input type="text" id="since" name="since" value=(since) aria-describedby="since-uitleg";
            }
            button type="submit" { "Tonen" }
        }
        p id="since-uitleg" class="meta" {
            code { "last" } " (de laatste scan), een datum (" code { "2021-03-08" } "), "
            code { "scan:3" } " of een editie (" @for (i, e) in index.meta.editions.iter().take(3).enumerate() { @if i > 0 { ", " } code { (e.name) } } ")."
        }
        p {
            (news.new_passages) " nieuwe passages, tegen " (news.earlier_passages) " eerder: "
            @match &news.since.novelty {
                Novelty::Editions(later) if later.is_empty() => { "er is geen editie na " (news.since.asked) "." }
                Novelty::Editions(later) => { "de passages van " (later.join(", ")) ", de edities na " (news.since.asked) "." }
                Novelty::FromScan(number) => { "de passages van scan " (number) " en later." }
            }
        }
        @if !news.since.scans.is_empty() {
            ul {
                @for scan in &news.since.scans {
                    li { "Scan " (scan.number) " (" (scan.day()) "): " (scan.added.len()) " documenten toegevoegd, " (scan.changed.len()) " gewijzigd, " (scan.removed.len()) " verwijderd; " (scan.passages) " passages." }
                }
            }
        }
        @if news.is_empty() { p class="note" { "Niets nieuws." } }
        (downloads("/news", &[("since", since)]))
        h2 { "Bewaakte zoekvragen" }
        @if news.watches.is_empty() {
            p { "Geen bewaakte zoekvragen: zet ze in corpus/watch.csv (id,label,query,theme,note) of voeg ze toe met " code { "horizon watch add" } "." }
        }
        @for watch in &news.watches {
            section {
                h3 { (if watch.watch.label.is_empty() { &watch.watch.id } else { &watch.watch.label }) }
                p class="meta" {
                    "Zoekvraag " code { (watch.watch.query) }
                    @if !watch.watch.theme.is_empty() { " · thema " (watch.watch.theme) }
                    " · " a href=(link("/search", &[("q", watch.watch.query.as_str()), ("theme", watch.watch.theme.as_str())])) { "alle treffers van deze zoekvraag" }
                }
                @if watch.hits.rows.is_empty() {
                    p { "Geen nieuwe passages." }
                } @else {
                    ol {
                        @for row in &watch.hits.rows {
                            @let id = cell(&watch.hits, row, "passage");
                            li {
                                a href=(format!("/passage/{}", urlencode_path(&id))) { (id) }
                                span class="meta" {
                                    " · editie " (cell(&watch.hits, row, "edition"))
                                    @let pages = cell(&watch.hits, row, "pages");
                                    @if !pages.is_empty() { " · pagina " (pages) }
                                    " · regels " (cell(&watch.hits, row, "lines"))
                                }
                                p { (snippet(&cell(&watch.hits, row, "snippet"))) }
                            }
                        }
                    }
                }
            }
        }
        h2 { "Signalen: alarm en verdwenen" }
        p class="meta" { "Alarm: het aantal per 10.000 woorden in de nieuwste editie is meer dan twee keer het gemiddelde van de edities ervoor. Verdwenen: genoemd in de editie ervoor, nu niet. Elk signaal leidt naar zijn vermeldingen." }
        (table_html(index, "Signalen van de nieuwste editie", &news.alerts))
        h2 { "Opkomende termen" }
        p class="meta" { "Woorden en woordgroepen die voor het eerst voorkomen of sterk stijgen tegen al het eerdere materiaal, en opvallen tegen algemeen Nederlands; namen uit het lexicon blijven weg." }
        (table_html(index, "Opkomende termen", &news.terms))
    };
    layout("Nieuw", body)
}

pub fn error(status: StatusCode, message: &str) -> Markup {
    let body = html! {
        h1 { "Dat lukte niet (" (status.as_u16()) ")" }
        p class="problem" role="alert" { (message) }
        p { a href="/" { "Naar het zoeken" } }
    };
    layout("Fout", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_highlights_and_escape_everything_else() {
        let shown =
            snippet("…de **desinformatie** over <script>alert(1)</script> & “meer”…").into_string();
        assert_eq!(
            shown,
            "…de <mark>desinformatie</mark> over &lt;script&gt;alert(1)&lt;/script&gt; &amp; “meer”…"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_address(" https://www.nctv.nl/documenten "),
            Some("https://www.nctv.nl/documenten")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("JaVaScRiPt:alert(1)"), None);
        assert_eq!(web_address("file:///etc/passwd"), None);
    }

    #[test]
    fn links_encode_their_values() {
        assert_eq!(
            link(
                "/search",
                &[("q", "\"digitale dreigingen\"~3 & één"), ("edition", "")]
            ),
            "/search?q=%22digitale+dreigingen%22%7E3+%26+%C3%A9%C3%A9n"
        );
        assert_eq!(
            urlencode_path("nvs-midterm-review-2021#54"),
            "nvs-midterm-review-2021%2354"
        );
    }
}
