//! The report: one self-contained HTML page (inline CSS and SVG, no scripts, no fonts or images from
//! anywhere) with the corpus at a glance, themes per edition, trends of actors and measures, what
//! changed between the two latest editions, signals in context linked to their passages, and the
//! settings. It renders what the commands gather; it computes no statistic of its own.

pub mod svg;

use std::fmt::Write;

pub use crate::export::escape;

/// An edition as the report shows it.
#[derive(Debug, Clone)]
pub struct EditionRow {
    pub name: String,
    pub date: String,
    pub documents: u64,
    pub passages: u64,
    pub words: u64,
}

/// A row of the comparison.
#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub kind: String,
    pub signal: String,
    pub label: String,
    pub count_a: u64,
    pub count_b: u64,
    pub log_ratio: f64,
    pub g2: f64,
    pub status: String,
}

/// A mention in context, and the passage it links to.
#[derive(Debug, Clone)]
pub struct ContextLine {
    pub passage: String,
    pub edition: String,
    /// Pages of the passage, where its source has them.
    pub pages: Option<String>,
    pub left: String,
    pub matched: String,
    pub right: String,
}

/// A passage the context lines point to.
#[derive(Debug, Clone)]
pub struct PassageRow {
    pub passage: String,
    pub edition: String,
    pub theme: String,
    pub pages: Option<String>,
    pub lines: String,
    pub text: String,
}

/// Everything the report shows.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub title: String,
    pub corpus: String,
    pub documents: u64,
    pub passages: u64,
    pub words: u64,
    pub editions: Vec<EditionRow>,
    /// Theme titles, and per theme the per-10k rate of its words in each edition.
    pub themes: Vec<String>,
    pub theme_rates: Vec<Vec<f64>>,
    /// Top actors and measures: name and per-10k rate per edition.
    pub trends: Vec<(String, Vec<f64>)>,
    /// The two editions compared, and the new, rising and falling signals.
    pub compared: Option<(String, String)>,
    pub changes: Vec<ChangeRow>,
    /// Per top signal, its label and a few mentions.
    pub contexts: Vec<(String, Vec<ContextLine>)>,
    pub passages_shown: Vec<PassageRow>,
    pub settings: Vec<(String, String)>,
}

const STYLE: &str = r#"
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #08306b; padding-bottom: .2rem; margin-top: 2.4rem; }
.lead { color: #444; margin-top: 0; }
.glance { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.figure { border: 1px solid #ccd; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.figure b { display: block; font-size: 1.6rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
th, td { border-bottom: 1px solid #dde; padding: .3rem .6rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; margin: .5rem 0 1rem; }
.chart .axis { font-size: 13px; fill: #333; } .chart .value { font-size: 13px; } .chart .legend { font-size: 13px; fill: #222; } .chart .note { font-size: 12px; fill: #555; }
.status-new { font-weight: bold; } .status-rising::before { content: "▲ "; } .status-falling::before { content: "▼ "; } .status-new::before { content: "● "; }
.kwic { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85rem; }
.kwic .left { text-align: right; color: #444; } .kwic .hit { font-weight: bold; background: #deebf7; }
.passage { border-left: 3px solid #9ecae1; padding: .2rem .8rem; margin: .8rem 0; }
.passage .meta { font-size: .85rem; color: #555; }
a { color: #08519c; }
@media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } .chart, table, .passage { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
"#;

/// The report as one HTML page.
pub fn render(report: &Report) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&report.title)
    );
    let _ = write!(html, "<h1>{}</h1>\n<p class=\"lead\">Corpus <code>{}</code>: wat de strategiedocumenten per editie zeggen over thema's, actoren en maatregelen, en wat er veranderde.</p>\n", escape(&report.title), escape(&report.corpus));

    html.push_str(
        "<section id=\"corpus\">\n<h2>Het corpus in één oogopslag</h2>\n<div class=\"glance\">",
    );
    for (label, value) in [
        ("documenten", report.documents),
        ("edities", report.editions.len() as u64),
        ("passages", report.passages),
        ("woorden", report.words),
    ] {
        let _ = write!(
            html,
            "<div class=\"figure\"><b>{}</b>{label}</div>",
            thousands(value)
        );
    }
    html.push_str("</div>\n<table class=\"editions\"><tr><th>editie</th><th>datum</th><th class=\"n\">documenten</th><th class=\"n\">passages</th><th class=\"n\">woorden</th></tr>");
    for e in &report.editions {
        let _ = write!(html, "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\" data-words=\"{}\">{}</td></tr>", escape(&e.name), escape(&e.date), e.documents, thousands(e.passages), e.words, thousands(e.words));
    }
    html.push_str("</table>\n</section>\n");

    let edition_names: Vec<String> = report.editions.iter().map(|e| e.name.clone()).collect();
    html.push_str("<section id=\"themas\">\n<h2>Thema's per editie</h2>\n<p>Hoe vaak de woorden van elk thema voorkomen, per 10.000 woorden van de editie. Hoe donkerder, hoe vaker.</p>\n");
    html.push_str(&svg::heat_map(
        "Thema's per editie (per 10.000 woorden)",
        &report.themes,
        &edition_names,
        &report.theme_rates,
        "vermeldingen per 10.000 woorden",
    ));
    html.push_str("\n</section>\n");

    html.push_str("<section id=\"trends\">\n<h2>Actoren en maatregelen door de edities heen</h2>\n<p>De meest genoemde actoren en maatregelen, per 10.000 woorden van elke editie, in volgorde van datum.</p>\n");
    html.push_str(&svg::line_chart(
        "Actoren en maatregelen per editie",
        &edition_names,
        &report.trends,
        "per 10.000 woorden",
    ));
    html.push_str("\n</section>\n");

    if let Some((a, b)) = &report.compared {
        let _ = write!(html, "<section id=\"vergelijking\">\n<h2>Wat veranderde van {} naar {}</h2>\n<p>Nieuw: niet genoemd in {}, wel in {}. Stijgend en dalend: G² van ten minste 3,84 (p &lt; 0,05) en minstens een verdubbeling of halvering van de frequentie.</p>\n", escape(a), escape(b), escape(a), escape(b));
        html.push_str("<table class=\"changes\"><tr><th>status</th><th>soort</th><th>signaal</th><th class=\"n\">aantal A</th><th class=\"n\">aantal B</th><th class=\"n\">log₂-ratio</th><th class=\"n\">G²</th></tr>");
        for c in &report.changes {
            let _ = write!(
                html,
                "<tr class=\"change\" data-signal=\"{}\" data-g2=\"{}\" data-count-a=\"{}\" data-count-b=\"{}\"><td class=\"status-{}\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&c.signal), c.g2, c.count_a, c.count_b, escape(&c.status), dutch_status(&c.status), dutch_kind(&c.kind), escape(&c.label), c.count_a, c.count_b, svg::dutch(c.log_ratio, 2), svg::dutch(c.g2, 2)
            );
        }
        html.push_str("</table>\n</section>\n");
    }

    html.push_str("<section id=\"context\">\n<h2>Signalen in hun context</h2>\n<p>Enkele vermeldingen van de meest genoemde signalen; elke regel leidt naar zijn passage.</p>\n");
    for (label, lines) in &report.contexts {
        let _ = write!(html, "<h3>{}</h3>\n<table class=\"kwic\">", escape(label));
        for line in lines {
            let _ = write!(
                html,
                "<tr><td class=\"left\">{}</td><td class=\"hit\">{}</td><td>{}</td><td><a href=\"#{}\">{}</a>{}</td></tr>",
                escape(&line.left), escape(&line.matched), escape(&line.right), anchor(&line.passage), escape(&line.passage), page_note(line.pages.as_deref())
            );
        }
        html.push_str("</table>\n");
    }
    html.push_str("</section>\n<section id=\"passages\">\n<h2>Passages</h2>\n");
    for p in &report.passages_shown {
        let _ = writeln!(
            html,
            "<div class=\"passage\" id=\"{}\"><div class=\"meta\">{} · {} · {}{} · regels {}</div><p>{}</p></div>",
            anchor(&p.passage), escape(&p.passage), escape(&p.edition), escape(if p.theme.is_empty() { "geen thema" } else { &p.theme }), page_note(p.pages.as_deref()), escape(&p.lines), escape(&p.text)
        );
    }
    html.push_str("</section>\n<section id=\"instellingen\">\n<h2>Instellingen en versies</h2>\n<table class=\"settings\">");
    for (name, value) in &report.settings {
        let _ = write!(
            html,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(name),
            escape(value)
        );
    }
    html.push_str("</table>\n</section>\n</body>\n</html>\n");
    html
}

fn dutch_status(status: &str) -> &'static str {
    match status {
        "new" => "nieuw",
        "rising" => "stijgend",
        "falling" => "dalend",
        "gone" => "verdwenen",
        _ => "stabiel",
    }
}

fn dutch_kind(kind: &str) -> &'static str {
    match kind {
        "actor" => "actor",
        "measure" => "maatregel",
        "theme" => "thema",
        _ => "woord",
    }
}

/// " · p. 27" (" · p. 27-28") where the passage's source has pages, else nothing.
fn page_note(pages: Option<&str>) -> String {
    pages.map_or(String::new(), |pages| format!(" · p. {}", escape(pages)))
}

/// An id for a passage usable as a link target.
pub fn anchor(passage: &str) -> String {
    let id: String = passage
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("p-{id}")
}

/// 13.307 for 13307, as Dutch writes it.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Text safe in HTML and in attribute values.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_formats_the_dutch_way() {
        assert_eq!(
            escape("Rusland & <China> \"VS\""),
            "Rusland &amp; &lt;China&gt; &quot;VS&quot;"
        );
        assert_eq!(thousands(13307), "13.307");
        assert_eq!(thousands(916), "916");
        assert_eq!(
            anchor("nvs-midterm-review-2021#13"),
            "p-nvs-midterm-review-2021-13"
        );
    }

    #[test]
    fn a_page_with_no_outside_loads() {
        let html = render(&Report {
            title: "Horizonscan".into(),
            ..Report::default()
        });
        assert!(html.starts_with("<!DOCTYPE html>"));
        for forbidden in ["<script", "<link", "@import", "src=\"http", "url("] {
            assert!(!html.contains(forbidden), "{forbidden}");
        }
    }
}
