//! Running headers, footers and page numbers found by repetition across pages. Where the text says
//! where its pages end (a form feed, as in the text horizon makes of a PDF and in pdftotext's output),
//! the lines at the top and foot of each page are compared across pages: a line that stands there on
//! a third of the pages or more is furniture ("Dreigingsbeeld Statelijke Actoren 2024", an address
//! footer), and so is one whose number rises with the page ("7/51", "Pagina 3 van 4", "NVS midterm
//! review 2021 | 27"). pdftotext reads a header split left and right with the columns below it, so
//! a short line that stands once on each of half the pages or more (three at least) is furniture
//! wherever it stands; a table cell repeats within its page and stays. Nothing here depends on one
//! document's wording or line count.

use rustc_hash::FxHashMap as HashMap;

/// How many non-blank lines at the top and at the foot of a page can be furniture.
const EDGE_LINES: usize = 3;
/// Longer lines are body text, not a header or footer.
const MAX_CHARS: usize = 200;

/// For each line, whether it is a running header, footer or page number of a paged text (one page
/// only: none is); `heading` lines (marked as such by the reader) never are.
pub fn mark(lines: &[&str], heading: impl Fn(&str) -> bool) -> Vec<bool> {
    let mut marks = vec![false; lines.len()];
    let pages = pages_of(lines);
    let page_count = pages.last().map_or(0, |&p| p + 1);
    if page_count < 2 {
        return marks;
    }
    // Non-blank line indices of each page.
    let mut by_page: Vec<Vec<usize>> = vec![Vec::new(); page_count];
    for (i, line) in lines.iter().enumerate() {
        let text = clean(line);
        if !text.is_empty() && text.chars().count() <= MAX_CHARS && !heading(text) {
            by_page[pages[i]].push(i);
        } else if !text.is_empty() {
            // A long line or a heading ends the run of edge lines at the top of the page.
            by_page[pages[i]].push(usize::MAX);
        }
    }
    let edges: Vec<(usize, usize)> = by_page
        .iter()
        .enumerate()
        .flat_map(|(page, found)| {
            let top = found
                .iter()
                .take(EDGE_LINES)
                .take_while(|&&i| i != usize::MAX);
            let foot = found
                .iter()
                .rev()
                .take(EDGE_LINES)
                .take_while(|&&i| i != usize::MAX);
            top.chain(foot).map(move |&i| (page, i)).collect::<Vec<_>>()
        })
        .collect();
    let needed = page_count.div_ceil(3).max(2);

    // Every line by its words: where it stands, page by page. A running header stands once on a
    // page; a table cell ("Voldoet") may repeat within one, and is no header.
    let mut all: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    for (page, found) in by_page.iter().enumerate() {
        for &i in found.iter().filter(|&&i| i != usize::MAX) {
            all.entry(key(clean(lines[i]))).or_default().push((page, i));
        }
    }
    let once_a_page = |found: &[(usize, usize)]| found.windows(2).all(|w| w[0].0 != w[1].0);
    // Lines alike but for their numbers: (page, numbers) per shape.
    let mut numbered: HashMap<String, Vec<(usize, Vec<i64>)>> = HashMap::default();
    let mut at_edges: HashMap<String, Vec<usize>> = HashMap::default();
    for &(page, i) in &edges {
        let text = clean(lines[i]);
        at_edges.entry(key(text)).or_default().push(page);
        let numbers = numbers(text);
        if !numbers.is_empty() {
            numbered
                .entry(shape(text))
                .or_default()
                .push((page, numbers));
        }
    }
    let half = page_count.div_ceil(2).max(3);
    for (key, found) in &all {
        if !once_a_page(found) {
            continue;
        }
        let edge_pages = at_edges.get(key).map_or(0, |p| {
            let mut p = p.clone();
            p.dedup();
            p.len()
        });
        // At the top or foot of a third of the pages, or anywhere on half of them if short.
        let short = key.chars().count() <= 80 && key.chars().any(char::is_alphabetic);
        if edge_pages >= needed || short && found.len() >= half {
            found.iter().for_each(|&(_, i)| marks[i] = true);
        }
    }
    for &(_, i) in &edges {
        if numbered
            .get(&shape(clean(lines[i])))
            .is_some_and(|found| rises_with_page(found, needed))
        {
            marks[i] = true;
        }
    }
    marks
}

/// The 0-based page of each line: the form feeds before its first letter count for it, those after
/// for the lines that follow.
fn pages_of(lines: &[&str]) -> Vec<usize> {
    let mut page = 0;
    lines
        .iter()
        .map(|line| {
            let lead = line.len() - line.trim_start_matches(char::is_whitespace).len();
            let here = page + line[..lead].matches('\x0c').count();
            page += line.matches('\x0c').count();
            here
        })
        .collect()
}

fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\x0c' || c == '\u{2060}')
}

/// Lower case, single spaces.
fn key(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The line with each number replaced by `#`.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in key(text).chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
    out
}

fn numbers(text: &str) -> Vec<i64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty() && s.len() <= 6)
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// Whether, on enough pages, one of the numbers of a shape is the page's number plus a constant:
/// what a page number does, and a heading's number ("Artikel 5") does not.
fn rises_with_page(found: &[(usize, Vec<i64>)], needed: usize) -> bool {
    let slots = found.iter().map(|(_, n)| n.len()).max().unwrap_or(0);
    (0..slots).any(|slot| {
        let mut offsets: HashMap<i64, Vec<usize>> = HashMap::default();
        for (page, numbers) in found {
            if let Some(&n) = numbers.get(slot) {
                offsets.entry(n - *page as i64).or_default().push(*page);
            }
        }
        offsets.values().any(|pages| {
            let mut pages = pages.clone();
            pages.dedup();
            pages.len() >= needed
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.split('\n').collect();
        let marks = mark(&lines, |l| l.starts_with('#'));
        lines
            .iter()
            .zip(marks)
            .filter(|(_, m)| *m)
            .map(|(l, _)| clean(l).to_string())
            .collect()
    }

    /// Four pages of an audit report laid out as pdftotext does, header, footer and "n/51" each.
    fn audit_pages() -> String {
        let bodies = [
            "Toegankelijkheidsonderzoek open.minvws.nl\nDe steekproef bestaat uit twaalf pagina’s.",
            "In de steekproef zijn formulieren en tabellen meegenomen.\nDe schermlezer leest de koppen voor.",
            "Succescriterium 1.4.3 Contrast (minimum) wordt niet gehaald.",
            "Burgemeesters en wethouders worden niet genoemd.\nTot slot de conclusie.",
        ];
        bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                format!(
                    "Rapportage WCAG-onderzoek open.minvws.nl\n\n{body}\n\nCardan, Burgemeester Brokxlaan 32, 5041 SB Tilburg\n{}/51\n",
                    i + 7
                )
            })
            .collect::<Vec<_>>()
            .join("\x0c")
    }

    #[test]
    fn headers_footers_and_page_numbers_repeat_across_pages() {
        let found = marked(&audit_pages());
        assert_eq!(found.len(), 12, "{found:?}");
        assert!(found.contains(&"Cardan, Burgemeester Brokxlaan 32, 5041 SB Tilburg".into()));
        assert!(found.contains(&"7/51".into()) && found.contains(&"10/51".into()));
        assert!(!found
            .iter()
            .any(|l| l.contains("steekproef") || l.contains("Burgemeesters en")));
    }

    #[test]
    fn headers_read_with_a_column_are_found_anywhere_but_table_cells_stay() {
        // pdftotext's two-columns.txt: the right half of the header comes after the left column.
        // "Voldoet" is a table cell, several times a page: it stays.
        let bodies = [
            [
                "Rusland zet in op desinformatie.",
                "Iran volgt dissidenten.",
                "China richt zich op kennis.",
            ],
            [
                "Hackers zoeken naar halfgeleiders.",
                "Sabotage raakt de haven.",
                "De NAVO oefent vaker.",
            ],
            [
                "Economische veiligheid vraagt toetsing.",
                "Investeringen worden gescreend.",
                "De EU stemt af.",
            ],
        ];
        let page = |n: usize| {
            let [a, b, c] = bodies[n - 1];
            format!(
                "Dreigingsbeeld Statelijke Actoren 2024\n\n{a}\nVoldoet\n{b}\nVoldoet\n{c}\n\nOpenbare versie | maart 2024\n\n{c} {a}\n{b} {c}\n{a} {b}\nPagina {n} van 3\n"
            )
        };
        let text = (1..=3).map(page).collect::<Vec<_>>().join("\x0c");
        let found = marked(&text);
        assert_eq!(
            found
                .iter()
                .filter(|l| *l == "Openbare versie | maart 2024")
                .count(),
            3,
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|l| l == "Voldoet" || l.starts_with("Rusland")),
            "{found:?}"
        );
    }

    #[test]
    fn numbered_headings_do_not_rise_with_the_page() {
        // "Artikel 5" tops pages 1 and 3 and "Artikel 6" page 4: numbers, but not the page's.
        let text = "Artikel 5\nDe minister stelt regels.\x0cVervolg van de regels.\nSlot.\x0cArtikel 5\nTekst.\x0cArtikel 9\nMeer tekst.";
        assert!(marked(text).is_empty(), "{:?}", marked(text));
    }

    #[test]
    fn headings_marked_by_the_reader_are_kept() {
        let text = "# Korte samenvatting NVS 2019\nPolarisatie.\x0c# Korte samenvatting NVS 2019\nTerrorisme.\x0c# Korte samenvatting NVS 2019\nCyber.";
        assert!(marked(text).is_empty());
    }

    #[test]
    fn text_without_pages_is_left_alone() {
        assert!(
            marked("NVS midterm review 2021 | 27\nDreigingen\nNVS midterm review 2021 | 27")
                .is_empty()
        );
    }

    #[test]
    fn form_feeds_give_each_line_its_page() {
        let lines = ["een", "twee\x0c", "\x0cdrie", "vier", "\x0c", "vijf"];
        assert_eq!(pages_of(&lines), [0, 0, 2, 2, 3, 3]);
    }
}
