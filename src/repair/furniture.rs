//! Page furniture: running headers and footers, and page numbers, which PDF extraction leaves in the
//! flow of the text. A line is furniture when it is a bare page number, a "title | page" line, or a
//! short line that repeats on three or more pages with a page number after a separator ("Horizonscan
//! 2020 — 3") changing each time. A line that repeats unchanged ("Korte samenvatting NVS 2019") is a
//! heading, and so is a numbered one ("Artikel 2"); neither is furniture.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// For each line, whether it is page furniture to drop: the rules of this file, contents lines
/// ([`super::contents`]) and, where the text has pages (`paged`: it holds form feeds), running
/// headers and footers repeated across them ([`super::running`]).
pub fn mark(lines: &[&str], paged: bool) -> Vec<bool> {
    let mut marks = own_marks(lines);
    if paged {
        let running = super::running::mark(lines, |line| line.starts_with('#'));
        marks.iter_mut().zip(running).for_each(|(m, r)| *m |= r);
    }
    for (mark, line) in marks.iter_mut().zip(lines) {
        *mark = *mark || super::contents::is_contents_line(line);
    }
    marks
}

/// Furniture that a single line shows, or its repetition with a changing page number anywhere.
fn own_marks(lines: &[&str]) -> Vec<bool> {
    // For each shape, the distinct lines that have it.
    let mut repeats: HashMap<String, HashSet<&str>> = HashMap::default();
    for line in lines {
        // Only short lines with a number can be running headers with a page number.
        let trimmed = line.trim();
        // Lines of one shape end in a page number all or none, so only those that do are counted.
        if trimmed.len() > 160 || !ends_in_page_number(trimmed) {
            continue;
        }
        let key = shape(line);
        if !key.is_empty() && key.chars().count() <= 80 {
            repeats.entry(key).or_default().insert(trimmed);
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let trimmed = line.trim();
            // Each kind of furniture carries a page number.
            if !trimmed.bytes().any(|b| b.is_ascii_digit()) {
                return false;
            }
            let isolated = |j: Option<usize>| {
                j.and_then(|j| lines.get(j))
                    .is_none_or(|l| l.trim().is_empty())
            };
            (is_page_number(trimmed) && isolated(i.checked_sub(1)) && isolated(Some(i + 1)))
                || is_header_with_page(trimmed)
                || ends_in_page_number(trimmed)
                    && repeats
                        .get(&shape(line))
                        .is_some_and(|seen| seen.len() >= 3)
        })
        .collect()
}

/// "27", "- 27 -", "pagina 27 van 40".
fn is_page_number(line: &str) -> bool {
    let core = line.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    // "pagina 999 van 999" is the longest form.
    if core.len() > 20 {
        return false;
    }
    let lower = core.to_lowercase();
    let core = lower
        .strip_prefix("pagina ")
        .or_else(|| lower.strip_prefix("blz. "))
        .unwrap_or(&lower);
    let number = core.split(" van ").next().unwrap_or(core);
    !number.is_empty() && number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit())
}

/// "NVS midterm review 2021 | 27" or "27 | NVS midterm review 2021".
fn is_header_with_page(line: &str) -> bool {
    let Some((left, right)) = line.split_once('|') else {
        return false;
    };
    let (left, right) = (left.trim(), right.trim());
    let page = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    let title = |s: &str| s.chars().any(char::is_alphabetic) && s.chars().count() <= 80;
    (title(left) && page(right)) || (page(left) && title(right))
}

/// Text, a separator or the word for page, then a number: "Rapport 2021 — 3", "blz. 4".
fn ends_in_page_number(line: &str) -> bool {
    if !line.ends_with(|c: char| c.is_ascii_digit())
        || line.starts_with('#')
        || !line.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let before = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let before = before.trim_end().to_lowercase();
    before.ends_with(['|', '—', '–', '-', '·', '/', ':'])
        || ["pagina", "blz.", "blz", "page", "p."]
            .iter()
            .any(|w| before.ends_with(w))
}

/// A line with its last number taken out, so "Rapport 2021 — 3" and "Rapport 2021 — 4" look alike
/// while "5 Tweede Kamer 2020-2021, 30 821, nr. 125." (a footnote) looks like no other.
fn shape(line: &str) -> String {
    let trimmed = line.trim();
    let Some(last_digit) = trimmed.rfind(|c: char| c.is_ascii_digit()) else {
        return trimmed.to_string();
    };
    let start = trimmed[..last_digit]
        .char_indices()
        .rfind(|(_, c)| !c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    format!("{}#{}", &trimmed[..start], &trimmed[last_digit + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_running_footer_is_dropped() {
        let lines = [
            "aan de nationale veiligheid.  ",
            " ",
            "NVS midterm review 2021 | 27",
            "",
            "Vraagstukken, nr. 112, 19 juni 2020. ",
        ];
        assert_eq!(mark(&lines, false), [false, false, true, false, false]);
    }

    #[test]
    fn bare_page_numbers_only_when_alone() {
        let lines = ["", "14", "", "112", "is het alarmnummer"];
        assert_eq!(mark(&lines, false), [false, true, false, false, false]);
    }

    #[test]
    fn shapes_cut_at_character_boundaries() {
        // nl-laws BWBR0002542: a multi-byte apostrophe right before the last number.
        let line = "##Vervallen en afzonderlijk verzoek om teruggaaf o.g.v. art. 29, lid 1, letter b, Wet OB’68";
        assert_eq!(shape(line), "##Vervallen en afzonderlijk verzoek om teruggaaf o.g.v. art. 29, lid 1, letter b, Wet OB’#");
        assert_eq!(shape("Pagina 3"), "Pagina #");
        assert_eq!(shape("’27"), "’#");
    }

    #[test]
    fn numbered_headings_are_not_furniture() {
        let lines = [
            "### Artikel  1  ",
            "tekst",
            "### Artikel  2  ",
            "tekst",
            "Artikel 3",
            "tekst",
            "Artikel 4",
        ];
        assert_eq!(mark(&lines, false), [false; 7]);
    }

    #[test]
    fn repeated_box_headings_are_not_furniture() {
        let lines = [
            "Korte samenvatting NVS 2019  ",
            "tekst",
            "Korte samenvatting NVS 2019 ",
            "tekst",
            "Korte samenvatting NVS 2019",
        ];
        assert_eq!(mark(&lines, false), [false; 5]);
    }

    #[test]
    fn footnotes_citing_parliament_are_not_furniture() {
        let lines = [
            "1 Tweede Kamer 2018-2019, 3 0821, nr. 81.  ",
            "5 Tweede Kamer 2020-2021, 30 821, nr. 125. ",
            "6 Tweede Kamer 2018-2019, 30 821, Nr. 91 en 112. ",
            "15 Tweede Kamer 2019-2020, 26643, nr. 695. ",
            "17 Tweede Kamer 2019-2020, 30821, nr. 102. ",
        ];
        assert_eq!(mark(&lines, false), [false; 5]);
    }

    #[test]
    fn repeated_headers_with_page_numbers() {
        let mut lines = Vec::new();
        for page in 1..=4 {
            lines.push(format!("Horizonscan Nationale Veiligheid 2020 — {page}"));
            lines.push("De dreiging van statelijke actoren blijft groot.".to_string());
        }
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let marks = mark(&refs, false);
        assert_eq!(marks.iter().filter(|m| **m).count(), 4);
        assert!(!marks[1]);
    }
}
