//! Edition, date, series and title for documents the manifest does not list, inferred from the file
//! name first and the opening of the text second, so a folder without a manifest is still a corpus.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::DocMeta;

/// How far into a text a date or session is looked for: title pages, not the body.
const HEAD_CHARS: usize = 1500;

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[^0-9]|$)").unwrap());
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9])(1[89]\d\d|20\d\d)(?:[^0-9]|$)").unwrap());
static DUTCH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries let the regex engine's DFA do the search; Unicode ones would make it
    // fall back to a much slower engine on every document's opening text.
    Regex::new(r"(?i)(?-u:\b)([0-3]?\d)\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(1[6-9]\d\d|20\d\d)(?-u:\b)").unwrap()
});
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)Zitting\s+(1[89]\d\d|20\d\d)\s*-\s*(1[89]\d\d|20\d\d)(?-u:\b)").unwrap()
});

/// Metadata for `path` (below the corpus folder `dir`) from its name and `text`.
pub fn meta(dir: &Path, path: &Path, text: &str) -> DocMeta {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    from_name_and_text(series(dir, path), &stem, text)
}

/// Metadata for the PDF `path` (below `dir`): the date from its file name, else its creation date,
/// else a date on its first page ("Datum: 04 juni 2025"); the title from its information where that
/// holds words, else its first line. Also says where the date came from, for the user to check.
pub fn pdf_meta(
    dir: &Path,
    path: &Path,
    text: &str,
    title: Option<&str>,
    created: Option<&str>,
) -> (DocMeta, &'static str) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let first_page = text.split('\x0c').next().unwrap_or(text);
    let mut meta = from_name_and_text(series(dir, path), &stem, first_page);
    let mut basis = if iso_date(&stem).is_some() {
        "its file name"
    } else if meta.date.is_some() {
        "its first page"
    } else {
        "nothing"
    };
    if iso_date(&stem).is_none() {
        if let Some(created) = created {
            meta.date = Some(created.to_string());
            basis = "its PDF information (creation date)";
            if YEAR.captures(&stem).is_none() {
                meta.edition = created[..4].to_string();
            }
        }
    }
    if let Some(title) = title {
        meta.title = title.to_string();
    }
    (meta, basis)
}

/// Metadata for one document of the JSON-lines file `path`: a file of many documents names none of
/// them, so all comes from `text` but the series, which is the folder below the corpus or else the
/// file itself.
pub fn line_meta(dir: &Path, path: &Path, text: &str) -> DocMeta {
    let series = folder(dir, path).unwrap_or_else(|| {
        path.file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    });
    from_name_and_text(series, "", text)
}

fn from_name_and_text(series: String, name: &str, text: &str) -> DocMeta {
    let head_end = text
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..head_end];
    let date = iso_date(name).or_else(|| dutch_date(head));
    let edition = date
        .as_ref()
        .map(|d| d[..4].to_string())
        .or_else(|| YEAR.captures(name).map(|c| c[1].to_string()))
        .or_else(|| {
            SESSION
                .captures_iter(head)
                .find(|c| standalone(head, c))
                .map(|c| format!("Zitting {}-{}", &c[1], &c[2]))
        });
    DocMeta {
        edition: edition.unwrap_or_else(|| series.clone()),
        series,
        date,
        title: title(text),
        publisher: String::new(),
        url: String::new(),
        listed: false,
    }
}

fn iso_date(text: &str) -> Option<String> {
    let caps = ISO_DATE.captures(text)?;
    let date = format!("{}-{}-{}", &caps[1], &caps[2], &caps[3]);
    super::manifest::is_iso_date(&date).then_some(date)
}

/// Whether a match stands apart from the words around it: the patterns' word boundaries are
/// ASCII ones, and a letter or digit of any script (OCR's "Ï8 Maart 1849") still joins a match.
fn standalone(text: &str, caps: &regex::Captures<'_>) -> bool {
    let Some(whole) = caps.get(0) else {
        return false;
    };
    let joins = |c: char| c.is_alphanumeric() || c == '_';
    !text[..whole.start()].chars().next_back().is_some_and(joins)
        && !text[whole.end()..].chars().next().is_some_and(joins)
}

/// The first written-out Dutch date ("21 juni 1983") as YYYY-MM-DD.
fn dutch_date(text: &str) -> Option<String> {
    DUTCH_DATE.captures_iter(text).find_map(|caps| {
        if !standalone(text, &caps) {
            return None;
        }
        let day: u32 = caps[1].parse().ok()?;
        let month = MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(&caps[2]))?
            + 1;
        let date = format!("{}-{month:02}-{day:02}", &caps[3]);
        super::manifest::is_iso_date(&date).then_some(date)
    })
}

/// The folder below the corpus that holds the file, or the corpus folder's own name.
fn series(dir: &Path, path: &Path) -> String {
    folder(dir, path).unwrap_or_else(|| {
        dir.canonicalize()
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "corpus".to_string())
    })
}

/// The folder right below the corpus folder `dir` that holds `path`, if it is not at the top.
fn folder(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let mut parts = rel.components();
    match (parts.next(), parts.next()) {
        (Some(folder), Some(_)) => Some(folder.as_os_str().to_string_lossy().into_owned()),
        _ => None,
    }
}

/// The first line with words, without Markdown heading marks, cut to a readable length.
fn title(text: &str) -> String {
    let line = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| l.chars().any(char::is_alphabetic))
        .unwrap_or("");
    let mut title: String = line.chars().take(120).collect();
    if line.chars().count() > 120 {
        title.push('…');
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_come_from_name_then_information_then_first_page() {
        let dir = Path::new("/corpus");
        let first_page =
            "WCAG 2.2 AA onderzoek\nRapportversie: 1.1\nDatum: 04 juni 2025\n\x0cDatum: 1 mei 2020";
        let (meta, basis) = pdf_meta(
            dir,
            Path::new("/corpus/2025-06-04-toegankelijkheidsonderzoek.pdf"),
            first_page,
            None,
            Some("2025-06-19"),
        );
        assert_eq!(
            (meta.date.as_deref(), basis),
            (Some("2025-06-04"), "its file name")
        );
        let (meta, basis) = pdf_meta(
            dir,
            Path::new("/corpus/co-melder-handleiding.pdf"),
            first_page,
            Some("Handleiding koolmonoxidemelder"),
            Some("2021-09-22"),
        );
        assert_eq!(meta.date.as_deref(), Some("2021-09-22"));
        assert_eq!(meta.edition, "2021");
        assert_eq!(meta.title, "Handleiding koolmonoxidemelder");
        assert!(basis.contains("PDF information"));
        let (meta, basis) = pdf_meta(
            dir,
            Path::new("/corpus/rapport.pdf"),
            first_page,
            None,
            None,
        );
        assert_eq!(
            (meta.date.as_deref(), basis),
            (Some("2025-06-04"), "its first page")
        );
    }

    #[test]
    fn a_date_joined_to_a_letter_is_no_date() {
        // sgd-kamerstukken: OCR read "18" as "Ï8"; the day is unknown, so is the date.
        assert_eq!(dutch_date("Besluit van Ï8 Maart 1849, tot"), None);
        assert_eq!(
            dutch_date("Besluit van Ï8 Maart 1849, en van 22 Maart 1860"),
            Some("1860-03-22".into())
        );
        assert_eq!(
            dutch_date("den 22 Maart 1860, won"),
            Some("1860-03-22".into())
        );
    }

    #[test]
    fn law_gets_its_date_from_the_title_line() {
        let text = "##Wet van 12 juli 1821, houdende de grondslagen van het stelsel van 's Rijks belastingen, met den jare 1822\n\nWIJ WILLEM";
        let meta = meta(
            Path::new("/c/nl-laws"),
            Path::new("/c/nl-laws/wet/BWBR0001826.md"),
            text,
        );
        assert_eq!(meta.date.as_deref(), Some("1821-07-12"));
        assert_eq!(meta.edition, "1821");
        assert_eq!(meta.series, "wet");
        assert!(meta.title.starts_with("Wet van 12 juli 1821, houdende"));
        assert!(!meta.listed);
    }

    #[test]
    fn parliamentary_paper_gets_date_and_session() {
        let text = "Tweede Kamer der Staten-Generaal\n2\nZitting 1982-1983\n12449\nAfsluiting van de Oosterschelde\n's-Gravenhage, 21 juni 1983\n";
        let meta = meta(Path::new("/c"), Path::new("/c/ks-12449.txt"), text);
        assert_eq!(meta.date.as_deref(), Some("1983-06-21"));
        assert_eq!(meta.edition, "1983");
    }

    #[test]
    fn a_json_line_belongs_to_the_folder_or_else_the_file() {
        let text = "Tweede Kamer der Staten-Generaal\nAfsluiting van de Oosterschelde";
        let nested = line_meta(Path::new("/c"), Path::new("/c/kamer/1995.jsonl"), text);
        assert_eq!(
            (nested.series.as_str(), nested.edition.as_str()),
            ("kamer", "kamer")
        );
        let top = line_meta(Path::new("/c"), Path::new("/c/kamerstukken.jsonl"), text);
        assert_eq!(top.series, "kamerstukken");
        assert_eq!(top.date, None);
    }

    #[test]
    fn file_name_year_and_session_without_date() {
        let meta1 = meta(
            Path::new("/c"),
            Path::new("/c/horizonscan-2020.txt"),
            "Horizonscan",
        );
        assert_eq!(meta1.edition, "2020");
        assert_eq!(meta1.date, None);
        let meta2 = meta(
            Path::new("/c"),
            Path::new("/c/brief.txt"),
            "Zitting 1994-1995\nBrief",
        );
        assert_eq!(meta2.edition, "Zitting 1994-1995");
        let meta3 = meta(Path::new("/c"), Path::new("/c/nota-2021-04-30.txt"), "Nota");
        assert_eq!(meta3.date.as_deref(), Some("2021-04-30"));
    }
}
