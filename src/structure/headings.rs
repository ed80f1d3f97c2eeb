//! Headings: what a heading paragraph announces. A theme title, a section outside the themes, a
//! summary box of another edition, one of the three development parts, or a plain sub-heading.

use super::{Layout, Part};
use crate::lang::fold;
use crate::repair::strip_section_number;

/// The development headings of the strategy's themes, by their opening words.
const PART_HEADINGS: [(&str, Part); 3] = [
    ("ontwikkeling van de dreiging", Part::Threat),
    ("ontwikkeling van de weerbaarheid", Part::Resilience),
    ("ontwikkeling van de aanpak", Part::Approach),
];

/// Words that open a summary box of an edition ("Korte samenvatting NVS 2019").
const SUMMARY_WORDS: [&str; 2] = ["samenvatting", "summary"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// The title of theme `n` of the layout.
    Theme(usize),
    /// A section that belongs to no theme.
    Section,
    /// A box that speaks for another edition.
    Summary(String),
    Part(Part),
    /// Any other heading: a sub-heading inside a theme or box.
    Sub,
}

/// A layout's theme titles, section titles and edition names, normalised once for comparison
/// with every heading of every document.
#[derive(Debug, Clone)]
pub struct Titles {
    themes: Vec<String>,
    sections: Vec<String>,
    /// (normalised, as written)
    editions: Vec<(String, String)>,
}

impl Titles {
    pub fn new(layout: &Layout) -> Titles {
        Titles {
            themes: layout.themes.iter().map(|t| normalise(&t.label)).collect(),
            sections: layout.sections.iter().map(|s| normalise(s)).collect(),
            editions: layout
                .editions
                .iter()
                .map(|e| (normalise(e), e.clone()))
                .collect(),
        }
    }
}

/// What `text` (a heading) announces, given the document's own edition.
pub fn classify(text: &str, titles: &Titles, own_edition: &str) -> Heading {
    let key = normalise(text);
    if let Some(n) = titles.themes.iter().position(|t| matches_title(&key, t)) {
        return Heading::Theme(n);
    }
    if titles.sections.iter().any(|s| matches_title(&key, s)) {
        return Heading::Section;
    }
    if SUMMARY_WORDS.iter().any(|w| key.contains(w)) {
        if let Some((_, edition)) = titles
            .editions
            .iter()
            .filter(|(_, e)| e.as_str() != own_edition)
            .find(|(normal, _)| key.contains(normal.as_str()))
        {
            return Heading::Summary(edition.clone());
        }
    }
    if let Some((_, part)) = PART_HEADINGS
        .iter()
        .find(|(words, _)| key.starts_with(words))
    {
        return Heading::Part(*part);
    }
    Heading::Sub
}

/// A heading names a title when it is the title, or starts with it and adds little
/// ("Statelijke dreigingen tegengaan" under a heading "Statelijke dreigingen tegengaan (vervolg)").
fn matches_title(heading: &str, title: &str) -> bool {
    !title.is_empty()
        && (heading == title || heading.starts_with(title) && heading.len() <= title.len() + 12)
}

/// Lower case, no diacritics, straight apostrophes, single spaces, no section number or end stop.
pub fn normalise(text: &str) -> String {
    let text = strip_section_number(text.trim());
    let folded = fold(&text.to_lowercase()).replace(['’', '‘'], "'");
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ':', ';'])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::ThemeDef;

    fn layout() -> Layout {
        let theme = |id: &str, label: &str| ThemeDef {
            id: id.into(),
            label: label.into(),
            vocabulary: Vec::new(),
        };
        Layout::new(
            vec![
                theme("statelijke-dreigingen", "Statelijke dreigingen tegengaan"),
                theme(
                    "vitale-infrastructuur",
                    "Versterkte aanpak beschermen vitale infrastructuur",
                ),
                theme("cbrn", "Tegengaan van CBRN-dreigingen"),
            ],
            vec![
                "Inleiding".into(),
                "Generieke instrumenten voor de nationale veiligheid".into(),
            ],
            vec!["NVS 2019".into(), "NVS midterm review 2021".into()],
        )
    }

    #[test]
    fn headings_of_the_seed() {
        let own = "NVS midterm review 2021";
        let titles = Titles::new(&layout());
        let kind = |text: &str| classify(text, &titles, own);
        assert_eq!(kind("Statelijke dreigingen tegengaan"), Heading::Theme(0));
        assert_eq!(
            kind("Versterkte aanpak beschermen vitale infrastructuur"),
            Heading::Theme(1)
        );
        assert_eq!(kind("Tegengaan van CBRN-dreigingen"), Heading::Theme(2));
        assert_eq!(
            kind("Korte samenvatting NVS 2019"),
            Heading::Summary("NVS 2019".into())
        );
        assert_eq!(
            kind("Ontwikkeling van de dreiging en de risico’s"),
            Heading::Part(Part::Threat)
        );
        assert_eq!(
            kind("Ontwikkeling van de dreiging"),
            Heading::Part(Part::Threat)
        );
        assert_eq!(
            kind("Ontwikkeling van de weerbaarheid"),
            Heading::Part(Part::Resilience)
        );
        assert_eq!(
            kind("Ontwikkeling van de aanpak"),
            Heading::Part(Part::Approach)
        );
        assert_eq!(kind("Inleiding"), Heading::Section);
        assert_eq!(
            kind("Generieke instrumenten voor de nationale veiligheid"),
            Heading::Section
        );
        assert_eq!(kind("Droogte"), Heading::Sub);
        assert_eq!(
            kind("Samenvatting"),
            Heading::Sub,
            "a summary of no other edition"
        );
    }
}
